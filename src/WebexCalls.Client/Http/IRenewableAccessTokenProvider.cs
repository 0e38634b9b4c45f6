using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>An access token provider that can get a new token when Webex refuses the current one (401).</summary>
    public interface IRenewableAccessTokenProvider : IAccessTokenProvider
    {
        /// <summary>
        /// Renews after Webex refused <paramref name="rejectedToken"/>, unless another request has already renewed it;
        /// returns the token to retry with.
        /// </summary>
        Task<string> RenewAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken);
    }
}
