using System.Collections.Generic;
using System.Net.Http;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// A copy of a request to send again: a sent request cannot be sent twice on every platform. Method, address,
    /// headers (so the TrackingID stays and support sees one request), properties and body.
    /// </summary>
    internal static class RequestCopy
    {
        public static HttpRequestMessage Of(HttpRequestMessage request, byte[]? body)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri);
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (KeyValuePair<string, object?> property in request.Properties)
            {
                copy.Properties[property.Key] = property.Value;
            }

            if (body != null)
            {
                copy.Content = new ByteArrayContent(body);
                if (request.Content != null)
                {
                    foreach (var header in request.Content.Headers)
                    {
                        copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
            }

            return copy;
        }
    }
}
