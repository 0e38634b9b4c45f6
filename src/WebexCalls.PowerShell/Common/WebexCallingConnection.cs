using System;
using System.Collections.Generic;
using WebexCalls.Client;
using WebexCalls.Client.Http;

namespace WebexCalls.Commands
{
    /// <summary>How a connection's access token comes and goes.</summary>
    public enum WebexTokenKind
    {
        /// <summary>An access token given as it is (a personal or pasted token); it is not renewed.</summary>
        AccessToken = 1,
        /// <summary>Access tokens obtained from a refresh token (an integration or a Service App), renewed automatically.</summary>
        RefreshToken,
    }

    /// <summary>What a connection acts as: the token's own user, or an admin acting for members.</summary>
    public enum WebexCallingMode
    {
        /// <summary>The token's own user (Call Controls API; spark:calls_read and spark:calls_write).</summary>
        User = 1,
        /// <summary>Admin mode (Call Controls Members API; spark-admin:calls_read and spark-admin:calls_write).</summary>
        Admin,
    }

    /// <summary>
    /// A Webex Calling connection, as Connect-WebexCalling -PassThru and Get-WebexCallingConnection show it: never a
    /// secret. Give it to any cmdlet's -Connection to use it rather than the most recent one; the objects read through
    /// it carry its Id (ConnectionId), so piping them acts through it too.
    /// </summary>
    public sealed class WebexCallingConnection
    {
        internal WebexCallingConnection(
            WebexHttpConnection connection, WebexTokenKind tokenKind, WebexCallingMode mode, string tokenSource, DateTimeOffset connectedAt)
        {
            Connection = connection;
            TokenKind = tokenKind;
            Mode = mode;
            TokenSource = tokenSource;
            ConnectedAt = connectedAt;
        }

        /// <summary>The connection's id in this process; objects read through it carry it as ConnectionId.</summary>
        public string Id => Connection.Id;

        /// <summary>The API root the module sends requests to.</summary>
        public Uri BaseUri => Connection.BaseUri;

        /// <summary>AccessToken (given as it is, not renewed) or RefreshToken (renewed automatically).</summary>
        public WebexTokenKind TokenKind { get; }

        /// <summary>User (the token's own calls) or Admin (members' calls, with -MemberId).</summary>
        public WebexCallingMode Mode { get; }

        /// <summary>Where the token came from: a parameter or an environment variable (never the token).</summary>
        public string TokenSource { get; }

        /// <summary>The scopes Webex granted, when the token response said (refresh tokens); empty when unknown.</summary>
        public IReadOnlyList<string> Scopes => (Connection.TokenProvider as RefreshTokenProvider)?.Scopes ?? Array.Empty<string>();

        /// <summary>When the current access token expires (it is renewed shortly before); null when unknown.</summary>
        public DateTimeOffset? ExpiresAt => (Connection.TokenProvider as RefreshTokenProvider)?.ExpiresAt;

        /// <summary>When the connection was checked and stored.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>How many times one request may be retried.</summary>
        public int MaxRetryCount => Connection.RetryPolicy.MaxRetryCount;

        /// <summary>The most one request waits, in all, between its tries.</summary>
        public TimeSpan MaxRetryWait => Connection.RetryPolicy.MaxRetryWait;

        /// <summary>How long one attempt may take.</summary>
        public TimeSpan Timeout => Connection.RetryPolicy.AttemptTimeout;

        /// <summary>Until when a 429 holds every request of this connection back; null when it is not rate limited.</summary>
        public DateTimeOffset? RateLimitedUntil => Connection.RateLimitedUntil > DateTimeOffset.UtcNow ? Connection.RateLimitedUntil : (DateTimeOffset?)null;

        /// <summary>True for the connection cmdlets use when no -Connection is given (the most recent one).</summary>
        public bool IsCurrent => ReferenceEquals(Commands.WebexSession.Current, this);

        internal WebexHttpConnection Connection { get; }

        /// <summary>The e-mail addresses this connection has found to be members (see <see cref="MemberAddresses"/>).</summary>
        internal MemberAddresses Addresses { get; } = new MemberAddresses();

        /// <summary>Reads like <c>User via https://webexapis.com/v1/ (a1b2c3d4e5f6)</c>.</summary>
        public override string ToString() => Mode + " via " + BaseUri + " (" + Id + ")";
    }
}
