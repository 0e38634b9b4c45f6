using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Holds the token as a read-only <see cref="SecureString"/> and turns it into text only for the moment a request
    /// header is written.
    /// </summary>
    public sealed class SecureStringTokenProvider : IAccessTokenProvider
    {
        private readonly SecureString _token;

        /// <summary>Keeps a read-only copy of <paramref name="token"/>.</summary>
        public SecureStringTokenProvider(SecureString token)
        {
            if (token is null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            _token = token.Copy();
            _token.MakeReadOnly();
        }

        /// <inheritdoc />
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(_token);
                return Task.FromResult(Marshal.PtrToStringUni(pointer) ?? string.Empty);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
