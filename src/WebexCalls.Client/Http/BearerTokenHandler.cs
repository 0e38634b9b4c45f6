using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Adds <c>Authorization: Bearer</c> to every request, reading the token only at send time. When a renewable
    /// provider's token is refused (401), it renews once and sends the request once more: a 401 means the request was
    /// not processed, so the retry cannot act twice.
    /// </summary>
    internal sealed class BearerTokenHandler : DelegatingHandler
    {
        private readonly IAccessTokenProvider _tokens;

        public BearerTokenHandler(IAccessTokenProvider tokens) => _tokens = tokens;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized || !(_tokens is IRenewableAccessTokenProvider renewable))
            {
                return response;
            }

            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var retry = RequestCopy.Of(request, body);
            response.Dispose();
            var renewed = await renewable.RenewAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
            retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
            return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
        }
    }
}
