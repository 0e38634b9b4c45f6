using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Watching
{
    /// <summary>How a <see cref="CallWatcher"/> polls.</summary>
    public sealed class CallWatchOptions
    {
        /// <summary>How often each owner's calls are read (5 seconds by default); stretched when one round takes longer.</summary>
        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How many reads may be in flight at once (10 by default).</summary>
        public int MaxConcurrency { get; set; } = 10;

        /// <summary>Whether the calls of the first reading are reported as Added.</summary>
        public bool IncludeExisting { get; set; }
    }

    /// <summary>
    /// Polls the call lists of one or more owners (the user, or members in admin mode) and reports every difference
    /// between two readings. Polite by construction: in each round every owner is read once, the reads spread evenly
    /// over the interval and at most <see cref="CallWatchOptions.MaxConcurrency"/> in flight; a round waits for all its
    /// reads, so one owner is never read twice at once; a round that takes longer than the interval stretches it
    /// rather than raising the request rate. Every read goes through the connection's retry handler and rate-limit
    /// gate, so a 429 slows the watch down and a change is only seen later, never lost.
    /// </summary>
    public sealed class CallWatcher
    {
        private readonly WebexCallsClient _client;
        private readonly IReadOnlyList<CallScope> _scopes;
        private readonly CallWatchOptions _options;

        /// <summary>Creates a watch of <paramref name="scopes"/> (at least one) through <paramref name="client"/>.</summary>
        public CallWatcher(WebexCallsClient client, IReadOnlyList<CallScope> scopes, CallWatchOptions options)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _scopes = scopes is { Count: > 0 } ? scopes : throw new ArgumentException("Give at least one owner of calls to watch.", nameof(scopes));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (_options.Interval <= TimeSpan.Zero || _options.MaxConcurrency < 1)
            {
                throw new ArgumentException("The interval must be positive and the concurrency at least 1.", nameof(options));
            }
        }

        /// <summary>
        /// Polls until <paramref name="cancellationToken"/> is cancelled (then throws OperationCanceledException).
        /// <paramref name="changed"/> hears each change, <paramref name="failed"/> each read that failed after its
        /// retries (the watch goes on, comparing the next good reading with the last good one), and
        /// <paramref name="note"/> what a verbose log should say. They are called from worker threads.
        /// </summary>
        public async Task RunAsync(Action<CallChange> changed, Action<CallScope, WebexApiException> failed, Action<string> note, CancellationToken cancellationToken)
        {
            var snapshots = new IReadOnlyList<CallSession>?[_scopes.Count];
            var interval = _options.Interval;
            var spacing = TimeSpan.FromTicks(interval.Ticks / _scopes.Count);
            var clock = Stopwatch.StartNew();
            var stretched = false;
            using var slots = new SemaphoreSlim(_options.MaxConcurrency);
            note("Watching the calls of " + Describe() + " every " + Seconds(interval) + ", at most " + _options.MaxConcurrency + " reads at once.");
            while (true)
            {
                var roundStart = clock.Elapsed;
                var reads = new List<Task>(_scopes.Count);
                for (var i = 0; i < _scopes.Count; i++)
                {
                    var due = roundStart + TimeSpan.FromTicks(spacing.Ticks * i);
                    if (due - clock.Elapsed is { Ticks: > 0 } early)
                    {
                        await Task.Delay(early, cancellationToken).ConfigureAwait(false);
                    }

                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    reads.Add(ReadAsync(i, snapshots, slots, changed, failed, cancellationToken));
                }

                await Task.WhenAll(reads).ConfigureAwait(false);
                var took = clock.Elapsed - roundStart;
                if (took > interval)
                {
                    if (!stretched)
                    {
                        note("Reading " + Describe() + " took " + Seconds(took) + " at " + _options.MaxConcurrency + " reads at once, longer than the "
                            + Seconds(interval) + " interval: the interval stretches to match, rather than reading faster. Raise -ThrottleLimit or -IntervalSec to keep up.");
                        stretched = true;
                    }

                    continue;
                }

                if (stretched)
                {
                    note("A round of reads fits the " + Seconds(interval) + " interval again.");
                    stretched = false;
                }

                await Task.Delay(interval - took, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task ReadAsync(
            int index, IReadOnlyList<CallSession>?[] snapshots, SemaphoreSlim slots, Action<CallChange> changed, Action<CallScope, WebexApiException> failed, CancellationToken cancellationToken)
        {
            var scope = _scopes[index];
            try
            {
                var calls = await _client.ListCallsAsync(scope, cancellationToken).ConfigureAwait(false);
                var seenAt = DateTimeOffset.Now;
                var previous = snapshots[index];
                snapshots[index] = calls;
                var changes = previous is null
                    ? (_options.IncludeExisting ? calls.Select(call => CallChangeDetector.Added(call, seenAt)).ToList() : new List<CallChange>())
                    : CallChangeDetector.Compare(previous, calls, seenAt);
                foreach (var change in changes)
                {
                    changed(change);
                }
            }
            catch (WebexApiException ex)
            {
                failed(scope, ex);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The watch is ending; the round's other reads end the same way.
            }
            finally
            {
                slots.Release();
            }
        }

        private string Describe() => _scopes.Count == 1 ? (_scopes[0].IsMember ? _scopes[0].ToString() : "the user") : _scopes.Count + " members";

        private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";
    }
}
