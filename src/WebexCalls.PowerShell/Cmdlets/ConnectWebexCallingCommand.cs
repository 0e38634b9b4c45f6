using System;
using System.Management.Automation;
using System.Security;
using WebexCalls.Client;
using WebexCalls.Client.Http;

namespace WebexCalls.Commands
{
    /// <summary>Connects the session to Webex Calling with an access token.</summary>
    /// <remarks>
    /// Checks the token with one cheap request (the list of active calls) and, if Webex accepts it, keeps the
    /// connection for every WebexCalls command in this process, in every runspace. Without -AccessToken the token is
    /// read from the WEBEX_ACCESS_TOKEN environment variable. The token is held as a SecureString and never written to
    /// any output stream, message or file. It needs the scopes spark:calls_read and spark:calls_write. -BaseUri points
    /// the module at another API root, such as the WebexCalls simulator.
    /// </remarks>
    /// <example>
    /// <code>Connect-WebexCalling -AccessToken (Read-Host -AsSecureString -Prompt 'Webex token')</code>
    /// <para>Connects to the real Webex API with a token typed at a prompt that does not echo it.</para>
    /// </example>
    /// <example>
    /// <code>$env:WEBEX_ACCESS_TOKEN = Get-Secret WebexToken -AsPlainText; Connect-WebexCalling -PassThru</code>
    /// <para>Connects with the token from WEBEX_ACCESS_TOKEN and shows the connection (without the token).</para>
    /// </example>
    /// <example>
    /// <code>Connect-WebexCalling -BaseUri http://127.0.0.1:5099/v1 -AccessToken (ConvertTo-SecureString 'any-token' -AsPlainText -Force)</code>
    /// <para>Connects to a WebexCalls simulator running on this machine; it accepts any token.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "WebexCalling")]
    [OutputType(typeof(WebexConnectionInfo))]
    public sealed class ConnectWebexCallingCommand : WebexCmdlet
    {
        /// <summary>The environment variable read when -AccessToken is not given.</summary>
        public const string TokenVariable = "WEBEX_ACCESS_TOKEN";

        /// <summary>
        /// The Webex access token, as a SecureString. Without it, WEBEX_ACCESS_TOKEN is read. It needs the scopes
        /// spark:calls_read and spark:calls_write.
        /// </summary>
        [Parameter(Position = 0)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        /// <summary>The API root; https://webexapis.com/v1 unless you point the module at a simulator.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = WebexCallsConnection.DefaultBaseUri;

        /// <summary>Returns the connection (base URI, token source, time, active calls), never the token.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Checks the token and, when Webex accepts it, stores the connection for the process.</summary>
        protected override void ProcessRecord()
        {
            if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("BaseUri must be an absolute http or https URI, such as " + WebexCallsConnection.DefaultBaseUri + "."),
                    "WebexInvalidBaseUri", ErrorCategory.InvalidArgument, BaseUri));
            }

            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback)
            {
                WriteWarning("BaseUri " + BaseUri + " is not https: the access token would cross the network unencrypted.");
            }

            var tokenSource = "AccessToken parameter";
            var token = AccessToken;
            if (token is null)
            {
                token = TokenFromEnvironment();
                tokenSource = TokenVariable + " environment variable";
            }

            var connection = new WebexCallsConnection(BaseUri, new SecureStringTokenProvider(token));
            WriteVerbose("Checking the access token against " + connection.BaseUri + " (from the " + tokenSource + ").");
            int activeCalls;
            try
            {
                activeCalls = Await(CreateClient(connection).ListCallsAsync(null, CancellationToken)).Count;
            }
            catch (WebexApiException ex)
            {
                connection.Dispose();
                ThrowTerminatingError(WebexErrorRecords.From(ex, BaseUri));
                return;
            }

            var info = new WebexConnectionInfo(connection.BaseUri, tokenSource, DateTimeOffset.Now, activeCalls);
            WebexSession.Set(connection, info);
            WriteVerbose("Connected to " + connection.BaseUri + "; the user has " + activeCalls + " active call(s).");
            if (PassThru)
            {
                WriteObject(info);
            }
        }

        private SecureString TokenFromEnvironment()
        {
            var text = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(text))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("No access token: pass -AccessToken, or set the " + TokenVariable + " environment variable."),
                    "WebexAccessTokenMissing", ErrorCategory.AuthenticationError, null)
                {
                    ErrorDetails = new ErrorDetails("No access token: pass -AccessToken, or set the " + TokenVariable + " environment variable.")
                    {
                        RecommendedAction = "Get a token at https://developer.webex.com (scopes spark:calls_read and spark:calls_write) and pass it with -AccessToken (Read-Host -AsSecureString).",
                    },
                });
            }

            var secure = new SecureString();
            foreach (var c in text!.Trim())
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
