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
    /// What every WebexCalls cmdlet shares: a client per connection; a <see cref="FanOutEngine"/> that runs its requests
    /// (concurrently when it fans out), cancels them on Ctrl+C and writes what they say on the pipeline thread; and the
    /// translation of the engine's reports into PowerShell's records (it is the engine's <see cref="IFanOutWriter"/>).
    /// </summary>
    public abstract class WebexCmdlet : PSCmdlet, IDisposable, IFanOutWriter
    {
        private readonly FanOutEngine _engine;
        private readonly Dictionary<string, WebexCallsClient> _clients = new Dictionary<string, WebexCallsClient>();

        /// <summary>Every cmdlet runs its requests through a <see cref="FanOutEngine"/> that writes through it.</summary>
        protected WebexCmdlet()
        {
            _engine = new FanOutEngine(this, () => MyInvocation.MyCommand.Name);
        }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _engine.CancellationToken;

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
                _engine.Observer.WantsBodies = IsDebugListening();
                return connection.CreateClient(_engine.Observer);
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
            _engine.Await(task);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs as they come.</summary>
        protected void Await(Task task) => _engine.Await(task);

        /// <summary>
        /// Starts <paramref name="work"/> for one item without waiting for it, once fewer than
        /// <see cref="ThrottleLimitValue"/> are running, and writes what it has to say as it completes: its result to
        /// the pipeline (a collection is enumerated), a failure as a non-terminating error with <paramref name="target"/>
        /// as its target. Results come in the order the work completes, not the input order.
        /// </summary>
        protected void RunConcurrently(object target, Func<Task<object?>> work) =>
            _engine.Start(ThrottleLimitValue, target, work, result => WriteResult(result!));

        /// <summary>
        /// Says how many items this command will work on, when that is known before it starts: the ids or members given
        /// as parameters. With pipeline input the total is unknown, and progress shows a count instead of a percentage.
        /// </summary>
        protected void ExpectItems(int count)
        {
            if (!MyInvocation.ExpectingInput)
            {
                _engine.ExpectItems(count);
            }
        }

        /// <summary>
        /// Waits for everything <see cref="RunConcurrently"/> started, writing results, errors and progress on the
        /// pipeline thread as they come. Called by EndProcessing; Ctrl+C cancels what is still in flight.
        /// </summary>
        protected void WaitForConcurrentWork() => _engine.WaitForAll();

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
        protected override void StopProcessing() => _engine.Cancel();

        /// <summary>
        /// Cancels whatever is still running and releases the engine; PowerShell calls this when the command ends,
        /// however it ends (a downstream Select-Object -First stops it without StopProcessing).
        /// </summary>
        public void Dispose()
        {
            _engine.Dispose();
            GC.SuppressFinalize(this);
        }

        void IFanOutWriter.Verbose(string text) => WriteVerbose(text);

        void IFanOutWriter.Debug(string text) => WriteDebug(text);

        void IFanOutWriter.Progress(FanOutProgress progress)
        {
            var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            if (progress.SecondsRemaining >= 0)
            {
                record.SecondsRemaining = progress.SecondsRemaining;
            }

            WriteProgress(record);
        }

        void IFanOutWriter.Failed(Exception error, object target)
        {
            switch (error)
            {
                case WebexApiException webex:
                    WriteWebexError(webex, target);
                    break;
                case ArgumentException argument:
                    WriteError(WebexErrorRecords.InvalidArgument(argument, target));
                    break;
                default:
                    // Not expected; reported, never lost on a worker thread.
                    WriteError(new ErrorRecord(error, "WebexUnexpectedError", ErrorCategory.NotSpecified, target));
                    break;
            }
        }

        void IFanOutWriter.Terminate(WebexApiException error, object? target) => ThrowTerminatingError(WebexErrorRecords.From(error, target));

        void IFanOutWriter.Stopped() => throw new PipelineStoppedException();

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
                cmdlet._engine.Post(() => write(cmdlet));
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
