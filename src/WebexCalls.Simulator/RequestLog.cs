using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>
/// One request the simulated Webex API received, as the control API reports it. Path is decoded, as routing sees it;
/// RawTarget is the path and query exactly as the client sent them, escapes and all, so a test can prove what an id
/// became on the wire.
/// </summary>
public sealed record LoggedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string? Query,
    string? TrackingId,
    string? ContentType,
    bool HadBearerToken,
    string? Body,
    int Status,
    string ResponseTrackingId,
    string? TokenLabel = null,
    bool ClientGone = false,
    string? RawTarget = null);

/// <summary>
/// The requests received under /v1, so tests can prove what a client sent (or that -WhatIf sent nothing). The
/// Authorization header is never kept, only whether a bearer token came.
/// </summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<LoggedRequest> _entries = new();
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Records one request.</summary>
    public void Add(LoggedRequest entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>Everything recorded since the last clear, oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToList();
        }
    }

    /// <summary>Forgets every entry, and the most requests seen in flight.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _maxInFlight = _inFlight;
        }
    }

    /// <summary>How many /v1 requests are being served now, and the most at once since the last clear.</summary>
    public (int InFlight, int MaxInFlight) Concurrency
    {
        get
        {
            lock (_gate)
            {
                return (_inFlight, _maxInFlight);
            }
        }
    }

    /// <summary>Counts a request in flight until the returned object is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
        }

        return new Exit(this);
    }

    private sealed class Exit(RequestLog log) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref _done, 1) == 0)
            {
                lock (log._gate)
                {
                    log._inFlight--;
                }
            }
        }
    }
}
