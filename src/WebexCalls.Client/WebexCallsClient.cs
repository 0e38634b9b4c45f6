using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client.Http;
using WebexCalls.Client.Wire;

namespace WebexCalls.Client
{
    /// <summary>
    /// Typed calls to the Webex Calling Call Controls API (<c>/telephony/calls</c>). Every failure is thrown as a
    /// <see cref="WebexApiException"/>; cancellation through the token is the only other exception.
    /// Made by <see cref="WebexHttpConnection.CreateClient"/>; cheap, holds no state of its own, and safe to use from
    /// many threads at once (a fan-out shares one).
    /// </summary>
    public sealed class WebexCallsClient
    {
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        private readonly HttpClient _http;
        private readonly IWebexRequestObserver? _observer;
        private readonly string? _connectionId;

        internal WebexCallsClient(HttpClient http, IWebexRequestObserver? observer, string? connectionId = null)
        {
            _http = http;
            _observer = observer;
            _connectionId = connectionId;
        }

        /// <summary>Lists the user's active calls (<c>GET /telephony/calls</c>).</summary>
        /// <param name="scope">Whose calls: the user's (null), a secondary line's, or a member's in admin mode.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public async Task<IReadOnlyList<CallSession>> ListCallsAsync(CallScope? scope, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;
            var response = await SendAsync(HttpMethod.Get, Routes.List(scope), null, null, cancellationToken, scope).ConfigureAwait(false);
            var list = Deserialize(response, WebexJsonContext.Wire.CallListWire);
            if (list.Items is null)
            {
                throw InvalidResponse(response, "the response has no 'items' array", null);
            }

            var retrievedAt = DateTimeOffset.UtcNow;
            return list.Items.Where(item => item != null).Select(item => ToCall(item!, response, retrievedAt, scope)).ToList();
        }

        /// <summary>Reads one active call (<c>GET /telephony/calls/{callId}</c>); a call that is gone is <see cref="WebexErrorKind.NotFound"/>.</summary>
        public async Task<CallSession> GetCallAsync(string callId, CallScope? scope, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;
            var response = await SendAsync(HttpMethod.Get, Routes.Call(scope, callId), callId, null, cancellationToken, scope).ConfigureAwait(false);
            return ToCall(Deserialize(response, WebexJsonContext.Wire.CallWire), response, DateTimeOffset.UtcNow, scope);
        }

        /// <summary>
        /// Reads the user's call history (<c>GET /telephony/calls/history</c>), newest first: one type, or every type
        /// when <paramref name="type"/> is null. Webex keeps at most 20 records per type.
        /// </summary>
        /// <remarks>
        /// For a member the route is <c>/telephony/calls/members/{memberId}/history</c>, which Cisco's spec extract does
        /// not confirm; a Webex that does not offer it gives a <see cref="WebexErrorKind.NotOffered"/> error.
        /// </remarks>
        public async Task<IReadOnlyList<CallHistoryRecord>> ListHistoryAsync(CallHistoryType? type, CallScope? scope, CancellationToken cancellationToken)
        {
            if (type == CallHistoryType.Unknown)
            {
                throw new ArgumentException("Choose Placed, Missed or Received.", nameof(type));
            }

            scope ??= CallScope.User;
            var wireType = type is CallHistoryType t ? char.ToLowerInvariant(t.ToString()[0]) + t.ToString().Substring(1) : null;
            var response = await SendAsync(HttpMethod.Get, Routes.History(scope, wireType), null, null, cancellationToken, scope).ConfigureAwait(false);
            var list = Deserialize(response, WebexJsonContext.Wire.CallHistoryListWire);
            if (list.Items is null)
            {
                throw InvalidResponse(response, "the response has no 'items' array", null);
            }

            // OrderBy is stable, so records with the same (or no) time keep the server's order.
            return list.Items.Where(item => item != null)
                .Select(item => CallMapper.ToHistoryRecord(item!, scope, _connectionId))
                .OrderByDescending(record => record.Time ?? DateTimeOffset.MinValue)
                .ToList();
        }

