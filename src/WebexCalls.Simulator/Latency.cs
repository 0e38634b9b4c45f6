using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace WebexCalls.Simulator;

/// <summary>An added delay for matching /v1 requests: a method (any when null) and a path prefix under /v1 (any when null).</summary>
public sealed record LatencyRule(string? Method, string? Path, int DelayMs);

/// <summary>
/// How long the simulator waits before answering a /v1 request, to imitate a network: <c>Simulator:LatencyMs</c> for
/// every request, and rules from the control API per method and path prefix (the first match wins). This is what
/// lets a fan-out be measured against a known per-request latency.
/// </summary>
public sealed class Latency
{
    private readonly object _gate = new();
    private readonly List<LatencyRule> _rules = new();
    private readonly int _startupDelayMs;

    /// <summary>Starts with the command line's latency for every request.</summary>
    public Latency(IOptions<SimulatorOptions> options) => _startupDelayMs = Math.Max(0, options.Value.LatencyMs);

    /// <summary>
    /// Adds a rule ahead of the start-up latency and of every earlier rule, replacing one for the same method and
    /// path: the latest PUT is what holds, as a PUT means.
    /// </summary>
    public void Add(LatencyRule rule)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => string.Equals(r.Method, rule.Method, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Path, rule.Path, StringComparison.OrdinalIgnoreCase));
            _rules.Insert(0, rule);
        }
    }

    /// <summary>The delay for a request, in milliseconds.</summary>
    public int For(string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r =>
                (r.Method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
                && (r.Path is null || path.StartsWith(r.Path, StringComparison.OrdinalIgnoreCase)));
            return rule is null ? _startupDelayMs : Math.Max(0, rule.DelayMs);
        }
    }

    /// <summary>Forgets the rules; the start-up latency stays.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }
}
