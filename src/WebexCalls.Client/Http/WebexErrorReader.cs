using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WebexCalls.Client.Http
{
    /// <summary>Reads a failed response into a <see cref="WebexApiException"/>, whatever its body holds.</summary>
    internal static class WebexErrorReader
    {

        public static WebexErrorKind KindOf(int status)
        {
            switch (status)
            {
                case 400: return WebexErrorKind.BadRequest;
                case 401: return WebexErrorKind.Unauthorized;
                case 403: return WebexErrorKind.Forbidden;
                case 404: return WebexErrorKind.NotFound;
                case 409: return WebexErrorKind.Conflict;
                case 408: return WebexErrorKind.Timeout;
                // 423 Locked carries Retry-After like 429 and, like it, means "not processed, come back later".
                case 423:
                case 429: return WebexErrorKind.RateLimited;
                default: return status >= 500 ? WebexErrorKind.ServerError : WebexErrorKind.HttpError;
            }
        }

        public static WebexApiException Read(
            string method, string path, string? callId, HttpResponseMessage response, byte[] body, string? requestTrackingId)
        {
            var status = (int)response.StatusCode;
            string? message = null;
            var details = new List<string>();
            string? bodyTrackingId = null;

            var isWebexBody = TryReadWebexBody(body, ref message, details, ref bodyTrackingId);
            if (!isWebexBody)
            {
                // Not Webex JSON (an HTML page from a proxy, plain text, nothing): say what kind of body came, and its
                // first words of text at most; never the raw markup.
                message = Describe(body, response);
            }

            var headerTrackingId = HeaderTrackingId(response);
            var trackingId = bodyTrackingId ?? headerTrackingId ?? requestTrackingId;
            return new WebexApiException(
                KindOf(status, message, details), method, path, status, message, details, trackingId, RetryAfterParser.Read(response, DateTimeOffset.UtcNow), callId)
            {
                // Only a Webex answer carries Webex's tracking id; a proxy's page or a made-up id is nothing to quote.
                ReachedWebex = isWebexBody || headerTrackingId != null,
                AnswerIsWebexJson = isWebexBody,
            };
        }

        /// <summary>A body that is not Webex's JSON, in words: "an HTML page: Access denied by proxy", "no body (Forbidden)".</summary>
        internal static string Describe(byte[] body, HttpResponseMessage response)
        {
            var text = Encoding.UTF8.GetString(body).Trim();
            if (text.Length == 0)
            {
                return "no body (" + response.ReasonPhrase + ")";
            }

            var mediaType = response.Content?.Headers?.ContentType?.MediaType ?? string.Empty;
            var isHtml = mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0 || text.StartsWith("<", StringComparison.Ordinal);
            if (isHtml)
            {
                // Its title, or else its first words: style and script blocks, tags and entities are left out.
                var title = Regex.Match(text, @"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline);
                var words = title.Success ? title.Groups[1].Value : Regex.Replace(text, @"<(style|script)[^>]*>.*?</\1>", " ", RegexOptions.IgnoreCase | RegexOptions.Singleline);
                words = System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(words, "<[^>]*>", " "), @"\s+", " ")).Trim();
                return "an HTML page, not a Webex answer" + (words.Length == 0 ? string.Empty : ": " + Shorten(words, 80));
            }

            return (mediaType.Length == 0 ? "a body" : "a " + mediaType + " body") + " that is not Webex's JSON: " + Shorten(Regex.Replace(text, @"\s+", " "), 120);
        }

        private static string Shorten(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "...";

        public static string? HeaderTrackingId(HttpResponseMessage response)
        {
            // Header names are case-insensitive in HttpHeaders; Webex sends "trackingid".
            return response.Headers.TryGetValues("TrackingID", out var values) ? values.FirstOrDefault() : null;
        }

        /// <summary>
        /// The kind, with one correction: Webex is seen to say "Call not found" for a call that has ended, and
        /// neither the spec nor wxc_sdk pins the status to 404 (400 is reported too), so that text means NotFound
        /// whatever the status. A script then meets one error for "this call is gone", however Webex phrases it.
        /// </summary>
        internal static WebexErrorKind KindOf(int status, string? message, IReadOnlyList<string> details)
        {
            var kind = KindOf(status);
            if (status >= 400 && status < 500 && kind != WebexErrorKind.Unauthorized && kind != WebexErrorKind.Forbidden && kind != WebexErrorKind.RateLimited
                && (SaysCallNotFound(message) || details.Any(SaysCallNotFound)))
            {
                return WebexErrorKind.NotFound;
            }

            return kind;
        }

        private static bool SaysCallNotFound(string? text) =>
            text != null && text.IndexOf("call not found", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool TryReadWebexBody(byte[] body, ref string? message, List<string> details, ref string? trackingId)
        {
            if (body.Length == 0)
            {
                return false;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                message = StringProperty(root, "message");
                trackingId = StringProperty(root, "trackingId");
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    foreach (var error in errors.EnumerateArray())
                    {
                        var description = error.ValueKind == JsonValueKind.Object ? StringProperty(error, "description") : null;
                        if (!string.IsNullOrWhiteSpace(description))
                        {
                            details.Add(description!);
                        }
                    }
                }

                return message != null || details.Count > 0 || trackingId != null;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static string? StringProperty(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
