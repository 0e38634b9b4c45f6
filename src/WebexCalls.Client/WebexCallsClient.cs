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
    /// Made by <see cref="WebexCallsConnection.CreateClient"/>; cheap, and safe to use from one thread at a time.
    /// </summary>
    public sealed class WebexCallsClient
    {
        private const string CallsPath = "telephony/calls";
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        private readonly HttpClient _http;
        private readonly IWebexRequestObserver? _observer;

        internal WebexCallsClient(HttpClient http, IWebexRequestObserver? observer)
        {
            _http = http;
            _observer = observer;
        }

        /// <summary>Lists the user's active calls (<c>GET /telephony/calls</c>).</summary>
        public async Task<IReadOnlyList<CallSession>> ListCallsAsync(CancellationToken cancellationToken)
        {
            var response = await SendAsync(HttpMethod.Get, CallsPath, null, null, cancellationToken).ConfigureAwait(false);
            var list = Deserialize(response, WebexJsonContext.Wire.CallListWire);
            if (list.Items is null)
            {
                throw InvalidResponse(response, "the response has no 'items' array", null);
            }

            var retrievedAt = DateTimeOffset.UtcNow;
            return list.Items.Where(item => item != null).Select(item => ToCall(item!, response, retrievedAt)).ToList();
        }

        /// <summary>Reads one active call (<c>GET /telephony/calls/{callId}</c>); a call that is gone is <see cref="WebexErrorKind.NotFound"/>.</summary>
        public async Task<CallSession> GetCallAsync(string callId, CancellationToken cancellationToken)
        {
            RequireCallId(callId);
            var path = CallsPath + "/" + Uri.EscapeDataString(callId);
            var response = await SendAsync(HttpMethod.Get, path, callId, null, cancellationToken).ConfigureAwait(false);
            return ToCall(Deserialize(response, WebexJsonContext.Wire.CallWire), response, DateTimeOffset.UtcNow);
        }

        /// <summary>
        /// Starts a Click to Dial call to <paramref name="destination"/> (<c>POST /telephony/calls/dial</c>). Webex
        /// answers with the new call's identifiers only; read the call with <see cref="GetCallAsync"/>.
        /// </summary>
        /// <param name="destination">Digits or a URI; see <see cref="DestinationValidator"/>.</param>
        /// <param name="endpointId">The device or application to alert; all the user's devices when null.</param>
        /// <param name="cancellationToken">Cancels the request.</param>
        public async Task<DialResult> DialAsync(string destination, string? endpointId, CancellationToken cancellationToken)
        {
            if (!DestinationValidator.IsValid(destination))
            {
                throw new ArgumentException(DestinationValidator.Describe(destination), nameof(destination));
            }

            var body = Serialize(new DialRequestWire { Destination = destination, EndpointId = endpointId }, WebexJsonContext.Wire.DialRequestWire);
            var response = await SendAsync(HttpMethod.Post, CallsPath + "/dial", null, body, cancellationToken).ConfigureAwait(false);
            var dial = Deserialize(response, WebexJsonContext.Wire.DialResponseWire);
            if (string.IsNullOrEmpty(dial.CallId) || string.IsNullOrEmpty(dial.CallSessionId))
            {
                throw InvalidResponse(response, "the dial response lacks 'callId' or 'callSessionId'", null);
            }

            return new DialResult(dial.CallId!, dial.CallSessionId!);
        }

        /// <summary>
        /// Reads the call a dial started: by its id, or, when Webex no longer knows that id, by its call session among
        /// the active calls. The spec does not promise that the id Dial returns survives the call's change from
        /// clickToDial to originator (the reference notes mark it uncertain, and wxc_sdk re-reads ids from the list),
        /// so the session, which the spec says correlates the calls of one session, is the fallback.
        /// </summary>
        public async Task<CallSession> GetDialledCallAsync(DialResult dial, CancellationToken cancellationToken)
        {
            if (dial is null)
            {
                throw new ArgumentNullException(nameof(dial));
            }

            try
            {
                return await GetCallAsync(dial.CallId, cancellationToken).ConfigureAwait(false);
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound)
            {
                var calls = await ListCallsAsync(cancellationToken).ConfigureAwait(false);
                var sameSession = calls.FirstOrDefault(call =>
                    call.CallSessionId == dial.CallSessionId && call.Personality != CallPersonality.Terminator);
                if (sameSession is null)
                {
                    throw;
                }

                return sameSession;
            }
        }

        /// <summary>Puts a connected call on hold (<c>POST /telephony/calls/hold</c>).</summary>
        public Task HoldAsync(string callId, CancellationToken cancellationToken) => CallActionAsync("hold", callId, cancellationToken);

        /// <summary>Resumes a held call (<c>POST /telephony/calls/resume</c>).</summary>
        public Task ResumeAsync(string callId, CancellationToken cancellationToken) => CallActionAsync("resume", callId, cancellationToken);

        /// <summary>Hangs up a call; on an unanswered incoming call this rejects it to busy (<c>POST /telephony/calls/hangup</c>).</summary>
        public Task HangupAsync(string callId, CancellationToken cancellationToken) => CallActionAsync("hangup", callId, cancellationToken);

        private async Task CallActionAsync(string action, string callId, CancellationToken cancellationToken)
        {
            RequireCallId(callId);
            var body = Serialize(new CallActionRequestWire { CallId = callId }, WebexJsonContext.Wire.CallActionRequestWire);
            await SendAsync(HttpMethod.Post, CallsPath + "/" + action, callId, body, cancellationToken).ConfigureAwait(false);
        }

        private static void RequireCallId(string callId)
        {
            if (string.IsNullOrWhiteSpace(callId))
            {
                throw new ArgumentException("A call id is required.", nameof(callId));
            }
        }

        private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

        private async Task<WebexResponse> SendAsync(HttpMethod method, string path, string? callId, byte[]? body, CancellationToken cancellationToken)
        {
            var displayPath = "/" + path;
            using var request = new HttpRequestMessage(method, path);
            if (body != null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
            }

            _observer?.RequestSending(method.Method, displayPath, body is null ? null : Encoding.UTF8.GetString(body));
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
            catch (Exception ex) when (ex is OperationCanceledException || ex is HttpRequestException || ex is IOException)
            {
                // HttpClient reports its own timeout as a cancellation that nobody asked for.
                var kind = ex is OperationCanceledException ? WebexErrorKind.Timeout : WebexErrorKind.ConnectionFailed;
                var trackingId = RequestTrackingId(request);
                _observer?.ResponseReceived(method.Method, displayPath, null, stopwatch.Elapsed, trackingId, null);
                var reason = kind == WebexErrorKind.Timeout
                    ? "No response within " + _http.Timeout.TotalSeconds + " seconds from " + _http.BaseAddress
                    : "Could not reach " + _http.BaseAddress + ": " + Innermost(ex).Message;
                throw new WebexApiException(kind, method.Method, displayPath, null, reason, null, trackingId, null, callId, ex);
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
                    content.Length == 0 ? null : Encoding.UTF8.GetString(content));

                if (!response.IsSuccessStatusCode)
                {
                    throw WebexErrorReader.Read(method.Method, displayPath, callId, response, content, requestTrackingId);
                }

                return new WebexResponse(method.Method, displayPath, callId, content, trackingId);
            }
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

        private static CallSession ToCall(CallWire wire, WebexResponse response, DateTimeOffset retrievedAt)
        {
            if (string.IsNullOrEmpty(wire.Id) && string.IsNullOrEmpty(wire.CallId))
            {
                throw InvalidResponse(response, "a call in the response has neither 'id' nor 'callId'", null);
            }

            return CallMapper.ToCallSession(wire, retrievedAt);
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
