using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using WebexCalls.Client.Http;

namespace WebexCalls.Client
{
    /// <summary>
    /// Where to reach Webex and with which token. Thread-safe: one connection serves every runspace of a process.
    /// The HTTP stack (an <see cref="IHttpClientFactory"/> with the auth and TrackingID handlers) is built on first
    /// use, not when the connection is made, so importing the module stays cheap.
    /// </summary>
    public sealed class WebexHttpConnection : IDisposable
    {
        /// <summary>The real Webex API.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://webexapis.com/v1");

        private const string HttpClientName = "WebexCalls";
        // Only BCL types in fields: every Microsoft.Extensions type is touched inside BuildStack, on first use, so a
        // version conflict with another module's copy surfaces there, from CreateClient, where callers can catch it.
        private readonly Lazy<HttpStack> _stack;
        private readonly Func<HttpMessageHandler>? _primaryHandler;

        /// <summary>Creates a connection; nothing is sent until a client made by <see cref="CreateClient"/> is used.</summary>
        /// <param name="baseUri">The API root, such as https://webexapis.com/v1 or a simulator's http://127.0.0.1:port/v1.</param>
        /// <param name="tokens">Supplies the bearer token.</param>
        /// <param name="timeout">How long one attempt may take; the policy's (100 seconds by default) when null.</param>
        /// <param name="primaryHandler">Replaces the network handler; for tests that stub the network.</param>
        /// <param name="retryPolicy">How rate limits and transient faults are retried; <see cref="RetryPolicy.Default"/> when null.</param>
        public WebexHttpConnection(
            Uri baseUri, IAccessTokenProvider tokens, TimeSpan? timeout = null, Func<HttpMessageHandler>? primaryHandler = null, RetryPolicy? retryPolicy = null)
        {
            if (baseUri is null)
            {
                throw new ArgumentNullException(nameof(baseUri));
            }

            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException("The base URI must be an absolute http or https URI, such as " + DefaultBaseUri + ".", nameof(baseUri));
            }

            TokenProvider = tokens ?? throw new ArgumentNullException(nameof(tokens));
            // A trailing slash makes relative paths such as "telephony/calls" land under /v1 instead of replacing it.
            BaseUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/");
            RetryPolicy = retryPolicy ?? new RetryPolicy();
            if (timeout is TimeSpan attempt)
            {
                RetryPolicy.AttemptTimeout = attempt;
            }

            Timeout = RetryPolicy.AttemptTimeout;
            _primaryHandler = primaryHandler;
            _stack = new Lazy<HttpStack>(BuildStack, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// This connection's id, unique in the process: the objects read through it carry it (ConnectionId), so a
        /// script with several connections acts on each object through the one it came from.
        /// </summary>
        public string Id { get; } = Guid.NewGuid().ToString("N").Substring(0, 12);

        /// <summary>The API root requests are sent under (always ends with a slash).</summary>
        public Uri BaseUri { get; }

        /// <summary>How long one attempt of a request may take.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>How this connection retries rate limits and transient faults.</summary>
        public RetryPolicy RetryPolicy { get; }

        /// <summary>When the connection's rate-limit gate opens again (a past time when it is open).</summary>
        public DateTimeOffset RateLimitedUntil => Gate.OpensAt;

        internal RateLimitGate Gate { get; } = new RateLimitGate();

        /// <summary>True once the HTTP stack has been built by a first request.</summary>
        public bool IsHttpStackBuilt => _stack.IsValueCreated;

        /// <summary>Supplies the bearer token; a <see cref="RefreshTokenProvider"/> also tells when it expires.</summary>
        public IAccessTokenProvider TokenProvider { get; }

        /// <summary>Makes a lightweight client over the shared HTTP stack; <paramref name="observer"/> hears its requests.</summary>
        /// <exception cref="System.IO.FileLoadException">Another version of a Microsoft.Extensions dependency was loaded first.</exception>
        public WebexCallsClient CreateClient(IWebexRequestObserver? observer = null) =>
            new WebexCallsClient(_stack.Value.CreateHttpClient(), observer, Id);

        /// <summary>Releases the HTTP stack, if it was built, and the token provider when it holds resources.</summary>
        public void Dispose()
        {
            if (_stack.IsValueCreated)
            {
                _stack.Value.Owner.Dispose();
            }

            (TokenProvider as IDisposable)?.Dispose();
        }

        private HttpStack BuildStack()
        {
            var services = new ServiceCollection();
            var builder = services
                .AddHttpClient(HttpClientName, client =>
                {
                    client.BaseAddress = BaseUri;
                    // Each attempt is timed by the retry handler; the client's own timeout would span every try.
                    client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                    client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                    client.DefaultRequestHeaders.UserAgent.ParseAdd("WebexCalls/" + typeof(WebexHttpConnection).Assembly.GetName().Version);
                })
                // Outermost first: one TrackingID for every try, then the retries, each with a fresh token.
                .AddHttpMessageHandler(() => new TrackingIdHandler())
                .AddHttpMessageHandler(() => new RetryHandler(RetryPolicy, Gate))
                .AddHttpMessageHandler(() => new BearerTokenHandler(TokenProvider));
            if (_primaryHandler != null)
            {
                builder.ConfigurePrimaryHttpMessageHandler(_primaryHandler);
            }

            var provider = services.BuildServiceProvider();
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new HttpStack(provider, () => factory.CreateClient(HttpClientName));
        }

        private sealed class HttpStack
        {
            public HttpStack(IDisposable owner, Func<HttpClient> createHttpClient)
            {
                Owner = owner;
                CreateHttpClient = createHttpClient;
            }

            public IDisposable Owner { get; }

            public Func<HttpClient> CreateHttpClient { get; }
        }
    }
}
