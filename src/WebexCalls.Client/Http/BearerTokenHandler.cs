using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>Adds <c>Authorization: Bearer</c> to every request, reading the token only at send time.</summary>
    internal sealed class BearerTokenHandler : DelegatingHandler
    {
        private readonly IAccessTokenProvider _tokens;

        public BearerTokenHandler(IAccessTokenProvider tokens) => _tokens = tokens;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
