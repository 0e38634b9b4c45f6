using System;
using System.Collections.Generic;

namespace WebexCalls.Simulator;

/// <summary>
/// A canned response for the next matching request(s), set through the control API: how tests meet 429s, 5xx,
/// non-JSON error bodies, malformed success bodies and slow answers (DelayMs) over real HTTP.
/// </summary>
public sealed record Fault(
    string? Method,
    string? Path,
    int Status,
    string? Body,
    string? ContentType,
    int? RetryAfterSeconds,
    int Times = 1,
    int DelayMs = 0);

/// <summary>Holds the pending faults; the first that matches a request answers it instead of the simulator.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = new();

    /// <summary>Queues a fault.</summary>
    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Takes the first fault that matches; <paramref name="path"/> is relative to /v1.</summary>
    public Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                var methodMatches = fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase);
                var pathMatches = fault.Path is null || path.StartsWith(fault.Path, StringComparison.OrdinalIgnoreCase);
                if (methodMatches && pathMatches)
                {
                    if (fault.Times <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = fault with { Times = fault.Times - 1 };
                    }

                    return fault;
                }
            }

            return null;
        }
    }

    /// <summary>Forgets every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }
}
