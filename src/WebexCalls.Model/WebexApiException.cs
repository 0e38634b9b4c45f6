using System;
using System.Collections.Generic;
using System.Text;

namespace WebexCalls
{
    /// <summary>
    /// A failed Webex request, with everything Webex said about it. Every HTTP, network and parse failure of the
    /// client arrives as this type, so callers never see a raw HttpRequestException or JsonException.
    /// </summary>
    public sealed class WebexApiException : Exception
    {
        /// <summary>Creates the exception; <see cref="Exception.Message"/> is composed from the parts.</summary>
        public WebexApiException(
            WebexErrorKind kind,
            string method,
            string path,
            int? statusCode,
            string? webexMessage,
            IReadOnlyList<string>? details,
            string? trackingId,
            TimeSpan? retryAfter = null,
            string? callId = null,
            Exception? innerException = null)
            : base(Compose(kind, method, path, statusCode, webexMessage, details, trackingId), innerException)
        {
            Kind = kind;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            WebexMessage = webexMessage;
            Details = details ?? Array.Empty<string>();
            TrackingId = trackingId;
            RetryAfter = retryAfter;
            CallId = callId;
        }

        /// <summary>What kind of failure this is.</summary>
        public WebexErrorKind Kind { get; }

        /// <summary>The HTTP method of the failed request.</summary>
        public string Method { get; }

        /// <summary>The path of the failed request, relative to the base URI, with its query when it had one.</summary>
        public string Path { get; }

        /// <summary>The HTTP status, or null when no response came.</summary>
        public int? StatusCode { get; }

        /// <summary>Webex's <c>message</c>, or the raw body text when it was not Webex JSON.</summary>
        public string? WebexMessage { get; }

        /// <summary>Webex's <c>errors[].description</c> values.</summary>
        public IReadOnlyList<string> Details { get; }

        /// <summary>Webex's tracking id (body or header), or the one the client sent; quote it to Cisco support.</summary>
        public string? TrackingId { get; }

        /// <summary>How long Webex asked to wait, from <c>Retry-After</c>.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// True when the request was a POST that reached Webex and got no clear answer (a 5xx, a timeout, a connection
        /// broken after sending): Webex may have carried it out, so check (Get-WebexCall) before sending it again.
        /// </summary>
        public bool MayHaveBeenProcessed { get; internal set; }

        /// <summary>
        /// True when the answer came from Webex (its JSON, or its trackingid header): only then is <see cref="TrackingId"/>
        /// worth quoting to Cisco support. False for no answer, or a page from something in between, such as a proxy.
        /// </summary>
        public bool ReachedWebex { get; internal set; }

        /// <summary>True when the error body was Webex's JSON (message, errors, trackingId), not a page or text from elsewhere.</summary>
        public bool AnswerIsWebexJson { get; internal set; }

        /// <summary>The call the request was about, when there was one.</summary>
        public string? CallId { get; }

        /// <summary>
        /// For <see cref="WebexErrorKind.InvalidId"/>: which value was refused, as the client names it (<c>callId</c>,
        /// <c>callId2</c>, <c>memberId</c>, <c>orgId</c>, <c>lineOwnerId</c>, <c>endpointId</c>); null otherwise.
        /// </summary>
        public string? ArgumentName { get; internal set; }

        private static string Compose(
            WebexErrorKind kind, string method, string path, int? status, string? message, IReadOnlyList<string>? details, string? trackingId)
        {
            var text = new StringBuilder();
            if (kind == WebexErrorKind.InvalidId)
            {
                // Nothing was sent, so there is no status or tracking id to add.
                return text.Append(method).Append(' ').Append(Quoting.QuotePath(path)).Append(" was not sent: ").Append(message).Append('.').ToString();
            }

            text.Append(method).Append(' ').Append(Quoting.QuotePath(path)).Append(" failed: ");
            text.Append(status is int s ? "HTTP " + s + " (" + kind + ")" : kind.ToString());
            if (!string.IsNullOrWhiteSpace(message))
            {
                text.Append(". ").Append(message!.Trim().TrimEnd('.'));
            }

            if (details != null)
            {
                foreach (var detail in details)
                {
                    if (!string.IsNullOrWhiteSpace(detail) && !string.Equals(detail, message, StringComparison.Ordinal))
                    {
                        text.Append(". ").Append(detail.Trim().TrimEnd('.'));
                    }
                }
            }

            text.Append('.');
            if (!string.IsNullOrEmpty(trackingId))
            {
                text.Append(" TrackingId: ").Append(trackingId);
            }

            return text.ToString();
        }
    }
}
