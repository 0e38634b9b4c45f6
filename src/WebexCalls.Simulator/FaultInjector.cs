using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace WebexCalls.Simulator;

/// <summary>
/// A canned misbehaviour for the next matching request(s), set through the control API or the command line
/// (<c>--Simulator:Faults:0:Status=429 --Simulator:Faults:0:Times=0 --Simulator:Faults:0:Fraction=0.1</c>): how
/// tests meet 429 and 423 (with or without Retry-After), 5xx, non-JSON, empty or malformed bodies, slow answers, slow
/// or truncated bodies, and a request that is carried out but whose answer never arrives.
/// </summary>
/// <param name="Method">The method to match; any when null.</param>
/// <param name="Path">A path prefix under /v1 to match; any when null.</param>
/// <param name="Status">The status to answer (ignored by "processThenDrop").</param>
/// <param name="Body">The body to answer with; none when null.</param>
/// <param name="ContentType">The body's content type; application/json when null.</param>
/// <param name="RetryAfterSeconds">A Retry-After header to send, in seconds.</param>
/// <param name="Times">How many matching requests get the fault; 0 for every one until reset.</param>
/// <param name="DelayMs">How long to wait before answering (longer than a client's timeout, to make it time out).</param>
/// <param name="Action">
/// "respond" (the default): answer as above instead of the simulator; "processThenDrop": let the simulator carry the
/// request out, then drop the connection before any answer (the dial happened, but the client never heard);
/// "truncate": promise the body's length, send half, and drop the connection; "slowBody": send the body a byte at a
/// time over <paramref name="DelayMs"/>.
/// </param>
/// <param name="Fraction">The share of matching requests that get the fault (0 to 1); every one when null.</param>
/// <param name="BodyBase64">A body given as bytes (base64), for what text cannot carry, such as invalid UTF-8.</param>
public sealed record Fault(
    string? Method,
    string? Path,
    int Status,
    string? Body,
    string? ContentType,
    int? RetryAfterSeconds,
    int Times = 1,
    int DelayMs = 0,
    string? Action = null,
    double? Fraction = null,
    string? BodyBase64 = null)
{
    /// <summary>The actions a fault can take.</summary>
    public static readonly string[] Actions = ["respond", "processThenDrop", "truncate", "slowBody"];
}

/// <summary>Holds the pending faults; the first that matches a request answers it instead of the simulator.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = new();
    private readonly Random _random = new(20261125);   // fixed, so a run with fractions is repeatable

    /// <summary>Starts with the faults given on the command line (Simulator:Faults).</summary>
    public FaultInjector(IOptions<SimulatorOptions> options)
    {
        foreach (var fault in options.Value.Faults)
        {
            _faults.Add(fault.ToFault());
        }
    }

    /// <summary>Queues a fault.</summary>
    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Takes the first fault that matches (and, for a fraction, falls to it); <paramref name="path"/> is relative to /v1.</summary>
    public Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                var methodMatches = fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase);
                var pathMatches = fault.Path is null || path.StartsWith(fault.Path, StringComparison.OrdinalIgnoreCase);
                if (!methodMatches || !pathMatches)
                {
                    continue;
                }

                if (fault.Fraction is double share && _random.NextDouble() >= share)
                {
                    return null;   // this one is spared; the fault stays for the next
                }

                if (fault.Times == 1)
                {
                    _faults.RemoveAt(i);
                }
                else if (fault.Times > 1)
                {
                    _faults[i] = fault with { Times = fault.Times - 1 };
                }

                return fault;
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

/// <summary>A fault as the configuration binder fills it from the command line (records cannot be bound).</summary>
public sealed class FaultOption
{
    /// <summary>See <see cref="Fault"/>.</summary>
    public string? Method { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public string? Path { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public int Status { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public string? Body { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>See <see cref="Fault"/>; 0 (every request) by default here, as a start-up fault is meant to stay.</summary>
    public int Times { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public int DelayMs { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public string? Action { get; set; }

    /// <summary>See <see cref="Fault"/>.</summary>
    public double? Fraction { get; set; }

    internal Fault ToFault() => new(Method, Path, Status, Body, ContentType, RetryAfterSeconds, Times, DelayMs, Action, Fraction);
}
