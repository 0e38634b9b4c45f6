using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>What the token endpoint answers: a token response, or a Webex-style error.</summary>
public sealed record TokenGrant(int Status, string? AccessToken, int ExpiresIn, string? RefreshToken, string? Scope, string? Error);

/// <summary>
/// Which bearer tokens are valid, with which scopes, until when; and the integrations and Service Apps (clients) whose
/// refresh tokens the token endpoint takes. Empty (the default) means any non-empty token is valid with every scope
/// (spark:calls_* and spark-admin:calls_*), so a newcomer can use any string. Once a token or a client is
/// registered through the control API, only registered tokens, and those the token endpoint issued, are valid: the
/// way to test 401, a missing scope (403) and an expired token.
/// </summary>
/// <remarks>
/// Assumptions where Webex's documentation is silent, repeated in docs/simulator.md: a refresh token that is unknown,
/// revoked or expired answers 400 with "The refresh token provided is expired, revoked, malformed, or invalid."
/// (the text Webex's own JavaScript SDK reports); a wrong client id or secret answers 401; access tokens are
/// checked for expiry on every request (401 once expired).
/// </remarks>
public sealed class TokenRegistry
{
    /// <summary>The scope every GET needs.</summary>
    public const string ReadScope = "spark:calls_read";

    /// <summary>The scope every other request needs.</summary>
    public const string WriteScope = "spark:calls_write";

    /// <summary>The scope every GET on a members route (admin mode) needs.</summary>
    public const string AdminReadScope = "spark-admin:calls_read";

    /// <summary>The scope every other request on a members route needs.</summary>
    public const string AdminWriteScope = "spark-admin:calls_write";

    /// <summary>The scope the People API needs to list an organisation's people with their calling data.</summary>
    public const string PeopleReadScope = "spark-admin:people_read";

    /// <summary>The scope the Workspaces API needs.</summary>
    public const string WorkspacesReadScope = "spark-admin:workspaces_read";

    /// <summary>The scope the telephony configuration APIs (virtual lines, numbers) need.</summary>
    public const string TelephonyConfigReadScope = "spark-admin:telephony_config_read";

    /// <summary>What Webex says of a refresh token it will not take.</summary>
    public const string InvalidRefreshToken = "The refresh token provided is expired, revoked, malformed, or invalid.";

    private readonly object _gate = new();
    private readonly Dictionary<string, (HashSet<string> Scopes, DateTimeOffset? ExpiresAt, string? Label)> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Client> _clients = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates an open registry.</summary>
    public TokenRegistry(TimeProvider time) => _time = time;

    /// <summary>Registers <paramref name="token"/> with exactly <paramref name="scopes"/>, valid until <paramref name="expiresAt"/> (forever when null).</summary>
    public void Register(string token, IEnumerable<string> scopes, DateTimeOffset? expiresAt = null, string? label = null)
    {
        lock (_gate)
        {
            _tokens[token] = (new HashSet<string>(scopes, StringComparer.Ordinal), expiresAt, label);
        }
    }

    /// <summary>
    /// The label a token was registered with (an issued token's is its client id), so the request log can say whose
    /// token a request carried without keeping the token.
    /// </summary>
    public string? LabelOf(string? token)
    {
        lock (_gate)
        {
            return token != null && _tokens.TryGetValue(token, out var entry) ? entry.Label : null;
        }
    }

    /// <summary>Registers a client (an integration or Service App) and the refresh token it may use.</summary>
    public void RegisterClient(string clientId, string clientSecret, string refreshToken, IEnumerable<string> scopes, int expiresInSeconds, bool rotateRefreshToken)
    {
        lock (_gate)
        {
            _clients[clientId] = new Client(clientSecret, refreshToken, scopes.ToArray(), Math.Max(1, expiresInSeconds), rotateRefreshToken);
        }
    }

    /// <summary>Revokes a refresh token; false when no client has it.</summary>
    public bool Revoke(string refreshToken)
    {
        lock (_gate)
        {
            var client = _clients.Values.FirstOrDefault(c => c.RefreshToken == refreshToken);
            if (client is null)
            {
                return false;
            }

            client.RefreshToken = null;
            return true;
        }
    }

    /// <summary>The refresh grant: a new access token (and, when the client rotates them, a new refresh token).</summary>
    public TokenGrant Refresh(string? clientId, string? clientSecret, string? refreshToken)
    {
        lock (_gate)
        {
            if (clientId is null || !_clients.TryGetValue(clientId, out var client) || client.Secret != clientSecret)
            {
                return new TokenGrant(401, null, 0, null, null, "Invalid client id or client secret.");
            }

            if (refreshToken is null || client.RefreshToken != refreshToken)
            {
                return new TokenGrant(400, null, 0, null, null, InvalidRefreshToken);
            }

            var accessToken = "SIMULATED_ACCESS_" + Guid.NewGuid().ToString("N");
            _tokens[accessToken] = (new HashSet<string>(client.Scopes, StringComparer.Ordinal), _time.GetUtcNow().AddSeconds(client.ExpiresIn), clientId);
            if (client.Rotate)
            {
                client.RefreshToken = "SIMULATED_REFRESH_" + Guid.NewGuid().ToString("N");
            }

            return new TokenGrant(200, accessToken, client.ExpiresIn, client.RefreshToken, string.Join(" ", client.Scopes), null);
        }
    }

    /// <summary>Null when the token is unknown or expired (401); otherwise whether it holds <paramref name="scope"/> (403 when not).</summary>
    public bool? HasScope(string token, string scope)
    {
        lock (_gate)
        {
            if (_tokens.Count == 0 && _clients.Count == 0)
            {
                return true;
            }

            if (!_tokens.TryGetValue(token, out var entry) || (entry.ExpiresAt is { } expires && _time.GetUtcNow() >= expires))
            {
                return null;
            }

            return entry.Scopes.Contains(scope);
        }
    }

    /// <summary>Back to the open default.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _tokens.Clear();
            _clients.Clear();
        }
    }

    private sealed class Client(string secret, string refreshToken, string[] scopes, int expiresIn, bool rotate)
    {
        public string Secret { get; } = secret;
        public string? RefreshToken { get; set; } = refreshToken;
        public string[] Scopes { get; } = scopes;
        public int ExpiresIn { get; } = expiresIn;
        public bool Rotate { get; } = rotate;
    }
}
