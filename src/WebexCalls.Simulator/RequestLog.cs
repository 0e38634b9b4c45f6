using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>One request the simulated Webex API received, as the control API reports it.</summary>
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
    bool ClientGone = false);

/// <summary>
/// The requests received under /v1, so tests can prove what a client sent (or that -WhatIf sent nothing). The
/// Authorization header is never kept, only whether a bearer token came.
/// </summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<LoggedRequest> _entries = new();

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

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
