using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Sends a <c>TrackingID</c> header on every request that has none, so each request can be found in Webex's logs
    /// (wxc_sdk does the same with its own prefix).
    /// </summary>
    internal sealed class TrackingIdHandler : DelegatingHandler
    {
        public const string HeaderName = "TrackingID";
        public const string Prefix = "WEBEXCALLS_";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string trackingId;
            if (request.Headers.TryGetValues(HeaderName, out var given))
            {
                trackingId = string.Join(",", given);
            }
            else
            {
                trackingId = Prefix + Guid.NewGuid().ToString("D");
                request.Headers.TryAddWithoutValidation(HeaderName, trackingId);
            }

            // The client reports it in errors, also when no answer ever came: it reads it here, not from the headers.
            var context = WebexRequestContext.Of(request);
            if (context != null)
            {
                context.TrackingId = trackingId;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
