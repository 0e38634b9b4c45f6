using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>Supplies the bearer token for each request, so the token lives in one place and is read only when sent.</summary>
    public interface IAccessTokenProvider
    {
        /// <summary>Returns the access token to send now.</summary>
        Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
    }
}
