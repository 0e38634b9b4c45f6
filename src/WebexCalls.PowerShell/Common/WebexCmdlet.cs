using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
        private static readonly TimeSpan DrainInterval = TimeSpan.FromMilliseconds(50);
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly QueuedRequestObserver _observer = new QueuedRequestObserver();
        private readonly ConcurrentQueue<Action> _pending = new ConcurrentQueue<Action>();
        private readonly List<Task> _inFlight = new List<Task>();
        private SemaphoreSlim? _slots;
        private int _started;
        private int _finished;
        private readonly Dictionary<string, WebexCallsClient> _clients = new Dictionary<string, WebexCallsClient>();

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
        protected OutputQueue Output => new OutputQueue(_pending, this);

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
            try
            {
                while (!task.Wait(DrainInterval))
                {
                    Drain();
                }
            }
            catch (AggregateException)
            {
                // Rethrown below without the AggregateException wrapper.
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
            try
            {
                // The slot is waited for on the pipeline thread, so what completes meanwhile is written at once.
                while (!_slots.Wait(DrainInterval, CancellationToken))
                {
                    Drain();
                    ShowProgress(final: false);
                }
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
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

            _inFlight.Add(CompleteAsync(started, target, _slots));
            _inFlight.RemoveAll(task => task.IsCompleted);
            Drain();
        }

        private async Task CompleteAsync(Task<object?> work, object target, SemaphoreSlim slots)
        {
            try
            {
                var result = await work.ConfigureAwait(false);
                if (result != null)
                {
                    _pending.Enqueue(() => WriteResult(result));
                }
            }
            catch (WebexApiException ex)
            {
                _pending.Enqueue(() => WriteWebexError(ex, target));
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                // Ctrl+C: the command is stopping; nothing is left to say.
            }
            catch (Exception ex)
            {
                // Not expected; never lost on a worker thread, and never a crash of the session.
                _pending.Enqueue(() => WriteError(new ErrorRecord(ex, "WebexUnexpectedError", ErrorCategory.NotSpecified, target)));
            }
            finally
            {
                Interlocked.Increment(ref _finished);
                slots.Release();
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
                while (_inFlight.Any(task => !task.IsCompleted))
                {
                    if (_cancellation.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }

                    Task.WaitAny(_inFlight.ToArray(), DrainInterval);
                    Drain();
                    ShowProgress(final: false);
                }
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
            _slots?.Dispose();
            GC.SuppressFinalize(this);
        }

        private void ShowProgress(bool final)
        {
            // One item needs no progress bar; many (a fan-out over members or calls) show n of N.
            if (_started < 2)
            {
                return;
            }

            var finished = Volatile.Read(ref _finished);
            var progress = new ProgressRecord(0x5EBE, MyInvocation.MyCommand.Name, finished + " of " + _started + " done")
            {
                PercentComplete = (int)(100.0 * finished / _started),
                RecordType = final ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            WriteProgress(progress);
        }

        // A retry wait longer than this shows a progress bar with the time left.
        private static readonly TimeSpan VisibleWait = TimeSpan.FromSeconds(3);
        private bool _waitShown;

        private void ShowRetryWait()
        {
            var (until, reason) = _observer.Waiting;
            var left = until - DateTimeOffset.UtcNow;
            if (!_waitShown && left < VisibleWait)
            {
                return;
            }

            var record = new ProgressRecord(0x5EBF, "Waiting to retry", reason);
            if (left > TimeSpan.Zero)
            {
                record.SecondsRemaining = (int)Math.Ceiling(left.TotalSeconds);
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
            private readonly ConcurrentQueue<Action> _queue;
            private readonly WebexCmdlet _cmdlet;

            internal OutputQueue(ConcurrentQueue<Action> queue, WebexCmdlet cmdlet)
            {
                _queue = queue;
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
                _queue.Enqueue(() => write(cmdlet));
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
