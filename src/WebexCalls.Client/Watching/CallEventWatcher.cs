using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Watching
{
    /// <summary>How a <see cref="CallEventWatcher"/> keeps its picture true.</summary>
    public sealed class CallEventWatchOptions
    {
        /// <summary>How often owners are read again to catch what events missed (300 seconds by default).</summary>
        public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(300);

        /// <summary>
        /// The idle owners (no call, no event since the last re-reading) are re-read in turn, this many re-readings
        /// making one full round (6 by default: every owner at least every 30 minutes at the default interval).
        /// </summary>
        public int IdleRounds { get; set; } = 6;

        /// <summary>How many reads may be in flight at once (10 by default).</summary>
        public int MaxConcurrency { get; set; } = 10;

        /// <summary>Whether the calls of the first reading are reported as Added.</summary>
        public bool IncludeExisting { get; set; }
    }

    /// <summary>
    /// Watches calls from webhook events, writing the same <see cref="CallChange"/> objects as the polling
    /// <see cref="CallWatcher"/>: one reading of each owner to start from, then each event (handed to
    /// <see cref="Apply"/>) applied in <c>eventTimestamp</c> order per call: an event older than one already applied to
    /// its call is stale and dropped, and a call once deleted stays deleted, so events that come late, twice or out of
    /// order never leave a wrong state. Events can also be lost (Webex does not queue for a target that is down), so
    /// owners are read again: every <see cref="CallEventWatchOptions.ResyncInterval"/> each owner with a call or an
    /// event since the last re-reading plus a share of the idle ones in turn, and at once after any sign of loss (an
    /// event about a call never seen created, a read that failed, a receiver fault). A lost event costs a delay, never a
    /// wrong state.
    /// </summary>
    public sealed class CallEventWatcher : IDisposable
    {
        private readonly WebexCallsClient _client;
        private readonly IReadOnlyList<CallScope> _scopes;
        private readonly Dictionary<string, int> _scopeByMember;
        private readonly CallEventWatchOptions _options;
        private readonly object _gate = new object();
        private readonly Owner[] _owners;
        private readonly SemaphoreSlim _resyncNow = new SemaphoreSlim(0, int.MaxValue);
        private Action<CallChange>? _changed;
        private int _idleCursor;

        /// <summary>Creates a watch of <paramref name="scopes"/> (the user, or members) through <paramref name="client"/>.</summary>
        public CallEventWatcher(WebexCallsClient client, IReadOnlyList<CallScope> scopes, CallEventWatchOptions options)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _scopes = scopes is { Count: > 0 } ? scopes : throw new ArgumentException("Give at least one owner of calls to watch.", nameof(scopes));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (_options.ResyncInterval <= TimeSpan.Zero || _options.MaxConcurrency < 1 || _options.IdleRounds < 1)
            {
                throw new ArgumentException("The re-reading interval must be positive, and the concurrency and idle rounds at least 1.", nameof(options));
            }

            _owners = scopes.Select(_ => new Owner()).ToArray();
            _scopeByMember = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < scopes.Count; i++)
            {
                _scopeByMember[scopes[i].MemberId ?? string.Empty] = i;
            }
        }

        /// <summary>How many list reads the watch has sent (for benchmarks and -Verbose).</summary>
        public int Reads => Volatile.Read(ref _reads);

        private int _reads;

        /// <summary>
        /// Applies one event (from any thread). Events for owners not watched are ignored; events that arrive before
        /// the first reading of their owner are applied on top of it.
        /// </summary>
        public void Apply(WebexCallEvent callEvent)
        {
            var call = (callEvent ?? throw new ArgumentNullException(nameof(callEvent))).Call;
            if (call is null || string.IsNullOrEmpty(call.Id))
            {
                return;
            }

            // A user's watch takes every event of its webhook; a members' watch, those of its members.
            var index = _scopes.Count == 1 && !_scopes[0].IsMember ? 0
                : _scopeByMember.TryGetValue(call.MemberId ?? callEvent.ActorId ?? string.Empty, out var found) ? found : -1;
            if (index < 0)
            {
                return;
            }

            var scope = _scopes[index];
            var shown = WithOwner(call, scope);
            var time = callEvent.EventTime ?? callEvent.ReceivedAt;
            List<CallChange> changes;
            var lossSuspected = false;
            lock (_gate)
            {
                var owner = _owners[index];
                owner.ActiveSinceResync = true;
                if (owner.Ended.Contains(call.Id) || (owner.LastEventTime.TryGetValue(call.Id, out var last) && last >= time))
                {
                    return;   // Late or twice: a newer event (or the call's end) is already applied.
                }

                owner.LastEventTime[call.Id] = time;
                owner.TouchedAt[call.Id] = DateTimeOffset.UtcNow;
                var before = owner.Calls.TryGetValue(call.Id, out var known) ? new[] { known } : Array.Empty<CallSession>();
                lossSuspected = known is null && callEvent.Event != WebexEventKind.Created && owner.Read;
                if (callEvent.Event == WebexEventKind.Deleted)
                {
                    owner.Ended.Add(call.Id);
                    owner.Calls.Remove(call.Id);
                    changes = known is null ? new List<CallChange>() : CallChangeDetector.Compare(before, Array.Empty<CallSession>(), DateTimeOffset.Now).ToList();
                }
                else
                {
                    owner.Calls[call.Id] = shown;
                    changes = CallChangeDetector.Compare(before, new[] { shown }, DateTimeOffset.Now).ToList();
                }

                if (!owner.Read)
                {
                    // Not read yet: the first reading decides what was there; this event is applied on top of it then.
                    changes.Clear();
                }

                foreach (var change in changes)
                {
                    _changed?.Invoke(change);
                }
            }

            if (lossSuspected)
            {
                RequestResync(index);
            }
        }

        /// <summary>Asks for every owner to be read again now (the receiver failed, so events may be lost).</summary>
        public void RequestResync() => RequestResync(-1);

        /// <summary>
        /// Reads every owner once, then re-reads as the options say until <paramref name="cancellationToken"/> is
        /// cancelled. <paramref name="changed"/> hears each change (from any thread, one at a time), <paramref name="failed"/>
        /// each read that failed after its retries, <paramref name="note"/> what a verbose log should say. A token Webex
        /// no longer accepts ends the watch with that exception.
        /// </summary>
        public async Task RunAsync(Action<CallChange> changed, Action<CallScope, WebexApiException> failed, Action<string> note, CancellationToken cancellationToken)
        {
            _changed = changed ?? throw new ArgumentNullException(nameof(changed));
            note("Reading the calls of " + Describe() + " once; from then on, events tell what changes, and owners are re-read every "
                + _options.ResyncInterval.TotalSeconds + " s (those with calls or events, and the idle ones in turn) and after any sign of a lost event.");
            await ReadAsync(Enumerable.Range(0, _scopes.Count).ToList(), true, failed, cancellationToken).ConfigureAwait(false);
            var next = DateTimeOffset.UtcNow + _options.ResyncInterval;
            while (true)
            {
                var wait = next - DateTimeOffset.UtcNow;
                var early = wait > TimeSpan.Zero && await _resyncNow.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                List<int> due;
                lock (_gate)
                {
                    if (early)
                    {
                        due = Enumerable.Range(0, _owners.Length).Where(i => _owners[i].ResyncRequested).ToList();
                        note("A sign of a lost event: re-reading " + (due.Count == _owners.Length ? Describe() : due.Count + " owner(s)") + " now.");
                    }
                    else
                    {
                        due = DueForResync();
                        next = DateTimeOffset.UtcNow + _options.ResyncInterval;
                        note("Re-reading " + due.Count + " of " + _owners.Length + " owner(s), to catch any event that did not come.");
                    }

                    foreach (var i in due)
                    {
                        _owners[i].ResyncRequested = false;
                        _owners[i].ActiveSinceResync = false;
                    }
                }

                while (_resyncNow.CurrentCount > 0 && _resyncNow.Wait(0))
                {
                    // Requests that came together are served by this one re-reading.
                }

                await ReadAsync(due, false, failed, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public void Dispose() => _resyncNow.Dispose();

        // The call as the watch's owner acts on it: through the same member and connection as a polled one.
        private CallSession WithOwner(CallSession call, CallScope scope)
        {
            if (scope.IsMember)
            {
                call.MemberId = scope.MemberId;
                call.OrgId = scope.OrgId;
            }

            call.ConnectionId = _client.ConnectionId;
            return call;
        }

        private string Describe() => _scopes.Count == 1 ? (_scopes[0].IsMember ? _scopes[0].ToString() : "the user") : _scopes.Count + " members";

        private void RequestResync(int index)
        {
            lock (_gate)
            {
                for (var i = 0; i < _owners.Length; i++)
                {
                    if ((index < 0 || i == index) && !_owners[i].Dropped)
                    {
                        _owners[i].ResyncRequested = true;
                    }
                }
            }

            _resyncNow.Release();
        }

        // Owners with calls or events since the last re-reading, then the next share of the idle ones.
        private List<int> DueForResync()
        {
            var live = new List<int>();
            var idle = new List<int>();
            for (var i = 0; i < _owners.Length; i++)
            {
                if (_owners[i].Dropped)
                {
                    continue;
                }

                (_owners[i].ActiveSinceResync || _owners[i].Calls.Count > 0 || !_owners[i].Read ? live : idle).Add(i);
            }

            var share = (idle.Count + _options.IdleRounds - 1) / _options.IdleRounds;
            for (var n = 0; n < share; n++)
            {
                live.Add(idle[(_idleCursor + n) % idle.Count]);
            }

            _idleCursor = idle.Count == 0 ? 0 : (_idleCursor + share) % idle.Count;
            return live;
        }

        private async Task ReadAsync(List<int> indexes, bool first, Action<CallScope, WebexApiException> failed, CancellationToken cancellationToken)
        {
            using var slots = new SemaphoreSlim(_options.MaxConcurrency);
            var reads = indexes.Select(async index =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await ReadOneAsync(index, first, failed, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            await Task.WhenAll(reads).ConfigureAwait(false);
        }

        private async Task ReadOneAsync(int index, bool first, Action<CallScope, WebexApiException> failed, CancellationToken cancellationToken)
        {
            var scope = _scopes[index];
            var startedAt = DateTimeOffset.UtcNow;
            IReadOnlyList<CallSession> calls;
            try
            {
                Interlocked.Increment(ref _reads);
                calls = await _client.ListCallsAsync(scope, cancellationToken).ConfigureAwait(false);
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.Unauthorized || ex.Kind == WebexErrorKind.TokenRefreshFailed)
            {
                throw;
            }
            catch (WebexApiException ex)
            {
                failed(scope, ex);
                lock (_gate)
                {
                    if (ex.Kind == WebexErrorKind.InvalidId || ex.Kind == WebexErrorKind.BadRequest || ex.Kind == WebexErrorKind.Forbidden
                        || ex.Kind == WebexErrorKind.NotFound || ex.Kind == WebexErrorKind.NotOffered)
                    {
                        _owners[index].Dropped = true;
                    }
                    else
                    {
                        // Passing (5xx, a timeout): read it again at the next re-reading.
                        _owners[index].ActiveSinceResync = true;
                    }
                }

                return;
            }

            lock (_gate)
            {
                var owner = _owners[index];
                var seenAt = DateTimeOffset.Now;
                // An event applied while the read was on its way is newer than the read: it wins for its call.
                var reading = calls.Where(call => !(owner.TouchedAt.TryGetValue(call.Id, out var at) && at > startedAt) && !owner.Ended.Contains(call.Id)).ToList();
                foreach (var pair in owner.Calls.Where(pair => owner.TouchedAt.TryGetValue(pair.Key, out var at) && at > startedAt))
                {
                    reading.Add(pair.Value);
                }

                var before = owner.Calls.Values.ToList();
                var changes = !owner.Read
                    ? (_options.IncludeExisting ? reading.Select(call => CallChangeDetector.Added(call, seenAt)).ToList() : new List<CallChange>())
                    : CallChangeDetector.Compare(before, reading, seenAt).ToList();
                owner.Calls.Clear();
                foreach (var call in reading)
                {
                    owner.Calls[call.Id] = call;
                }

                owner.Read = true;
                foreach (var change in changes)
                {
                    _changed?.Invoke(change);
                }

                // Forget what no event can change any more: ends and times of calls no longer listed.
                foreach (var id in owner.TouchedAt.Keys.Where(id => !owner.Calls.ContainsKey(id) && owner.TouchedAt[id] < startedAt.AddMinutes(-10)).ToList())
                {
                    owner.TouchedAt.Remove(id);
                    owner.LastEventTime.Remove(id);
                    owner.Ended.Remove(id);
                }
            }
        }

        private sealed class Owner
        {
            public Dictionary<string, CallSession> Calls { get; } = new Dictionary<string, CallSession>(StringComparer.Ordinal);
            public Dictionary<string, DateTimeOffset> LastEventTime { get; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            public Dictionary<string, DateTimeOffset> TouchedAt { get; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            public HashSet<string> Ended { get; } = new HashSet<string>(StringComparer.Ordinal);
            public bool Read { get; set; }
            public bool Dropped { get; set; }
            public bool ActiveSinceResync { get; set; }
            public bool ResyncRequested { get; set; }
        }
    }
}