        /// <summary>
        /// Starts a Click to Dial call to <paramref name="destination"/> (<c>POST /telephony/calls/dial</c>). Webex
        /// answers with the new call's identifiers only; read the call with <see cref="GetNewCallAsync"/>.
        /// </summary>
        /// <param name="destination">Digits or a URI; see <see cref="DestinationValidator"/>.</param>
        /// <param name="options">The device or Single Number Reach number to alert; null for all the user's devices.</param>
        /// <param name="scope">Whose call: the user's (null), on a secondary line, or a member's in admin mode.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public Task<DialResult> DialAsync(string destination, NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            destination = RequireDestination(destination, nameof(destination));
            return StartCallAsync("dial", WithOptions(new CallCommandWire { Destination = destination }, options), scope, cancellationToken);
        }

        /// <summary>Retrieves a parked call through a new call (<c>POST /telephony/calls/retrieve</c>); no destination = the call parked against the user.</summary>
        public Task<DialResult> RetrieveAsync(string? destination, NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            destination = RequireDestinationIfGiven(destination, nameof(destination));
            return StartCallAsync("retrieve", WithOptions(new CallCommandWire { Destination = destination }, options), scope, cancellationToken);
        }

        /// <summary>Picks up a call ringing another user through a new call (<c>POST /telephony/calls/pickup</c>); no target = the user's pickup group.</summary>
        public Task<DialResult> PickupAsync(string? target, NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            target = RequireDestinationIfGiven(target, nameof(target));
            return StartCallAsync("pickup", WithOptions(new CallCommandWire { Target = target }, options), scope, cancellationToken);
        }

        /// <summary>Barges in on another user's answered call through a new call (<c>POST /telephony/calls/bargeIn</c>).</summary>
        public Task<DialResult> BargeInAsync(string target, NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            target = RequireDestination(target, nameof(target));
            return StartCallAsync("bargeIn", WithOptions(new CallCommandWire { Target = target }, options), scope, cancellationToken);
        }

        /// <summary>
        /// Pulls the user's call from another of their devices (<c>POST /telephony/calls/pull</c>): a temporary call
        /// alerts the target device and, once answered, the device joins the pulled call. The spec gives Pull no
        /// Single Number Reach field, so <see cref="NewCallOptions.SingleNumberReachNumber"/> is refused.
        /// </summary>
        public Task<DialResult> PullAsync(NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            if (options?.SingleNumberReachNumber != null)
            {
                throw new ArgumentException("Pull takes an endpoint id, not a Single Number Reach number.", nameof(options));
            }

            return StartCallAsync("pull", WithOptions(new CallCommandWire(), options), scope, cancellationToken);
        }

        /// <summary>
        /// Reads the call that a dial-like operation started: by its id, or, when Webex no longer knows that id, by its
        /// call session among the active calls. The spec does not promise that the id Dial returns survives the call's
        /// change from clickToDial to originator (the reference notes mark it uncertain, and wxc_sdk re-reads ids from
        /// the list), and a pull releases its temporary call once the device joins the pulled one; the session, which
        /// the spec says correlates the calls of one session, is the fallback.
        /// </summary>
        public async Task<CallSession> GetNewCallAsync(DialResult started, CallScope? scope, CancellationToken cancellationToken)
        {
            if (started is null)
            {
                throw new ArgumentNullException(nameof(started));
            }

            try
            {
                return await GetCallAsync(started.CallId, scope, cancellationToken).ConfigureAwait(false);
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound)
            {
                var calls = await ListCallsAsync(scope, cancellationToken).ConfigureAwait(false);
                // The user's own leg of the session is wanted: an outgoing one first, but a pull joins whatever call it
                // pulled, which may be an incoming (terminator) one.
                var sameSession = calls
                    .Where(call => call.CallSessionId == started.CallSessionId)
                    .OrderBy(call => call.Personality == CallPersonality.Terminator ? 1 : 0)
                    .FirstOrDefault();
                if (sameSession is null)
                {
                    throw;
                }

                return sameSession;
            }
        }

        /// <summary>Runs one of the actions that take only a call id: hold, resume, hang up, mute, recording, push.</summary>
        public Task PerformAsync(CallAction action, string callId, CallScope? scope, CancellationToken cancellationToken)
        {
            return CommandAsync(PathOf(action), new CallCommandWire { CallId = callId }, scope, callId, cancellationToken);
        }

        /// <summary>Answers an alerting call (<c>POST /telephony/calls/answer</c>), on <paramref name="endpointId"/> or the primary device.</summary>
        public Task AnswerAsync(string callId, string? endpointId, CallScope? scope, CancellationToken cancellationToken)
        {
            return CommandAsync("answer", new CallCommandWire { CallId = callId, EndpointId = endpointId }, scope, callId, cancellationToken);
        }

        /// <summary>Rejects an unanswered incoming call (<c>POST /telephony/calls/reject</c>); a null action sends none (Webex then applies busy).</summary>
        public Task RejectAsync(string callId, RejectAction? action, CallScope? scope, CancellationToken cancellationToken)
        {
            var wireAction = action switch
            {
                null => null,
                RejectAction.Busy => "busy",
                RejectAction.TemporarilyUnavailable => "temporarilyUnavailable",
                RejectAction.Ignore => "ignore",
                _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a reject action."),
            };
            return CommandAsync("reject", new CallCommandWire { CallId = callId, Action = wireAction }, scope, callId, cancellationToken);
        }

        /// <summary>
        /// Diverts a call (<c>POST /telephony/calls/divert</c>) to <paramref name="destination"/>, or to voicemail: the
        /// user's own without a destination, that user's with one. Without voicemail a destination is required.
        /// </summary>
        public Task DivertAsync(string callId, string? destination, bool toVoicemail, CallScope? scope, CancellationToken cancellationToken)
        {
            destination = toVoicemail ? RequireDestinationIfGiven(destination, nameof(destination)) : RequireDestination(destination, nameof(destination));

            var body = new CallCommandWire { CallId = callId, Destination = destination, ToVoicemail = toVoicemail ? true : (bool?)null };
            return CommandAsync("divert", body, scope, callId, cancellationToken);
        }

        /// <summary>
        /// Transfers two calls to each other (<c>POST /telephony/calls/transfer</c>, 204): <paramref name="callId1"/>
        /// and <paramref name="callId2"/> (an attended transfer), or neither, when the user has exactly two calls and
        /// Webex picks them.
        /// </summary>
        public Task TransferAsync(string? callId1, string? callId2, CallScope? scope, CancellationToken cancellationToken)
        {
            if ((callId1 is null) != (callId2 is null))
            {
                throw new ArgumentException("Give both call ids (attended transfer) or neither (the user's two calls).", nameof(callId2));
            }

            // A body that says nothing is the spec's way to ask for the automatic pick, so {} (or just the line) is sent.
            return CommandAsync("transfer", new CallCommandWire { CallId1 = callId1, CallId2 = callId2 }, scope, callId1, cancellationToken);
        }

        /// <summary>
        /// A mute transfer (<c>POST /telephony/calls/transfer</c> with <c>callId1</c> and <c>destination</c>): Webex
        /// calls the destination and transfers <paramref name="callId"/> only when it answers. The spec answers 201
        /// with the new call to the destination; a server that answers 204 instead gives null (accepted, no new call).
        /// </summary>
        public async Task<DialResult?> MuteTransferAsync(string callId, string destination, CallScope? scope, CancellationToken cancellationToken)
        {
            destination = RequireDestination(destination, nameof(destination));
            var body = new CallCommandWire { CallId1 = callId, Destination = destination };
            var response = await SendCommandAsync("transfer", body, scope, callId, cancellationToken).ConfigureAwait(false);
            return response.Body.Length == 0 ? null : ReadStartedCall(response);
        }

        /// <summary>
        /// Parks a connected call (<c>POST /telephony/calls/park</c>): against <paramref name="destination"/>, the user
        /// when null, or a member of the user's call park group when <paramref name="isGroupPark"/> (the destination is
        /// then ignored). Webex answers 200 with where it was parked.
        /// </summary>
        public async Task<ParkedCall> ParkAsync(string callId, string? destination, bool isGroupPark, CallScope? scope, CancellationToken cancellationToken)
        {
            destination = RequireDestinationIfGiven(destination, nameof(destination));
            var body = new CallCommandWire { CallId = callId, Destination = destination, IsGroupPark = isGroupPark ? true : (bool?)null };
            var response = await SendCommandAsync("park", body, scope, callId, cancellationToken).ConfigureAwait(false);
            var park = Deserialize(response, WebexJsonContext.Wire.ParkResponseWire);
            if (park.ParkedAgainst is null)
            {
                throw InvalidResponse(response, "the park response has no 'parkedAgainst'", null);
            }

            return new ParkedCall(callId, CallMapper.ToParty(park.ParkedAgainst), scope ?? CallScope.User) { ConnectionId = _connectionId };
        }

        /// <summary>Sends DTMF digits into a call (<c>POST /telephony/calls/transmitDtmf</c>); see <see cref="DtmfValidator"/>.</summary>
        public Task TransmitDtmfAsync(string callId, string digits, CallScope? scope, CancellationToken cancellationToken)
        {
            if (!DtmfValidator.IsValid(digits))
            {
                throw new ArgumentException(DtmfValidator.Describe(digits), nameof(digits));
            }

            return CommandAsync("transmitDtmf", new CallCommandWire { CallId = callId, Dtmf = DtmfValidator.Normalize(digits) }, scope, callId, cancellationToken);
        }

        /// <summary>
        /// Applies wrap-up reasons to a member's last completed call (<c>POST /telephony/calls/members/{memberId}/wrapupreasons</c>,
        /// 204). Members only: the user-level API has no such operation.
        /// </summary>
        public Task SetWrapUpReasonsAsync(CallScope scope, IEnumerable<string> reasons, CancellationToken cancellationToken)
        {
            if (scope is null || !scope.IsMember)
            {
                throw new ArgumentException("Wrap-up reasons are set for a member (admin mode).", nameof(scope));
            }

            var list = (reasons ?? throw new ArgumentNullException(nameof(reasons))).Where(reason => !string.IsNullOrWhiteSpace(reason)).ToList();
            if (list.Count == 0)
            {
                throw new ArgumentException("At least one wrap-up reason is required.", nameof(reasons));
            }

            return CommandAsync("wrapupreasons", new CallCommandWire { WrapupReasons = list }, scope, null, cancellationToken);
        }

        private static string PathOf(CallAction action)
        {
            switch (action)
            {
                case CallAction.Hangup: return "hangup";
                case CallAction.Hold: return "hold";
                case CallAction.Resume: return "resume";
                case CallAction.Mute: return "mute";
                case CallAction.Unmute: return "unmute";
                case CallAction.StartRecording: return "startRecording";
                case CallAction.StopRecording: return "stopRecording";
                case CallAction.PauseRecording: return "pauseRecording";
                case CallAction.ResumeRecording: return "resumeRecording";
                case CallAction.Push: return "push";
                default: throw new ArgumentOutOfRangeException(nameof(action), action, "Not a call action.");
            }
        }

        private async Task CommandAsync(string operation, CallCommandWire body, CallScope? scope, string? callId, CancellationToken cancellationToken) =>
            await SendCommandAsync(operation, body, scope, callId, cancellationToken).ConfigureAwait(false);

        private Task<WebexResponse> SendCommandAsync(string operation, CallCommandWire body, CallScope? scope, string? callId, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;

            // A member's route already names the line, so its body never carries lineOwnerId (the spec's members
            // bodies do not define it).
            body.LineOwnerId = scope.IsMember ? null : scope.LineOwnerId;

            // Every id in the body is checked here, before anything is sent, as the route checks those in the path.
            Routes.RequireIdIfGiven("callId", body.CallId, "POST", operation);
            Routes.RequireIdIfGiven("callId1", body.CallId1, "POST", operation);
            Routes.RequireIdIfGiven("callId2", body.CallId2, "POST", operation);
            Routes.RequireIdIfGiven("endpointId", body.EndpointId, "POST", operation);
            Routes.RequireIdIfGiven("lineOwnerId", body.LineOwnerId, "POST", operation);
            return SendAsync(HttpMethod.Post, Routes.Command(scope, operation), callId, Serialize(body, WebexJsonContext.Wire.CallCommandWire), cancellationToken, scope, operation);
        }

        private async Task<DialResult> StartCallAsync(string operation, CallCommandWire body, CallScope? scope, CancellationToken cancellationToken)
        {
            var response = await SendCommandAsync(operation, body, scope, null, cancellationToken).ConfigureAwait(false);
            return ReadStartedCall(response);
        }

        private static DialResult ReadStartedCall(WebexResponse response)
        {
            var started = Deserialize(response, WebexJsonContext.Wire.DialResponseWire);
            if (string.IsNullOrEmpty(started.CallId) || string.IsNullOrEmpty(started.CallSessionId))
            {
                throw InvalidResponse(response, "the response lacks 'callId' or 'callSessionId'", null);
            }

            return new DialResult(started.CallId!, started.CallSessionId!);
        }

        private static CallCommandWire WithOptions(CallCommandWire body, NewCallOptions? options)
        {
            if (options is null)
            {
                return body;
            }

            if (options.EndpointId != null && options.SingleNumberReachNumber != null)
            {
                throw new ArgumentException("An endpoint id and a Single Number Reach number are mutually exclusive.", nameof(options));
            }

            body.EndpointId = options.EndpointId;
            body.SingleNumberReachPhoneNumber = options.SingleNumberReachNumber is null ? null : RequireDestination(options.SingleNumberReachNumber, nameof(options));
            return body;
        }

        /// <summary>The destination as it is sent (see <see cref="DestinationValidator.Normalize"/>); refused when not dialable.</summary>
        private static string RequireDestination(string? destination, string parameterName)
        {
            if (!DestinationValidator.IsValid(destination))
            {
                throw new ArgumentException(DestinationValidator.Describe(destination), parameterName);
            }

            return DestinationValidator.Normalize(destination!);
        }

        private static string? RequireDestinationIfGiven(string? destination, string parameterName) =>
            destination is null ? null : RequireDestination(destination, parameterName);

        private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

        private async Task<WebexResponse> SendAsync(
            HttpMethod method, string path, string? callId, byte[]? body, CancellationToken cancellationToken, CallScope scope, string? operation = null)
        {
            var displayPath = "/" + path;

            // The URI is built here, and checked to still be the route's own, rather than left to HttpClient.
            using var request = _http.BaseAddress is null
                ? new HttpRequestMessage(method, path)
                : new HttpRequestMessage(method, Routes.Resolve(_http.BaseAddress, path, method.Method));
            if (body != null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
            }

            request.Properties[RetryHandler.ObserverKey] = _observer;
            request.Properties[RetryHandler.PathKey] = displayPath;
            var wantsBodies = _observer?.WantsBodies == true;
            _observer?.RequestSending(method.Method, displayPath, body is null || !wantsBodies ? null : Encoding.UTF8.GetString(body));
            var stopwatch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (RateLimitGateClosedException ex)
            {
                // Never sent, so never processed; the wait left is what the next try should wait.
                _observer?.ResponseReceived(method.Method, displayPath, null, stopwatch.Elapsed, RequestTrackingId(request), null);
                throw new WebexApiException(WebexErrorKind.RateLimited, method.Method, displayPath, null, ex.Message, null, RequestTrackingId(request), ex.Remaining, callId, ex);
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is TimeoutException || ex is HttpRequestException || ex is IOException)
            {
                // The retry handler times each attempt (TimeoutException); a cancellation nobody asked for is a timeout too.
                var kind = ex is OperationCanceledException || ex is TimeoutException ? WebexErrorKind.Timeout : WebexErrorKind.ConnectionFailed;
                var trackingId = RequestTrackingId(request);
                _observer?.ResponseReceived(method.Method, displayPath, null, stopwatch.Elapsed, trackingId, null);
                var neverSent = RetryHandler.IsProvablyNotSent(ex);
                var reason = kind == WebexErrorKind.Timeout
                    ? (ex is TimeoutException ? ex.Message : "No response in time") + " from " + _http.BaseAddress
                    : (neverSent ? "Could not reach " : "The connection to ") + _http.BaseAddress + (neverSent ? ": " : " broke before an answer came: ") + Innermost(ex).Message;
                throw new WebexApiException(kind, method.Method, displayPath, null, reason, null, trackingId, null, callId, ex)
                {
                    // Only a request that provably never left cannot have been carried out.
                    MayHaveBeenProcessed = method != HttpMethod.Get && !neverSent,
                };
            }

            using (response)
            {
                byte[] content;
                try
                {
                    content = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
                {
                    throw new WebexApiException(
                        WebexErrorKind.ConnectionFailed, method.Method, displayPath, (int)response.StatusCode,
                        "The connection broke while reading the response: " + Innermost(ex).Message, null,
                        WebexErrorReader.HeaderTrackingId(response) ?? RequestTrackingId(request), null, callId, ex);
                }

                var requestTrackingId = RequestTrackingId(request);
                var trackingId = WebexErrorReader.HeaderTrackingId(response) ?? requestTrackingId;
                _observer?.ResponseReceived(
                    method.Method, displayPath, (int)response.StatusCode, stopwatch.Elapsed, trackingId,
                    content.Length == 0 || !wantsBodies ? null : Encoding.UTF8.GetString(content));

                if (!response.IsSuccessStatusCode)
                {
                    var error = WebexErrorReader.Read(method.Method, displayPath, callId, response, content, requestTrackingId);
                    // Like the retry rules: a POST answered 5xx or 408 is not known to have been left undone.
                    error.MayHaveBeenProcessed = method != HttpMethod.Get && (error.Kind == WebexErrorKind.ServerError || error.StatusCode == 408);
                    throw scope.IsMember ? MembersRouteError(error, operation ?? (path.Contains("/history") ? "history" : "calls")) : error;
                }

                return new WebexResponse(method.Method, displayPath, callId, content, trackingId);
            }
        }

        /// <summary>
        /// A 404 from a members route that Cisco's spec does not confirm, saying only that the resource (the path) was
        /// not found, means Webex does not offer that operation for members: say so, rather than a bare "not found". A
        /// 404 that says what is missing ("Call not found", nothing parked there) is about the request, and stays so.
        /// </summary>
        private static WebexApiException MembersRouteError(WebexApiException error, string operation)
        {
            var message = error.WebexMessage ?? string.Empty;
            var saysPathUnknown = message.Length == 0
                || message.IndexOf("requested resource could not be found", StringComparison.OrdinalIgnoreCase) >= 0
                || string.Equals(message.Trim(), "Not Found", StringComparison.OrdinalIgnoreCase);
            if (error.StatusCode != 404 || error.Kind != WebexErrorKind.NotFound || Routes.ConfirmedForMembers.Contains(operation) || !saysPathUnknown)
            {
                return error;
            }

            var explanation = "Webex does not offer '" + operation + "' through the Call Controls Members API (admin mode): it answered 404"
                + (string.IsNullOrWhiteSpace(error.WebexMessage) ? string.Empty : " (" + error.WebexMessage!.Trim().TrimEnd('.') + ")")
                + ". Cisco's spec confirms dial, answer, hangup, park, transmitDtmf, wrapupreasons and reading calls for members";
            return new WebexApiException(
                WebexErrorKind.NotOffered, error.Method, error.Path, error.StatusCode, explanation, null, error.TrackingId, error.RetryAfter, error.CallId, error);
        }

        private static T Deserialize<T>(WebexResponse response, JsonTypeInfo<T> typeInfo)
            where T : class
        {
            if (response.Body.Length == 0)
            {
                throw InvalidResponse(response, "the response body is empty", null);
            }

            try
            {
                return JsonSerializer.Deserialize(response.Body, typeInfo) ?? throw InvalidResponse(response, "the response body is JSON null", null);
            }
            catch (JsonException ex)
            {
                throw InvalidResponse(response, "the response body is not the JSON expected (" + ex.Message + ")", ex);
            }
        }

        private CallSession ToCall(CallWire wire, WebexResponse response, DateTimeOffset retrievedAt, CallScope scope)
        {
            if (string.IsNullOrEmpty(wire.Id) && string.IsNullOrEmpty(wire.CallId))
            {
                throw InvalidResponse(response, "a call in the response has neither 'id' nor 'callId'", null);
            }

            var call = CallMapper.ToCallSession(wire, retrievedAt, scope);
            call.ConnectionId = _connectionId;
            return call;
        }

        private static WebexApiException InvalidResponse(WebexResponse response, string reason, Exception? inner) =>
            new WebexApiException(
                WebexErrorKind.InvalidResponse, response.Method, response.Path, 200, "Webex answered, but " + reason,
                null, response.TrackingId, null, response.CallId, inner);

        private static string? RequestTrackingId(HttpRequestMessage request) =>
            request.Headers.TryGetValues(TrackingIdHandler.HeaderName, out var values) ? values.FirstOrDefault() : null;

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        private sealed class WebexResponse
        {
            public WebexResponse(string method, string path, string? callId, byte[] body, string? trackingId)
            {
                Method = method;
                Path = path;
                CallId = callId;
                Body = body;
                TrackingId = trackingId;
            }

            public string Method { get; }
            public string Path { get; }
            public string? CallId { get; }
            public byte[] Body { get; }
            public string? TrackingId { get; }
        }
    }
}
