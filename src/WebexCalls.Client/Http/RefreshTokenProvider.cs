using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Gets access tokens from a refresh token (an integration's or a Service App's): <c>POST {BaseUri}/access_token</c>
    /// with <c>grant_type=refresh_token</c>, the client id and secret, form-encoded. It renews the token shortly before
    /// <c>expires_in</c> runs out, and once after a 401, with one renewal however many requests (runspaces, a fan-out)
    /// are waiting, and keeps a new refresh token when Webex sends one. Every secret is held as a
    /// <see cref="SecureString"/> and turned into text only to be sent.
    /// </summary>
    public sealed class RefreshTokenProvider : IRenewableAccessTokenProvider, IDisposable
    {
        private const string TokenPath = "access_token";
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly Uri _tokenEndpoint;
        private readonly string _clientId;
        private readonly SecureString _clientSecret;
        private readonly Func<DateTimeOffset> _clock;
        private readonly Lazy<HttpClient> _http;
        private SecureString _refreshToken;
        private SecureString? _accessToken;
        private DateTimeOffset _expiresAt;
        private int _renewals;

        /// <summary>Creates the provider; nothing is sent until a token is first needed (or <see cref="RenewAsync"/>).</summary>
        /// <param name="baseUri">The API root; the token endpoint is its <c>access_token</c>.</param>
        /// <param name="clientId">The integration's or Service App's client id.</param>
        /// <param name="clientSecret">Its client secret.</param>
        /// <param name="refreshToken">The refresh token.</param>
        /// <param name="primaryHandler">Replaces the network handler; for tests.</param>
        /// <param name="clock">Replaces the clock; for tests.</param>
        public RefreshTokenProvider(
            Uri baseUri, string clientId, SecureString clientSecret, SecureString refreshToken,
            Func<HttpMessageHandler>? primaryHandler = null, Func<DateTimeOffset>? clock = null)
        {
            if (baseUri is null)
            {
                throw new ArgumentNullException(nameof(baseUri));
            }

            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new ArgumentException("A client id is required.", nameof(clientId));
            }

            _tokenEndpoint = new Uri(new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/"), TokenPath);
            _clientId = clientId;
            _clientSecret = ReadOnlyCopy(clientSecret ?? throw new ArgumentNullException(nameof(clientSecret)));
            _refreshToken = ReadOnlyCopy(refreshToken ?? throw new ArgumentNullException(nameof(refreshToken)));
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _http = new Lazy<HttpClient>(() => primaryHandler is null ? new HttpClient() : new HttpClient(primaryHandler(), disposeHandler: true));
        }

        /// <summary>When the current access token expires; null before the first one.</summary>
        public DateTimeOffset? ExpiresAt => _accessToken is null ? (DateTimeOffset?)null : _expiresAt;

        /// <summary>The scopes Webex granted with the last token, when it said.</summary>
        public IReadOnlyList<string> Scopes { get; private set; } = Array.Empty<string>();

        /// <summary>How many times a token was fetched: what proves that concurrent requests share one renewal.</summary>
        public int RenewalCount => Volatile.Read(ref _renewals);

        /// <inheritdoc />
        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            var current = CurrentIfFresh();
            return current ?? await RenewAsync(null, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public Task<string> RenewAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken) =>
            RenewAsync(rejectedToken, cancellationToken);

        /// <summary>
        /// Fetches a new access token, unless another caller already replaced <paramref name="staleToken"/> (or, when
        /// it is null, the current token is still fresh) while this one waited for its turn.
        /// </summary>
        public async Task<string> RenewAsync(string? staleToken, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _accessToken is null ? null : Plain(_accessToken);
                if (current != null && (staleToken is null ? IsFresh() : current != staleToken))
                {
                    return current;
                }

                return await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Releases the HTTP client used for the token endpoint.</summary>
        public void Dispose()
        {
            if (_http.IsValueCreated)
            {
                _http.Value.Dispose();
            }

            _gate.Dispose();
        }

        private string? CurrentIfFresh() => _accessToken != null && IsFresh() ? Plain(_accessToken) : null;

        // Renew a little before expiry: 5 minutes, or a tenth of a short lifetime, so a request never leaves with a
        // token that dies on the way.
        private bool IsFresh() => _clock() < _expiresAt;

        private async Task<string> FetchAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("grant_type", "refresh_token"),
                    new KeyValuePair<string, string>("client_id", _clientId),
                    new KeyValuePair<string, string>("client_secret", Plain(_clientSecret)),
                    new KeyValuePair<string, string>("refresh_token", Plain(_refreshToken)),
                }),
            };
            var trackingId = TrackingIdHandler.Prefix + Guid.NewGuid().ToString("D");
            request.Headers.TryAddWithoutValidation(TrackingIdHandler.HeaderName, trackingId);
            request.Headers.Accept.ParseAdd("application/json");

            HttpResponseMessage response;
            try
            {
                response = await _http.Value.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException || ex is System.IO.IOException)
            {
                throw Failed(null, "Could not reach " + _tokenEndpoint + " to renew the access token: " + ex.Message, null, trackingId, ex);
            }

            using (response)
            {
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    // Never the request body (it holds the secrets): only what Webex answered.
                    var error = WebexErrorReader.Read("POST", "/" + TokenPath, null, response, body, trackingId);
                    throw Failed((int)response.StatusCode, error.WebexMessage, error.Details, error.TrackingId, error);
                }

                return Store(body, trackingId);
            }
        }

        private string Store(byte[] body, string trackingId)
        {
            string? accessToken = null;
            string? refreshToken = null;
            double? expiresIn = null;
            string? scope = null;
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                accessToken = Text(root, "access_token");
                refreshToken = Text(root, "refresh_token");
                scope = Text(root, "scope");
                if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number)
                {
                    expiresIn = expires.GetDouble();
                }
            }
            catch (JsonException)
            {
                // Reported below, without the body: it may hold a token.
            }

            if (string.IsNullOrEmpty(accessToken))
            {
                throw Failed(200, "Webex answered the token request without an access_token", null, trackingId, null);
            }

            var lifetime = TimeSpan.FromSeconds(expiresIn is double seconds && seconds > 0 ? seconds : 3600);
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 10));
            _accessToken = ToSecure(accessToken!);
            _expiresAt = _clock() + lifetime - margin;
            if (!string.IsNullOrEmpty(refreshToken))
            {
                _refreshToken = ToSecure(refreshToken!);
            }

            if (!string.IsNullOrWhiteSpace(scope))
            {
                Scopes = scope!.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries).ToArray();
            }

            Interlocked.Increment(ref _renewals);
            return accessToken!;
        }

        private static WebexApiException Failed(int? status, string? message, IReadOnlyList<string>? details, string? trackingId, Exception? inner) =>
            new WebexApiException(WebexErrorKind.TokenRefreshFailed, "POST", "/" + TokenPath, status, message, details, trackingId, null, null, inner);

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static SecureString ReadOnlyCopy(SecureString text)
        {
            var copy = text.Copy();
            copy.MakeReadOnly();
            return copy;
        }

        private static SecureString ToSecure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        private static string Plain(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
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
