using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
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
        private readonly WebexRequestSender _sender;
        private readonly string? _connectionId;

        internal WebexCallsClient(HttpClient http, IWebexRequestObserver? observer, string? connectionId = null)
        {
            _sender = new WebexRequestSender(http, observer);
            _connectionId = connectionId;
            Directory = new WebexDirectoryClient(_sender, connectionId);
            Conference = new WebexConferenceClient(_sender, connectionId);
            Webhooks = new WebexWebhookClient(_sender, connectionId);
        }

        /// <summary>The connection this client acts through; stamped on every object it returns.</summary>
        public string? ConnectionId => _connectionId;

        /// <summary>Webhooks and webhook interest registrations, over the same connection and handlers.</summary>
        public WebexWebhookClient Webhooks { get; }

        /// <summary>Conference Controls (merge calls, participants, supervisor modes) over the same connection and handlers.</summary>
        public WebexConferenceClient Conference { get; }

        /// <summary>The directory look-ups (people, workspaces, virtual lines) over the same connection and handlers.</summary>
        public WebexDirectoryClient Directory { get; }

        /// <summary>Lists the user's active calls (<c>GET /telephony/calls</c>).</summary>
        /// <param name="scope">Whose calls: the user's (null), a secondary line's, or a member's in admin mode.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public async Task<IReadOnlyList<CallSession>> ListCallsAsync(CallScope? scope, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;
            var response = await _sender.SendAsync(CallOperations.List, scope, Routes.List(scope), null, null, cancellationToken).ConfigureAwait(false);
            var list = WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.CallListWire);
            if (list.Items is null)
            {
                throw WebexRequestSender.InvalidResponse(response, "the response has no 'items' array", null);
            }

            var retrievedAt = DateTimeOffset.UtcNow;
            return list.Items.Where(item => item != null).Select(item => ToCall(item!, response, retrievedAt, scope)).ToList();
        }

        /// <summary>Reads one active call (<c>GET /telephony/calls/{callId}</c>); a call that is gone is <see cref="WebexErrorKind.NotFound"/>.</summary>
        public async Task<CallSession> GetCallAsync(string callId, CallScope? scope, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;
            var response = await _sender.SendAsync(CallOperations.Details, scope, Routes.Call(scope, callId), callId, null, cancellationToken).ConfigureAwait(false);
            return ToCall(WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.CallWire), response, DateTimeOffset.UtcNow, scope);
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
            var response = await _sender.SendAsync(CallOperations.History, scope, Routes.History(scope, wireType), null, null, cancellationToken).ConfigureAwait(false);
            var list = WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.CallHistoryListWire);
            if (list.Items is null)
            {
                throw WebexRequestSender.InvalidResponse(response, "the response has no 'items' array", null);
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
            return StartCallAsync(CallOperations.Dial, WithOptions(new CallCommandWire { Destination = destination }, options), scope, cancellationToken);
        }

        /// <summary>Retrieves a parked call through a new call (<c>POST /telephony/calls/retrieve</c>); no destination = the call parked against the user.</summary>
        public Task<DialResult> RetrieveAsync(string? destination, NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            destination = RequireDestinationIfGiven(destination, nameof(destination));
            return StartCallAsync(CallOperations.Retrieve, WithOptions(new CallCommandWire { Destination = destination }, options), scope, cancellationToken);
        }

        /// <summary>Picks up a call ringing another user through a new call (<c>POST /telephony/calls/pickup</c>); no target = the user's pickup group.</summary>
        public Task<DialResult> PickupAsync(string? target, NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            target = RequireDestinationIfGiven(target, nameof(target));
            return StartCallAsync(CallOperations.Pickup, WithOptions(new CallCommandWire { Target = target }, options), scope, cancellationToken);
        }

        /// <summary>Barges in on another user's answered call through a new call (<c>POST /telephony/calls/bargeIn</c>).</summary>
        public Task<DialResult> BargeInAsync(string target, NewCallOptions? options, CallScope? scope, CancellationToken cancellationToken)
        {
            target = RequireDestination(target, nameof(target));
            return StartCallAsync(CallOperations.BargeIn, WithOptions(new CallCommandWire { Target = target }, options), scope, cancellationToken);
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

            return StartCallAsync(CallOperations.Pull, WithOptions(new CallCommandWire(), options), scope, cancellationToken);
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

        /// <summary>
        /// Runs one of the actions whose body is only a call id (hold, resume, hang up, mute, unmute, the four recording
        /// actions, push): <paramref name="operation"/> is the row of <see cref="CallOperations"/> to send.
        /// </summary>
        public Task PerformAsync(CallOperation operation, string callId, CallScope? scope, CancellationToken cancellationToken)
        {
            if (operation is null || operation.Method != "POST" || operation.Body != "callId")
            {
                throw new ArgumentException("Not an action that takes only a call id: " + operation + ".", nameof(operation));
            }

            return CommandAsync(operation, new CallCommandWire { CallId = callId }, scope, callId, cancellationToken);
        }

        /// <summary>Answers an alerting call (<c>POST /telephony/calls/answer</c>), on <paramref name="endpointId"/> or the primary device.</summary>
        public Task AnswerAsync(string callId, string? endpointId, CallScope? scope, CancellationToken cancellationToken)
        {
            return CommandAsync(CallOperations.Answer, new CallCommandWire { CallId = callId, EndpointId = endpointId }, scope, callId, cancellationToken);
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
            return CommandAsync(CallOperations.Reject, new CallCommandWire { CallId = callId, Action = wireAction }, scope, callId, cancellationToken);
        }

        /// <summary>
        /// Diverts a call (<c>POST /telephony/calls/divert</c>) to <paramref name="destination"/>, or to voicemail: the
        /// user's own without a destination, that user's with one. Without voicemail a destination is required.
        /// </summary>
        public Task DivertAsync(string callId, string? destination, bool toVoicemail, CallScope? scope, CancellationToken cancellationToken)
        {
            destination = toVoicemail ? RequireDestinationIfGiven(destination, nameof(destination)) : RequireDestination(destination, nameof(destination));

            var body = new CallCommandWire { CallId = callId, Destination = destination, ToVoicemail = toVoicemail ? true : (bool?)null };
            return CommandAsync(CallOperations.Divert, body, scope, callId, cancellationToken);
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
            return CommandAsync(CallOperations.Transfer, new CallCommandWire { CallId1 = callId1, CallId2 = callId2 }, scope, callId1, cancellationToken);
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
            var response = await SendCommandAsync(CallOperations.Transfer, body, scope, callId, cancellationToken).ConfigureAwait(false);
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
            var response = await SendCommandAsync(CallOperations.Park, body, scope, callId, cancellationToken).ConfigureAwait(false);
            var park = WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.ParkResponseWire);
            if (park.ParkedAgainst is null)
            {
                throw WebexRequestSender.InvalidResponse(response, "the park response has no 'parkedAgainst'", null);
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

            return CommandAsync(CallOperations.TransmitDtmf, new CallCommandWire { CallId = callId, Dtmf = DtmfValidator.Normalize(digits) }, scope, callId, cancellationToken);
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

            return CommandAsync(CallOperations.WrapUpReasons, new CallCommandWire { WrapupReasons = list }, scope, null, cancellationToken);
        }

        private async Task CommandAsync(CallOperation operation, CallCommandWire body, CallScope? scope, string? callId, CancellationToken cancellationToken) =>
            await SendCommandAsync(operation, body, scope, callId, cancellationToken).ConfigureAwait(false);

        private Task<WebexResponse> SendCommandAsync(CallOperation operation, CallCommandWire body, CallScope? scope, string? callId, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;

            // A member's route already names the line, so its body never carries lineOwnerId (the spec's members
            // bodies do not define it).
            body.LineOwnerId = scope.IsMember ? null : scope.LineOwnerId;

            // Every id in the body is checked here, before anything is sent, as the route checks those in the path.
            Routes.RequireIdIfGiven("callId", body.CallId, "POST", operation.Name);
            Routes.RequireIdIfGiven("callId1", body.CallId1, "POST", operation.Name);
            Routes.RequireIdIfGiven("callId2", body.CallId2, "POST", operation.Name);
            Routes.RequireIdIfGiven("endpointId", body.EndpointId, "POST", operation.Name);
            Routes.RequireIdIfGiven("lineOwnerId", body.LineOwnerId, "POST", operation.Name);
            return _sender.SendAsync(operation, scope, Routes.Command(scope, operation), callId, Serialize(body, WebexJsonContext.Wire.CallCommandWire), cancellationToken);
        }

        private async Task<DialResult> StartCallAsync(CallOperation operation, CallCommandWire body, CallScope? scope, CancellationToken cancellationToken)
        {
            var response = await SendCommandAsync(operation, body, scope, null, cancellationToken).ConfigureAwait(false);
            return ReadStartedCall(response);
        }

        private static DialResult ReadStartedCall(WebexResponse response)
        {
            var started = WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.DialResponseWire);
            if (string.IsNullOrEmpty(started.CallId) || string.IsNullOrEmpty(started.CallSessionId))
            {
                throw WebexRequestSender.InvalidResponse(response, "the response lacks 'callId' or 'callSessionId'", null);
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

        private CallSession ToCall(CallWire wire, WebexResponse response, DateTimeOffset retrievedAt, CallScope scope)
        {
            if (string.IsNullOrEmpty(wire.Id) && string.IsNullOrEmpty(wire.CallId))
            {
                throw WebexRequestSender.InvalidResponse(response, "a call in the response has neither 'id' nor 'callId'", null);
            }

            var call = CallMapper.ToCallSession(wire, retrievedAt, scope);
            call.ConnectionId = _connectionId;
            return call;
        }
    }
}
