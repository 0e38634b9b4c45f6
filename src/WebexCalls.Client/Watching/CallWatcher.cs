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
        /// retries, and <paramref name="note"/> what a verbose log should say; they are called from worker threads.
        /// What a failure does depends on what it says: a token Webex no longer accepts (401, a refused renewal) ends
        /// the watch with that exception, since no read can succeed; a refusal about one owner (400, 403, 404, a
        /// members route not offered) stops watching that owner, and the watch ends when none is left; anything else
        /// (5xx, timeouts, a rate limit beyond the retry budget) is passing, and the next good reading is compared
        /// with the last good one.
        /// </summary>
        public async Task RunAsync(Action<CallChange> changed, Action<CallScope, WebexApiException> failed, Action<string> note, CancellationToken cancellationToken)
        {
            using var run = new Run(this, changed, failed, note, cancellationToken);
            try
            {
                await run.PollAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.Fatal != null)
            {
                // Cancelled because the token stopped working: that is what is thrown below.
            }

            if (run.Fatal != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(run.Fatal).Throw();
            }
        }

        private string Describe() => _scopes.Count == 1 ? (_scopes[0].IsMember ? _scopes[0].ToString() : "the user") : _scopes.Count + " members";

        private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";

        /// <summary>One watch's state: the last good reading of each owner, who was dropped, and what ended it.</summary>
        private sealed class Run : IDisposable
        {
            private readonly CallWatcher _watcher;
            private readonly Action<CallChange> _changed;
            private readonly Action<CallScope, WebexApiException> _failed;
            private readonly Action<string> _note;
            private readonly CancellationTokenSource _stop;
            private readonly SemaphoreSlim _slots;
            private readonly IReadOnlyList<CallSession>?[] _snapshots;
            private readonly bool[] _dropped;
            private List<Task> _reads = new List<Task>();
            private WebexApiException? _fatal;

            public Run(CallWatcher watcher, Action<CallChange> changed, Action<CallScope, WebexApiException> failed, Action<string> note, CancellationToken cancellationToken)
            {
                _watcher = watcher;
                _changed = changed;
                _failed = failed;
                _note = note;
                _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                _slots = new SemaphoreSlim(watcher._options.MaxConcurrency);
                _snapshots = new IReadOnlyList<CallSession>?[watcher._scopes.Count];
                _dropped = new bool[watcher._scopes.Count];
            }

            /// <summary>The failure that ended the watch for every owner (a token Webex no longer accepts); null otherwise.</summary>
            public WebexApiException? Fatal => Volatile.Read(ref _fatal);

            public async Task PollAsync()
            {
                _note("Watching the calls of " + _watcher.Describe() + " every " + Seconds(_watcher._options.Interval) + ", at most "
                    + _watcher._options.MaxConcurrency + " reads at once.");
                try
                {
                    await RoundsAsync().ConfigureAwait(false);
                }
                finally
                {
                    // However the watch ends, the reads of its last round finish (at once, when cancelled) before it returns.
                    try
                    {
                        await Task.WhenAll(_reads).ConfigureAwait(false);
                    }
                    catch (Exception) when (_stop.IsCancellationRequested)
                    {
                        // Already reported by whatever cancelled the watch.
                    }
                }
            }

            private async Task RoundsAsync()
            {
                var scopes = _watcher._scopes;
                var interval = _watcher._options.Interval;
                var spacing = TimeSpan.FromTicks(interval.Ticks / scopes.Count);
                var clock = Stopwatch.StartNew();
                var stretched = false;
                var token = _stop.Token;
                while (true)
                {
                    var roundStart = clock.Elapsed;
                    _reads = new List<Task>(scopes.Count);
                    for (var i = 0; i < scopes.Count; i++)
                    {
                        if (Volatile.Read(ref _dropped[i]))
                        {
                            continue;
                        }

                        var due = roundStart + TimeSpan.FromTicks(spacing.Ticks * i);
                        if (due - clock.Elapsed is { Ticks: > 0 } early)
                        {
                            await Task.Delay(early, token).ConfigureAwait(false);
                        }

                        await _slots.WaitAsync(token).ConfigureAwait(false);
                        _reads.Add(ReadAsync(i));
                    }

                    await Task.WhenAll(_reads).ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                    if (_dropped.All(gone => gone))
                    {
                        _note("No owner of calls is left to watch: the watch ends.");
                        return;
                    }

                    var took = clock.Elapsed - roundStart;
                    if (took > interval)
                    {
                        if (!stretched)
                        {
                            _note("Reading " + _watcher.Describe() + " took " + Seconds(took) + " at " + _watcher._options.MaxConcurrency + " reads at once, longer than the "
                                + Seconds(interval) + " interval: the interval stretches to match, rather than reading faster. Raise -ThrottleLimit or -IntervalSec to keep up.");
                            stretched = true;
                        }

                        continue;
                    }

                    if (stretched)
                    {
                        _note("A round of reads fits the " + Seconds(interval) + " interval again.");
                        stretched = false;
                    }

                    await Task.Delay(interval - took, token).ConfigureAwait(false);
                }
            }

            public void Dispose()
            {
                _stop.Dispose();
                _slots.Dispose();
            }

            private async Task ReadAsync(int index)
            {
                var scope = _watcher._scopes[index];
                try
                {
                    var calls = await _watcher._client.ListCallsAsync(scope, _stop.Token).ConfigureAwait(false);
                    var seenAt = DateTimeOffset.Now;
                    var previous = _snapshots[index];
                    _snapshots[index] = calls;
                    var changes = previous is null
                        ? (_watcher._options.IncludeExisting ? calls.Select(call => CallChangeDetector.Added(call, seenAt)).ToList() : new List<CallChange>())
                        : CallChangeDetector.Compare(previous, calls, seenAt);
                    foreach (var change in changes)
                    {
                        _changed(change);
                    }
                }
                catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.Unauthorized || ex.Kind == WebexErrorKind.TokenRefreshFailed)
                {
                    // No read can succeed with this token: stop the round's other reads rather than send them to fail.
                    Interlocked.CompareExchange(ref _fatal, ex, null);

                    _stop.Cancel();
                }
                catch (WebexApiException ex)
                {
                    _failed(scope, ex);
                    if (ex.Kind == WebexErrorKind.InvalidId)
                    {
                        // Never sent, and never will be: the id cannot be a Webex id, so the next round would fail the same way.
                        Volatile.Write(ref _dropped[index], true);
                        _note("Stopped watching " + WebexIdRules.Quote(scope.ToString()) + ": its id is not a Webex id, so nothing was sent.");
                    }
                    else if (ex.Kind == WebexErrorKind.BadRequest || ex.Kind == WebexErrorKind.Forbidden || ex.Kind == WebexErrorKind.NotFound || ex.Kind == WebexErrorKind.NotOffered)
                    {
                        Volatile.Write(ref _dropped[index], true);
                        _note("Stopped watching " + (scope.IsMember ? scope.ToString() : "the user's calls") + ": Webex refused to read them (" + ex.StatusCode + ").");
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    // The watch is ending; the round's other reads end the same way.
                }
                finally
                {
                    _slots.Release();
                }
            }
        }
    }
}
