using System;
using System.Collections.Generic;

namespace WebexCalls.Simulator;

/// <summary>
/// Which bearer tokens are valid and with which scopes. Empty (the default) means any non-empty token is valid with
/// every scope (spark:calls_* and spark-admin:calls_*), so a newcomer can use any string. Once a token is registered through the
/// control API, only registered tokens are valid: the way to test 401 and a missing scope (403).
/// </summary>
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

    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<string>> _tokens = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="token"/> with exactly <paramref name="scopes"/>.</summary>
    public void Register(string token, IEnumerable<string> scopes)
    {
        lock (_gate)
        {
            _tokens[token] = new HashSet<string>(scopes, StringComparer.Ordinal);
        }
    }

    /// <summary>Null when the token is unknown (401); otherwise whether it holds <paramref name="scope"/> (403 when not).</summary>
    public bool? HasScope(string token, string scope)
    {
        lock (_gate)
        {
            if (_tokens.Count == 0)
            {
                return true;
            }

            return _tokens.TryGetValue(token, out var scopes) ? scopes.Contains(scope) : null;
        }
    }

    /// <summary>Back to the open default.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }
}
