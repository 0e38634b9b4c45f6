using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// What every WebexCalls cmdlet shares: a cancellation token cancelled by Ctrl+C (StopProcessing) that reaches
    /// every request; request logs and results written from the pipeline thread, the only thread where PowerShell
    /// allows it; the fan-out engine that runs requests concurrently; and the translation of client failures into
    /// ErrorRecords.
    /// </summary>
    public abstract class WebexCmdlet : PSCmdlet, IDisposable
    {
        // With nothing to wake it, the pipeline thread still looks up this often: enough for a retry's countdown.
        private static readonly TimeSpan IdleTick = TimeSpan.FromSeconds(1);

        // Progress is written when it changes, but no more often than this: a person cannot read faster, and a host
        // that records every record (a [powershell]::Create() runspace) would otherwise collect millions.
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly QueuedRequestObserver _observer = new QueuedRequestObserver();
        private readonly ConcurrentQueue<Action> _pending = new ConcurrentQueue<Action>();

        // Set by whatever the pipeline thread waits for: work completing, output queued, Ctrl+C. The pipeline thread
        // blocks on it and uses no CPU while it waits.
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private SemaphoreSlim? _slots;
        private int _started;
        private int _finished;
        private int? _expectedTotal;
        private (int Started, int Finished) _progressShown;
        private WebexApiException? _fatal;
        private object? _fatalTarget;
        private readonly Dictionary<string, WebexCallsClient> _clients = new Dictionary<string, WebexCallsClient>();

        /// <summary>Wakes the pipeline thread on Ctrl+C and when a request has something to log.</summary>
        protected WebexCmdlet()
        {
            _observer.Changed = Wake;
            _cancellation.Token.Register(Wake);
        }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>
        /// A client over the connection this pipeline item uses (<see cref="ChosenConnection"/>, else the current one);
        /// a terminating WebexNotConnected error when there is none.
        /// </summary>
        protected WebexCallsClient Client
        {
            get
            {
                var connection = ChosenConnection ?? RequireSession();
                if (!_clients.TryGetValue(connection.Id, out var client))
                {
                    client = CreateClient(connection.Connection);
                    _clients[connection.Id] = client;
                }

                return client;
            }
        }

        /// <summary>The connection given to this pipeline item (-Connection, or a piped object's ConnectionId); null for the current one.</summary>
        protected virtual WebexCallingConnection? ChosenConnection => null;

        /// <summary>How many requests (or chains of requests for one item) may run at once; 1 unless a cmdlet fans out.</summary>
        protected virtual int ThrottleLimitValue => 1;

        /// <summary>
        /// Where work running off the pipeline thread puts what it has to say; it is written on the pipeline thread,
        /// in order, as soon as the cmdlet next waits.
        /// </summary>
        protected OutputQueue Output => new OutputQueue(this);

        /// <summary>Makes a client whose requests are logged to this cmdlet's verbose and debug streams.</summary>
        protected WebexCallsClient CreateClient(WebexCallsConnection connection)
        {
            try
            {
                _observer.WantsBodies = IsDebugListening();
                return connection.CreateClient(_observer);
            }
            catch (IOException ex) when (ex is FileLoadException || ex is FileNotFoundException)
            {
                // The HTTP stack is built here, on first use, from the engine folder; a damaged installation fails here.
                ThrowTerminatingError(WebexErrorRecords.DependencyConflict(ex));
                throw;
            }
        }

        /// <summary>
        /// Writes verbose text; under -Debug without -Verbose, to the debug stream instead. PowerShell turns -Debug into
        /// "ask before every verbose line" (the verbose preference Inquire), and in a host that cannot ask that fails
        /// the command after its request was sent: a dialled call would be placed and never returned. The debug
        /// preference -Debug sets does not ask (in PowerShell 7), so the lines are shown, in order, and nothing stops.
        /// </summary>
        protected new void WriteVerbose(string text)
        {
            if (VerboseGoesToDebug)
            {
                WriteDebug(text);
            }
            else
            {
                base.WriteVerbose(text);
            }
        }

        private bool VerboseGoesToDebug =>
            MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter on && on.IsPresent
            && !MyInvocation.BoundParameters.ContainsKey("Verbose");

        /// <summary>True when -Debug was given or $DebugPreference shows debug messages.</summary>
        private bool IsDebugListening()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter on)
            {
                return on.IsPresent;
            }

            // A script's own $DebugPreference = 'Continue' is a string, not the typed global.
            return LanguagePrimitives.TryConvertTo<ActionPreference>(GetVariableValue("DebugPreference"), out var preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        /// <summary>The current connection, or a terminating error that says to run Connect-WebexCalling.</summary>
        internal WebexCallingConnection RequireSession()
        {
            var session = WebexSession.Current;
            if (session is null)
            {
                ThrowTerminatingError(WebexErrorRecords.NotConnected());
            }

            return session!;
        }

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs as they come.</summary>
        protected T Await<T>(Task<T> task)
        {
            Await((Task)task);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs as they come.</summary>
        protected void Await(Task task)
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
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Starts <paramref name="work"/> for one item without waiting for it, once fewer than
        /// <see cref="ThrottleLimitValue"/> are running, and writes what it has to say as it completes: its result to
        /// the pipeline (a collection is enumerated), a <see cref="WebexApiException"/> as a non-terminating error with
        /// <paramref name="target"/> as its target. Results come in the order the work completes, not the input order.
        /// </summary>
        protected void RunConcurrently(object target, Func<Task<object?>> work)
        {
            _slots ??= new SemaphoreSlim(Math.Max(1, ThrottleLimitValue));

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
            Task<object?> started;
            try
            {
                started = work();
            }
            catch (Exception ex)
            {
                started = Task.FromException<object?>(ex);
            }

            _ = CompleteAsync(started, target, _slots);
            Drain();
        }

        private async Task CompleteAsync(Task<object?> work, object target, SemaphoreSlim slots)
        {
            try
            {
                var result = await work.ConfigureAwait(false);
                if (result != null)
                {
                    Post(() => WriteResult(result));
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
            catch (WebexApiException ex)
            {
                Post(() => WriteWebexError(ex, target));
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                // Ctrl+C: the command is stopping; nothing is left to say.
            }
            catch (ArgumentException ex)
            {
                Post(() => WriteError(WebexErrorRecords.InvalidArgument(ex, target)));
            }
            catch (Exception ex)
            {
                // Not expected; never lost on a worker thread, and never a crash of the session.
                Post(() => WriteError(new ErrorRecord(ex, "WebexUnexpectedError", ErrorCategory.NotSpecified, target)));
            }
            finally
            {
                // Counted before the wake-up, so the woken pipeline thread always sees it.
                Interlocked.Increment(ref _finished);
                slots.Release();
                Wake();
            }
        }

        /// <summary>True while work started by <see cref="RunConcurrently"/> has not finished.</summary>
        private bool WorkInFlight => Volatile.Read(ref _finished) < _started;

        /// <summary>Wakes the pipeline thread; work that ends after the command did (Select-Object -First) finds it gone.</summary>
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

        /// <summary>
        /// Queues <paramref name="write"/> for the pipeline thread, and wakes it.
        /// </summary>
        private void Post(Action write)
        {
            _pending.Enqueue(write);
            Wake();
        }

        /// <summary>
        /// Ctrl+C stops the command; a refused token ends it with one terminating error, after the work already in
        /// flight has finished and been written, so a call it placed is never left unreported.
        /// </summary>
        private void StopIfStoppingOrFatal()
        {
            if (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
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
            ThrowTerminatingError(WebexErrorRecords.From(_fatal, _fatalTarget));
        }

        /// <summary>
        /// Says how many items this command will work on, when that is known before it starts: the ids or members given
        /// as parameters. With pipeline input the total is unknown, and progress shows a count instead of a percentage.
        /// </summary>
        protected void ExpectItems(int count)
        {
            if (!MyInvocation.ExpectingInput)
            {
                _expectedTotal = (_expectedTotal ?? 0) + count;
            }
        }

        /// <summary>
        /// Waits for everything <see cref="RunConcurrently"/> started, writing results, errors and progress on the
        /// pipeline thread as they come. Called by EndProcessing; Ctrl+C cancels what is still in flight.
        /// </summary>
        protected void WaitForConcurrentWork()
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

        /// <summary>
        /// Writes a result to the pipeline (a collection one item at a time), remembering each call it holds, so its
        /// handle can be typed later and -WhatIf can say who is on it.
        /// </summary>
        protected void WriteResult(object result)
        {
            if (result is CallSession call)
            {
                KnownCalls.Remember(call);
            }
            else if (result is CallChange change && change.Change != CallChangeKind.Removed)
            {
                // A call a watch reported can be acted on by its handle, and -WhatIf can say who is on it.
                KnownCalls.Remember(change.Call);
            }
            else if (result is System.Collections.IEnumerable items && !(result is string))
            {
                foreach (var item in items)
                {
                    if (item is CallSession each)
                    {
                        KnownCalls.Remember(each);
                    }
                }
            }

            WriteObject(result, enumerateCollection: true);
        }

        /// <summary>Writes what concurrent work left, and waits for work still running.</summary>
        protected override void EndProcessing() => WaitForConcurrentWork();

        /// <summary>A non-terminating error for one input item; the others go on.</summary>
        protected void WriteWebexError(WebexApiException exception, object? target) =>
            WriteError(WebexErrorRecords.From(exception, target));

        /// <summary>Cancels every request in flight: Ctrl+C stops at once, not after the HTTP timeout.</summary>
        protected override void StopProcessing()
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

        /// <summary>
        /// Cancels whatever is still running and releases the cancellation source; PowerShell calls this when the command
        /// ends, however it ends (a downstream Select-Object -First stops it without StopProcessing).
        /// </summary>
        public void Dispose()
        {
            _cancellation.Cancel();
            _cancellation.Dispose();
            // _slots is not disposed: work that ends after the command did still releases its slot, and a
            // SemaphoreSlim whose wait handle is never asked for holds no OS handle.
            _wake.Dispose();
            GC.SuppressFinalize(this);
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
            var progress = new ProgressRecord(0x5EBE, MyInvocation.MyCommand.Name,
                total is int all ? finished + " of " + all + " done" : finished + " done, " + (_started - finished) + " running")
            {
                // Piped input has no known end, so no percentage that would say "half done".
                PercentComplete = total is int known ? (int)(100.0 * finished / known) : -1,
                RecordType = final ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            WriteProgress(progress);
        }

        // A retry wait longer than this shows a progress bar with the time left.
        private static readonly TimeSpan VisibleWait = TimeSpan.FromSeconds(3);
        private bool _waitShown;
        private int _waitSecondsShown = -1;

        private void ShowRetryWait()
        {
            var (until, reason) = _observer.Waiting;
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
            var record = new ProgressRecord(0x5EBF, "Waiting to retry", reason);
            if (left > TimeSpan.Zero)
            {
                record.SecondsRemaining = seconds;
                _waitShown = true;
            }
            else
            {
                record.RecordType = ProgressRecordType.Completed;
                _waitShown = false;
            }

            WriteProgress(record);
        }

        private void Drain()
        {
            ShowRetryWait();
            while (_observer.Messages.TryDequeue(out var message))
            {
                if (message.IsVerbose)
                {
                    WriteVerbose(message.Text);
                }
                else
                {
                    WriteDebug(message.Text);
                }
            }

            while (_pending.TryDequeue(out var write))
            {
                write();
            }
        }

        /// <summary>
        /// Collects what work off the pipeline thread wants to write (objects, warnings, verbose text); the cmdlet
        /// writes it on the pipeline thread.
        /// </summary>
        protected readonly struct OutputQueue
        {
            private readonly WebexCmdlet _cmdlet;

            internal OutputQueue(WebexCmdlet cmdlet)
            {
                _cmdlet = cmdlet;
            }

            /// <summary>Writes a warning from the pipeline thread.</summary>
            public void Warning(string text) => Post(cmdlet => cmdlet.WriteWarning(text));

            /// <summary>Writes verbose text from the pipeline thread.</summary>
            public void Verbose(string text) => Post(cmdlet => cmdlet.WriteVerbose(text));

            /// <summary>Writes a result (remembering the calls it holds) from the pipeline thread.</summary>
            public void Result(object result) => Post(cmdlet => cmdlet.WriteResult(result));

            /// <summary>Writes a non-terminating error from the pipeline thread.</summary>
            public void Error(ErrorRecord error) => Post(cmdlet => cmdlet.WriteError(error));

            /// <summary>Writes a progress record from the pipeline thread.</summary>
            public void Progress(ProgressRecord progress) => Post(cmdlet => cmdlet.WriteProgress(progress));

            // A struct's lambdas cannot capture "this": the cmdlet is copied into a local first.
            private void Post(Action<WebexCmdlet> write)
            {
                var cmdlet = _cmdlet;
                cmdlet.Post(() => write(cmdlet));
            }
        }
    }

    /// <summary>
    /// The base of the cmdlets that may act on many items at once (calls, members, pipeline input): -ThrottleLimit
    /// bounds how many requests run concurrently.
    /// </summary>
    public abstract class WebexFanOutCmdlet : WebexCmdlet
    {
        /// <summary>
        /// How many requests may run at once when the command acts on many calls or members (1 to 64; 10 by default).
        /// Results then come in the order they complete, not the input order; each carries its call and member ids.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary>
        /// The connection to use, from Connect-WebexCalling -PassThru or Get-WebexCallingConnection (or its Id); the most
        /// recent one when omitted. Binds from a piped object's ConnectionId, so an object acts through the connection
        /// it was read through.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <inheritdoc />
        protected override int ThrottleLimitValue => ThrottleLimit;

        /// <inheritdoc />
        protected override WebexCallingConnection? ChosenConnection => Connection;
    }
}
