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
            if (!request.Headers.Contains(HeaderName))
            {
                request.Headers.TryAddWithoutValidation(HeaderName, Prefix + Guid.NewGuid().ToString("D"));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
