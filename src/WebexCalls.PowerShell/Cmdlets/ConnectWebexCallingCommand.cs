using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using WebexCalls.Client;
using WebexCalls.Client.Http;

namespace WebexCalls.Commands
{
    /// <summary>Connects the session to Webex Calling: with an access token, or with a refresh token for unattended scripts.</summary>
    /// <remarks>
    /// Two ways to sign in. With an access token (-AccessToken, or WEBEX_ACCESS_TOKEN), as a personal token from
    /// developer.webex.com or one read with Get-Secret from SecretManagement. With a refresh token (an integration's or
    /// a Service App's): -ClientSecretCredential (user name = client id, password = client secret) and -RefreshToken,
    /// or WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN; the module gets access tokens from
    /// {BaseUri}/access_token, renews them shortly before they expire and once after a 401 (one renewal however many
    /// requests are waiting), and keeps a new refresh token when Webex sends one.
    ///
    /// The token is checked with one request whose cost does not grow with the calls in progress: the details of a
    /// call id that cannot exist, on the user's route or, in admin mode (-Admin, or a refresh token whose scopes are
    /// only spark-admin ones), on a members route, since a Service App token cannot use the user-level API. Webex
    /// answers 404 (or 400) when it accepted the token, 401 when not, 403 naming a missing scope. Every connection is kept for the process, in every
    /// runspace; the newest is current. -PassThru returns it (never a secret), and any cmdlet's -Connection takes it,
    /// so one script can work in two organisations. Tokens, refresh tokens and secrets are held as SecureStrings and
    /// never written to any stream, message or file.
    ///
    /// Every request on the connection survives rate limits and transient faults by Webex's rules: a 429 or 423 (not
    /// processed) is retried after its Retry-After, for every method, and closes a gate that makes every other request
    /// on the connection wait too; a request that never left is retried; a 5xx, 408, timeout or broken connection is
    /// retried only for GET, never for a POST that may have been carried out. -MaxRetryCount, -MaxRetryWaitSec and
    /// -TimeoutSec bound it; -Verbose says each wait, and a long one shows progress.
    /// </remarks>
    /// <example>
    /// <code>Connect-WebexCalling -AccessToken (Read-Host -AsSecureString -Prompt 'Webex token')</code>
    /// <para>Connects to the real Webex API with a token typed at a prompt that does not echo it.</para>
    /// </example>
    /// <example>
    /// <code>Connect-WebexCalling -AccessToken (Get-Secret WebexToken) -PassThru</code>
    /// <para>Connects with a token kept by SecretManagement, and shows the connection (without the token).</para>
    /// </example>
    /// <example>
    /// <code>Connect-WebexCalling -ClientSecretCredential (Get-Secret WebexServiceApp) -RefreshToken (Get-Secret WebexRefreshToken) -Admin</code>
    /// <para>Unattended admin mode: a Service App's client id and secret, and its refresh token; access tokens are renewed as needed.</para>
    /// </example>
    /// <example>
    /// <code>$a = Connect-WebexCalling -AccessToken $tokenA -PassThru; $b = Connect-WebexCalling -AccessToken $tokenB -PassThru; Get-WebexCall -Connection $a</code>
    /// <para>Two connections side by side; cmdlets use the newest ($b) unless given -Connection.</para>
    /// </example>
    /// <example>
    /// <code>Connect-WebexCalling -BaseUri http://127.0.0.1:5099/v1 -AccessToken (ConvertTo-SecureString 'any-token' -AsPlainText -Force)</code>
    /// <para>Connects to a WebexCalls simulator running on this machine; it accepts any token.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "WebexCalling", HelpUri = HelpLinks.Base + "#connect-webexcalling", DefaultParameterSetName = AccessTokenSet)]
    [OutputType(typeof(WebexCallingConnection))]
    public sealed class ConnectWebexCallingCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>Sign-in runs its requests through a <see cref="CmdletHost"/>, like every call cmdlet.</summary>
        public ConnectWebexCallingCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>The environment variable read when -AccessToken is not given.</summary>
        public const string TokenVariable = "WEBEX_ACCESS_TOKEN";

        /// <summary>The environment variables of the refresh-token sign-in.</summary>
        public const string ClientIdVariable = "WEBEX_CLIENT_ID", ClientSecretVariable = "WEBEX_CLIENT_SECRET", RefreshTokenVariable = "WEBEX_REFRESH_TOKEN";

        private const string AccessTokenSet = "AccessToken";
        private const string RefreshTokenSet = "RefreshToken";
        private const string AdminScope = "spark-admin:calls_read";
        private const string UserScope = "spark:calls_read";

        // The connection check asks for a call (user mode) or the calls of a member (admin mode) that cannot exist: a
        // valid token with the scope gets 404 (or 400), a bad token 401, a missing scope 403. Unlike listing the
        // user's calls, its cost does not grow with the calls in progress, and no member id is needed.
        private const string ProbeId = "webexcalls-connection-check";

