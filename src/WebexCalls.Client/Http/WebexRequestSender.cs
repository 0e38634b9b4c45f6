using System;
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

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Sends one request of a <see cref="WebexCallsClient"/> through the handler stack and turns every outcome into
    /// an answer or a <see cref="WebexApiException"/>: Webex's error (read by <see cref="WebexErrorReader"/>), a
    /// failure without an answer (as the retry handler classified it in the <see cref="WebexRequestContext"/>), a
    /// closed rate-limit gate, or a body that is not what was expected. Logs each request and answer to the observer.
    /// </summary>
    internal sealed class WebexRequestSender
    {
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        private readonly HttpClient _http;
        private readonly IWebexRequestObserver? _observer;

        public WebexRequestSender(HttpClient http, IWebexRequestObserver? observer)
        {
            _http = http;
            _observer = observer;
        }

        /// <summary>Sends <paramref name="operation"/> to <paramref name="path"/> (relative to the API root) and returns Webex's answer.</summary>
        public Task<WebexResponse> SendAsync(CallOperation operation, CallScope scope, string path, string? callId, byte[]? body, CancellationToken cancellationToken)
        {
            var method = new HttpMethod(operation.Method);
            var context = new WebexRequestContext(operation.Name, operation, scope, "/" + path, callId, _observer);
            return SendAsync(context, method, Address(path, method), body, cancellationToken);
        }

        /// <summary>
        /// Reads one page of a list outside Call Controls (the directory): the first by <paramref name="pathOrNextLink"/>
        /// relative to the API root (with its query), each later one by the absolute <c>next</c> link Webex gave, as
        /// given. A link that leaves the connection's API (another host, scheme, port or root) is refused, never
        /// followed: the bearer token would go with it.
        /// </summary>
        public Task<WebexResponse> GetPageAsync(string operationName, string pathOrNextLink, CancellationToken cancellationToken)
        {
            if (Uri.TryCreate(pathOrNextLink, UriKind.Absolute, out var next) && (next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps))
            {
                var display = RequireUnderApi(next, operationName);
                return SendAsync(new WebexRequestContext(operationName, null, null, display, null, _observer), HttpMethod.Get, next, null, cancellationToken);
            }

            var context = new WebexRequestContext(operationName, null, null, "/" + pathOrNextLink, null, _observer);
            return SendAsync(context, HttpMethod.Get, Address(pathOrNextLink, HttpMethod.Get), null, cancellationToken);
        }

        /// <summary>
        /// Sends one request outside Call Controls (webhooks, interest registrations) to <paramref name="path"/>,
        /// relative to the API root, and returns Webex's answer.
        /// </summary>
        public Task<WebexResponse> SendAsync(string operationName, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
        {
            var context = new WebexRequestContext(operationName, null, null, "/" + path, null, _observer);
            return SendAsync(context, method, Address(path, method), body, cancellationToken);
        }

        // The URI is built here, and checked to still be the route's own, rather than left to HttpClient.
        private Uri Address(string path, HttpMethod method) =>
            _http.BaseAddress is null ? new Uri(path, UriKind.Relative) : Routes.Resolve(_http.BaseAddress, path, method.Method);

        private string RequireUnderApi(Uri next, string operationName)
        {
            var root = _http.BaseAddress;
            var rootPath = root is null ? "/" : root.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? root.AbsolutePath : root.AbsolutePath + "/";
            if (root != null && string.Equals(next.Scheme, root.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(next.Host, root.Host, StringComparison.OrdinalIgnoreCase) && next.Port == root.Port
                && next.AbsolutePath.StartsWith(rootPath, StringComparison.Ordinal) && next.Fragment.Length == 0)
            {
                return "/" + next.PathAndQuery.Substring(rootPath.Length);
            }

            throw new WebexApiException(
                WebexErrorKind.InvalidResponse, "GET", "/" + operationName, 200,
                "Webex answered, but its next-page link (" + WebexIdRules.Quote(next.GetLeftPart(UriPartial.Path)) + ") is not under " + root
                + ": it was not followed, so the token was not sent there", null, null);
        }

        private async Task<WebexResponse> SendAsync(WebexRequestContext context, HttpMethod method, Uri address, byte[]? body, CancellationToken cancellationToken)
        {
            var displayPath = context.DisplayPath;
            var callId = context.CallId;
            var scope = context.Scope;
            using var request = new HttpRequestMessage(method, address);
            if (body != null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
            }

            context.AttachTo(request);
            var wantsBodies = _observer?.WantsBodies == true;
            _observer?.RequestSending(method.Method, displayPath, body is null || !wantsBodies ? null : SecretRedactor.Redact(Encoding.UTF8.GetString(body)));
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
                _observer?.ResponseReceived(method.Method, displayPath, null, stopwatch.Elapsed, context.TrackingId, null);
                throw new WebexApiException(WebexErrorKind.RateLimited, method.Method, displayPath, null, ex.Message, null, context.TrackingId, ex.Remaining, callId, ex);
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is TimeoutException || ex is HttpRequestException || ex is IOException)
            {
                _observer?.ResponseReceived(method.Method, displayPath, null, stopwatch.Elapsed, context.TrackingId, null);
                // The retry handler classified it; a stack without one (a test's) gets the same classification here.
                var failure = context.Failure ?? TransportFailure.Of(ex, false);
                var reason = failure.Kind == WebexErrorKind.Timeout
                    ? failure.Reason + " from " + _http.BaseAddress
                    : (failure.NeverSent ? "Could not reach " : "The connection to ") + _http.BaseAddress + (failure.NeverSent ? ": " : " broke before an answer came: ") + failure.Reason;
                throw new WebexApiException(failure.Kind, method.Method, displayPath, null, reason, null, context.TrackingId, null, callId, ex)
                {
                    // Only a request that provably never left cannot have been carried out.
                    MayHaveBeenProcessed = method != HttpMethod.Get && !failure.NeverSent,
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
                        "The connection broke while reading the response: " + TransportFailure.Of(ex, false).Reason, null,
                        WebexErrorReader.HeaderTrackingId(response) ?? context.TrackingId, null, callId, ex);
                }

                var trackingId = WebexErrorReader.HeaderTrackingId(response) ?? context.TrackingId;
                _observer?.ResponseReceived(
                    method.Method, displayPath, (int)response.StatusCode, stopwatch.Elapsed, trackingId,
                    content.Length == 0 || !wantsBodies ? null : SecretRedactor.Redact(Encoding.UTF8.GetString(content)));

                if (!response.IsSuccessStatusCode)
                {
                    var error = WebexErrorReader.Read(method.Method, displayPath, callId, response, content, context.TrackingId);
                    // Like the retry rules: a POST answered 5xx or 408 is not known to have been left undone.
                    error.MayHaveBeenProcessed = method != HttpMethod.Get && (error.Kind == WebexErrorKind.ServerError || error.StatusCode == 408);
                    throw scope?.IsMember == true && context.CallOperation != null ? MembersRouteError(error, context.CallOperation) : error;
                }

                return new WebexResponse(method.Method, displayPath, callId, content, trackingId) { NextLink = LinkHeader.Next(response) };
            }
        }

        /// <summary>Reads the answer's JSON body as <typeparamref name="T"/>; an empty, null or malformed body is <see cref="WebexErrorKind.InvalidResponse"/>.</summary>
        public static T Deserialize<T>(WebexResponse response, JsonTypeInfo<T> typeInfo)
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

        /// <summary>An answer that came, but is not what the spec promises: <see cref="WebexErrorKind.InvalidResponse"/>.</summary>
        public static WebexApiException InvalidResponse(WebexResponse response, string reason, Exception? inner) =>
            new WebexApiException(
                WebexErrorKind.InvalidResponse, response.Method, response.Path, 200, "Webex answered, but " + reason,
                null, response.TrackingId, null, response.CallId, inner);

        /// <summary>
        /// A 404 from a members route that Cisco's spec does not confirm, saying only that the resource (the path) was
        /// not found, means Webex does not offer that operation for members: say so, rather than a bare "not found". A
        /// 404 that says what is missing ("Call not found", nothing parked there) is about the request, and stays so.
        /// </summary>
        // The actions (not the reads) whose members route the spec confirms, as the advice lists them.
        private static readonly string[] ConfirmedActions = CallOperations.All
            .Where(operation => operation.MemberRouteConfirmed && operation.Method == "POST").Select(operation => operation.Name).ToArray();

        private static WebexApiException MembersRouteError(WebexApiException error, CallOperation operation)
        {
            var message = error.WebexMessage ?? string.Empty;
            var saysPathUnknown = message.Length == 0
                || message.IndexOf("requested resource could not be found", StringComparison.OrdinalIgnoreCase) >= 0
                || string.Equals(message.Trim(), "Not Found", StringComparison.OrdinalIgnoreCase);
            if (error.StatusCode != 404 || error.Kind != WebexErrorKind.NotFound || operation.MemberRouteConfirmed || !saysPathUnknown)
            {
                return error;
            }

            var explanation = "Webex does not offer '" + operation.Name + "' through the Call Controls Members API (admin mode): it answered 404"
                + (string.IsNullOrWhiteSpace(error.WebexMessage) ? string.Empty : " (" + error.WebexMessage!.Trim().TrimEnd('.') + ")")
                + ". Cisco's spec confirms reading calls and " + string.Join(", ", ConfirmedActions) + " for members";
            return new WebexApiException(
                WebexErrorKind.NotOffered, error.Method, error.Path, error.StatusCode, explanation, null, error.TrackingId, error.RetryAfter, error.CallId, error);
        }
    }

    /// <summary>Webex's answer to one request: its body, and what errors about it need (method, path, call, TrackingID).</summary>
    internal sealed class WebexResponse
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

        /// <summary>The <c>rel="next"</c> link of the answer's <c>Link</c> header, as Webex gave it; null on the last page.</summary>
        public string? NextLink { get; set; }
    }
}
