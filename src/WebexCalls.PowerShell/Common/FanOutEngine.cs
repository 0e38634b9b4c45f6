using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Runs a cmdlet's work concurrently and writes what it says on the pipeline thread. Work is started on the
    /// pipeline thread (so it reads that item's parameters), at most a throttle limit at once; its results, errors and
    /// request logs are queued and written by the pipeline thread, which blocks on one wake-up handle (set when work
    /// completes, when output is queued, and on Ctrl+C) and uses no CPU while it waits. Progress is written when it
    /// changes, at most four times a second. A refused token ends the command with one terminating error, after the
    /// work in flight has finished and been written.
    /// </summary>
    internal sealed class FanOutEngine : IDisposable
    {
        /// <summary>The fan-out's progress bar.</summary>
        public const int FanOutActivityId = 0x5EBE;

        /// <summary>A retry's wait, shown when it is longer than <see cref="VisibleWait"/>.</summary>
        public const int RetryWaitActivityId = 0x5EBF;

        // With nothing to wake it, the pipeline thread still looks up this often: enough for a retry's countdown.
        private static readonly TimeSpan IdleTick = TimeSpan.FromSeconds(1);

        // Progress is written when it changes, but no more often than this: a person cannot read faster, and a host
        // that records every record (a [powershell]::Create() runspace) would otherwise collect millions.
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        // A retry wait longer than this shows a progress bar with the time left.
        private static readonly TimeSpan VisibleWait = TimeSpan.FromSeconds(3);

        private readonly IFanOutWriter _writer;
        private readonly Func<string> _activity;
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<Action> _pending = new ConcurrentQueue<Action>();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private SemaphoreSlim? _slots;
        private int _started;
        private int _finished;
        private int? _expectedTotal;
        private (int Started, int Finished) _progressShown;
        private WebexApiException? _fatal;
        private object? _fatalTarget;
        private bool _waitShown;
        private int _waitSecondsShown = -1;

        /// <summary>
        /// An engine writing through <paramref name="writer"/>; <paramref name="activity"/> titles its progress bar (read
        /// when progress is first shown: a cmdlet knows its name only once it runs).
        /// </summary>
        public FanOutEngine(IFanOutWriter writer, Func<string> activity)
        {
            _writer = writer;
            _activity = activity;
            Observer.Changed = Wake;
            _cancellation.Token.Register(Wake);
        }

        /// <summary>Collects the requests' log lines and retry waits, from any thread, for the pipeline thread to write.</summary>
        public QueuedRequestObserver Observer { get; } = new QueuedRequestObserver();

        /// <summary>Cancelled by <see cref="Cancel"/> (Ctrl+C) or when the engine is disposed.</summary>
        public CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>How many items have been started.</summary>
        public int Started => _started;

        /// <summary>
        /// Says how many items the command will work on, when that is known before it starts (ids or members given as
        /// parameters, not piped): progress then shows "n of N" and a percentage, instead of a count.
        /// </summary>
        public void ExpectItems(int count) => _expectedTotal = (_expectedTotal ?? 0) + count;

        /// <summary>Queues <paramref name="write"/> for the pipeline thread, and wakes it. Any thread.</summary>
        public void Post(Action write)
        {
            _pending.Enqueue(write);
            Wake();
        }

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs and queued output as they come.</summary>
        public void Await(Task task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            try
            {
                while (!task.IsCompleted)
                {
                    _wake.WaitOne(IdleTick);
                    Drain();
                }
            }
            finally
            {
                Drain();
            }

            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                _writer.Stopped();
            }
        }

        /// <summary>
        /// Starts <paramref name="work"/> for one item once fewer than <paramref name="throttleLimit"/> are running, and
        /// has <paramref name="write"/> write its result on the pipeline thread when it completes (a null result writes
        /// nothing); a failure goes to <see cref="IFanOutWriter.Failed"/> with <paramref name="target"/>. Results come in
        /// the order the work completes.
        /// </summary>
        public void Start<T>(int throttleLimit, object target, Func<Task<T>> work, Action<T> write)
        {
            _slots ??= new SemaphoreSlim(Math.Max(1, throttleLimit));

            // The slot is waited for on the pipeline thread, so what completes meanwhile is written at once; a slot
            // comes free only when work completes, and that wakes this thread.
            while (!_slots.Wait(0))
            {
                StopIfStoppingOrFatal();
                _wake.WaitOne(IdleTick);
                Drain();
                ShowProgress(final: false);
            }

            if (_fatal != null)
            {
                _slots.Release();
                StopIfStoppingOrFatal();
            }

            _started++;

            // The work is started here, on the pipeline thread, so that it reads the parameters of this pipeline item
            // before the next item's binding changes them; only its waiting happens elsewhere.
            Task<T> started;
            try
            {
                started = work();
            }
            catch (Exception ex)
            {
                started = Task.FromException<T>(ex);
            }

            _ = CompleteAsync(started, target, write, _slots);
            Drain();
        }

        /// <summary>Waits for everything <see cref="Start"/> started, writing results, errors and progress as they come.</summary>
        public void WaitForAll()
        {
            try
            {
                // Blocks until work completes or output is queued (both wake it); never polls.
                while (WorkInFlight)
                {
                    StopIfStoppingOrFatal();
                    _wake.WaitOne(IdleTick);
                    Drain();
                    ShowProgress(final: false);
                }

                StopIfStoppingOrFatal();
            }
            finally
            {
                Drain();
                ShowProgress(final: true);
            }
        }

        /// <summary>Cancels every request in flight: Ctrl+C stops at once, not after the HTTP timeout. Any thread.</summary>
        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The command already ended; nothing is left to stop.
            }
        }

        /// <summary>Cancels whatever is still running, and releases the handles.</summary>
        public void Dispose()
        {
            Cancel();
            _cancellation.Dispose();

            // _slots is not disposed: work that ends after the command did still releases its slot, and a
            // SemaphoreSlim whose wait handle is never asked for holds no OS handle.
            _wake.Dispose();
        }

        private bool WorkInFlight => Volatile.Read(ref _finished) < _started;

        private async Task CompleteAsync<T>(Task<T> work, object target, Action<T> write, SemaphoreSlim slots)
        {
            try
            {
                var result = await work.ConfigureAwait(false);
                if (result != null)
                {
                    Post(() => write(result));
                }
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.Unauthorized || ex.Kind == WebexErrorKind.TokenRefreshFailed)
            {
                // The token is refused: every other item would fail the same way. One terminating error says so,
                // once, instead of one error per member (see StopIfStoppingOrFatal).
                if (Interlocked.CompareExchange(ref _fatal, ex, null) is null)
                {
                    _fatalTarget = target;
                }
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                // Ctrl+C: the command is stopping; nothing is left to say.
            }
            catch (Exception ex)
            {
                // Never lost on a worker thread, and never a crash of the session.
                Post(() => _writer.Failed(ex, target));
            }
            finally
            {
                // Counted before the wake-up, so the woken pipeline thread always sees it.
                Interlocked.Increment(ref _finished);
                slots.Release();
                Wake();
            }
        }

        // Work that ends after the command did (Select-Object -First) finds the handle gone.
        private void Wake()
        {
            try
            {
                _wake.Set();
            }
            catch (ObjectDisposedException)
            {
                // The command has ended; nobody waits.
            }
        }

        private void StopIfStoppingOrFatal()
        {
            if (_cancellation.IsCancellationRequested)
            {
                _writer.Stopped();
            }

            if (_fatal is null)
            {
                return;
            }

            while (WorkInFlight && !_cancellation.IsCancellationRequested)
            {
                _wake.WaitOne(IdleTick);
                Drain();
            }

            Drain();
            ShowProgress(final: true);
            _writer.Terminate(_fatal, _fatalTarget);
        }

        private void ShowProgress(bool final)
        {
            // One item needs no progress bar; many (a fan-out over members or calls) show how far it has got.
            var finished = Volatile.Read(ref _finished);
            if (_started < 2 || (!final && (_progressShown == (_started, finished) || _sinceProgress.Elapsed < ProgressInterval)))
            {
                return;
            }

            _progressShown = (_started, finished);
            _sinceProgress.Restart();
            var total = _expectedTotal is int expected && expected >= _started ? expected : (int?)null;

            // Piped input has no known end, so no percentage that would say "half done".
            _writer.Progress(new FanOutProgress(
                FanOutActivityId,
                _activity(),
                total is int all ? finished + " of " + all + " done" : finished + " done, " + (_started - finished) + " running",
                total is int known ? (int)(100.0 * finished / known) : -1,
                -1,
                final));
        }

        private void ShowRetryWait()
        {
            var (until, reason) = Observer.Waiting;
            var left = until - DateTimeOffset.UtcNow;
            if (!_waitShown && left < VisibleWait)
            {
                return;
            }

            // Written when the seconds left change, not at every wake-up.
            var seconds = left > TimeSpan.Zero ? (int)Math.Ceiling(left.TotalSeconds) : 0;
            if (seconds == _waitSecondsShown)
            {
                return;
            }

            _waitSecondsShown = seconds;
            _waitShown = left > TimeSpan.Zero;
            _writer.Progress(new FanOutProgress(RetryWaitActivityId, "Waiting to retry", reason, -1, _waitShown ? seconds : -1, !_waitShown));
        }

        private void Drain()
        {
            ShowRetryWait();
            while (Observer.Messages.TryDequeue(out var message))
            {
                if (message.IsVerbose)
                {
                    _writer.Verbose(message.Text);
                }
                else
                {
                    _writer.Debug(message.Text);
                }
            }

            while (_pending.TryDequeue(out var write))
            {
                write();
            }
        }
    }
}