        /// <summary>
        /// The Webex access token, as a SecureString. Without it (and without -RefreshToken), WEBEX_ACCESS_TOKEN is read,
        /// or, when that is not set, WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN.
        /// </summary>
        [Parameter(Position = 0, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        /// <summary>The integration's or Service App's client id (user name) and client secret (password), for -RefreshToken.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [ValidateNotNull]
        public PSCredential? ClientSecretCredential { get; set; }

        /// <summary>The refresh token, as a SecureString; access tokens are got from it and renewed automatically.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [ValidateNotNull]
        public SecureString? RefreshToken { get; set; }

        /// <summary>
        /// The token is for admin mode (a Service App, or an admin's token with spark-admin:calls_read and
        /// spark-admin:calls_write): it is checked on a members route, and the user's own calls are not counted.
        /// </summary>
        [Parameter]
        public SwitchParameter Admin { get; set; }

        /// <summary>The API root; https://webexapis.com/v1 unless you point the module at a simulator.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = WebexHttpConnection.DefaultBaseUri;

        /// <summary>
        /// How many times one request may be retried after a 429 or 423 (for any method), a failure before it was sent
        /// (any method), or a transient fault (GET only: a POST that may have been carried out is never retried).
        /// 0 to 20; 5 by default.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetryCount { get; set; } = 5;

        /// <summary>
        /// The most the module waits, in all, between the tries of one request, in seconds (0 to 3600; 300 by default:
        /// Webex's Retry-After can be 60 seconds and more). A Retry-After longer than what is left fails at once with
        /// WebexRateLimited and the wait Webex asked for.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int MaxRetryWaitSec { get; set; } = 300;

        /// <summary>How long one attempt of a request may take, in seconds (1 to 3600; 100 by default).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>Returns the connection (id, base URI, token kind, mode, expiry, scopes), never a secret.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Gets or checks the token and, when Webex accepts it, keeps the connection and makes it current.</summary>
        protected override void ProcessRecord()
        {
            if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("BaseUri must be an absolute http or https URI, such as " + WebexHttpConnection.DefaultBaseUri + "."),
                    "WebexInvalidBaseUri", ErrorCategory.InvalidArgument, BaseUri));
            }

            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback)
            {
                WriteWarning("BaseUri " + BaseUri + " is not https: the token would cross the network unencrypted.");
            }

            var (provider, kind, tokenSource) = TokenProvider();
            var policy = new RetryPolicy
            {
                MaxRetryCount = MaxRetryCount,
                MaxRetryWait = TimeSpan.FromSeconds(MaxRetryWaitSec),
                AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec),
            };
            var connection = new WebexHttpConnection(BaseUri, provider, null, null, policy);
            var mode = Admin ? WebexCallingMode.Admin : WebexCallingMode.User;
            try
            {
                if (provider is RefreshTokenProvider refresher)
                {
                    _host.Verbose("Getting an access token from " + connection.BaseUri + "access_token (from the " + tokenSource + ").");
                    _host.Await(refresher.RenewAsync(null, _host.CancellationToken));
                    mode = ModeFromScopes(refresher, mode);
                }

                _host.Verbose(mode == WebexCallingMode.Admin
                    ? "Checking the token for admin mode on a members route of " + connection.BaseUri + "."
                    : "Checking the token against " + connection.BaseUri + " (from the " + tokenSource + ").");
                CheckToken(_host.CreateClient(connection), mode);
            }
            catch (WebexApiException ex)
            {
                connection.Dispose();
                ThrowTerminatingError(WebexErrorRecords.From(ex, BaseUri));
                return;
            }

            var info = new WebexCallingConnection(connection, kind, mode, tokenSource, DateTimeOffset.Now);
            WebexSession.Add(info);
            _host.Verbose("Connected to " + connection.BaseUri + " in " + mode + " mode as connection " + info.Id + ".");
            if (PassThru)
            {
                WriteObject(info);
            }
        }

        private (IAccessTokenProvider Provider, WebexTokenKind Kind, string Source) TokenProvider()
        {
            if (ParameterSetName == RefreshTokenSet)
            {
                return (Refresher(ClientSecretCredential!.UserName, ClientSecretCredential.Password, RefreshToken!), WebexTokenKind.RefreshToken, "RefreshToken parameter");
            }

            if (AccessToken != null)
            {
                return (new SecureStringTokenProvider(AccessToken), WebexTokenKind.AccessToken, "AccessToken parameter");
            }

            if (Secure(TokenVariable) is { } fromEnvironment)
            {
                return (new SecureStringTokenProvider(fromEnvironment), WebexTokenKind.AccessToken, TokenVariable + " environment variable");
            }

            var clientId = Environment.GetEnvironmentVariable(ClientIdVariable);
            if (!string.IsNullOrWhiteSpace(clientId) && Secure(ClientSecretVariable) is { } secret && Secure(RefreshTokenVariable) is { } refresh)
            {
                return (Refresher(clientId!.Trim(), secret, refresh), WebexTokenKind.RefreshToken, RefreshTokenVariable + " environment variables");
            }

            var message = "No token: pass -AccessToken, or -ClientSecretCredential with -RefreshToken; or set " + TokenVariable
                + ", or " + ClientIdVariable + ", " + ClientSecretVariable + " and " + RefreshTokenVariable + ".";
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "WebexAccessTokenMissing", ErrorCategory.AuthenticationError, null)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Get a token at https://developer.webex.com (scopes spark:calls_read and spark:calls_write) and pass it with -AccessToken (Read-Host -AsSecureString), or sign in with a Service App's refresh token.",
                },
            });
            throw new InvalidOperationException(message);   // not reached: ThrowTerminatingError throws
        }

        private RefreshTokenProvider Refresher(string clientId, SecureString secret, SecureString refresh) =>
            new RefreshTokenProvider(BaseUri, clientId, secret, refresh);

        private WebexCallingMode ModeFromScopes(RefreshTokenProvider refresher, WebexCallingMode asked)
        {
            var scopes = refresher.Scopes;
            if (scopes.Count == 0)
            {
                return asked;
            }

            var admin = scopes.Contains(AdminScope);
            var user = scopes.Contains(UserScope);
            if (asked == WebexCallingMode.User && admin && !user)
            {
                _host.Verbose("The token's scopes are admin scopes only (a Service App): connecting in admin mode.");
                return WebexCallingMode.Admin;
            }

            var needed = asked == WebexCallingMode.Admin ? AdminScope : UserScope;
            if (!scopes.Contains(needed))
            {
                var message = "The token Webex issued lacks the scope " + needed + " (it has " + string.Join(", ", scopes.ToArray()) + ").";
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), "WebexMissingScope", ErrorCategory.PermissionDenied, BaseUri)
                {
                    ErrorDetails = new ErrorDetails(message)
                    {
                        RecommendedAction = asked == WebexCallingMode.Admin
                            ? "Give the Service App or integration the scopes spark-admin:calls_read and spark-admin:calls_write, and authorise it again."
                            : "Give the integration the scopes spark:calls_read and spark:calls_write, and authorise it again; or connect with -Admin for admin mode.",
                    },
                });
            }

            return asked;
        }

        private void CheckToken(WebexCallsClient client, WebexCallingMode mode)
        {
            try
            {
                if (mode == WebexCallingMode.Admin)
                {
                    _host.Await(client.ListCallsAsync(CallScope.ForMember(ProbeId, null), _host.CancellationToken));
                }
                else
                {
                    _host.Await(client.GetCallAsync(ProbeId, null, _host.CancellationToken));
                }
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound || ex.Kind == WebexErrorKind.BadRequest)
            {
                // Webex knows no such call or member, so it accepted the token and its scope: the answer the check wants.
                // A 404 with neither Webex's JSON nor its tracking id may come from a server that is not Webex's API at
                // all (a BaseUri without /v1); the spec gives a 404 no body, so one more request decides.
                if (ex.StatusCode == 404 && !ex.ReachedWebex && !OffersCallControl(client))
                {
                    var message = "The server at " + BaseUri + " is not the Webex Calling API: it answered 404, with neither Webex's JSON nor a tracking id, for "
                        + ex.Path + " and for the list of calls. Check the BaseUri: it ends in /v1 (" + WebexHttpConnection.DefaultBaseUri + ").";
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "WebexInvalidBaseUri", ErrorCategory.InvalidArgument, BaseUri)
                    {
                        ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Give -BaseUri with its /v1, such as " + WebexHttpConnection.DefaultBaseUri + "." },
                    });
                }
            }
        }

        /// <summary>
        /// True unless the list of the user's calls is also a 404 that is not Webex's: then nothing at BaseUri knows the
        /// Call Controls routes. Any other answer (a list, a 401, a 403 for a Service App) proves the route exists.
        /// </summary>
        private bool OffersCallControl(WebexCallsClient client)
        {
            try
            {
                _host.Await(client.ListCallsAsync(CallScope.User, _host.CancellationToken));
                return true;
            }
            catch (WebexApiException ex)
            {
                return !(ex.StatusCode == 404 && !ex.ReachedWebex);
            }
        }

        private static SecureString? Secure(string variable)
        {
            var text = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var secure = new SecureString();
            foreach (var c in text!.Trim())
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Ctrl+C cancels the sign-in's requests at once.</summary>
        protected override void StopProcessing() => _host.Cancel();

        /// <summary>Releases the engine the sign-in ran on.</summary>
        public void Dispose()
        {
            _host.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
