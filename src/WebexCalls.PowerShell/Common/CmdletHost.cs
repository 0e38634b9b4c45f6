using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// What a WebexCalls cmdlet holds rather than inherits: a client per connection, a <see cref="FanOutEngine"/> that
    /// runs its requests (concurrently when it fans out), cancels them on Ctrl+C and writes what they say on the
    /// pipeline thread, and the translation of the engine's reports into PowerShell's records (it is the engine's
    /// <see cref="IFanOutWriter"/>). One per cmdlet invocation; the cmdlet disposes it.
    /// </summary>
    internal sealed class CmdletHost : IFanOutWriter, IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly FanOutEngine _engine;
        private readonly Dictionary<string, WebexCallsClient> _clients = new Dictionary<string, WebexCallsClient>();

        public CmdletHost(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            _engine = new FanOutEngine(this, () => cmdlet.MyInvocation.MyCommand.Name);
        }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        public CancellationToken CancellationToken => _engine.CancellationToken;

        /// <summary>
        /// A client over <paramref name="chosen"/>, else the current connection; a terminating WebexNotConnected error
        /// when there is none. One client per connection for the whole invocation.
        /// </summary>
        public WebexCallsClient ClientFor(WebexCallingConnection? chosen)
        {
            var connection = chosen ?? RequireSession();
            if (!_clients.TryGetValue(connection.Id, out var client))
            {
                client = CreateClient(connection.Connection);
                _clients[connection.Id] = client;
            }

            return client;
        }

        /// <summary>Makes a client whose requests are logged to the cmdlet's verbose and debug streams.</summary>
        public WebexCallsClient CreateClient(WebexHttpConnection connection)
        {
            try
            {
                _engine.Observer.WantsBodies = IsDebugListening();
                return connection.CreateClient(_engine.Observer);
            }
            catch (IOException ex) when (ex is FileLoadException || ex is FileNotFoundException)
            {
                // The HTTP stack is built here, on first use, from the engine folder; a damaged installation fails here.
                _cmdlet.ThrowTerminatingError(WebexErrorRecords.DependencyConflict(ex));
                throw;
            }
        }

        /// <summary>The current connection, or a terminating error that says to run Connect-WebexCalling.</summary>
        public WebexCallingConnection RequireSession()
        {
            var session = WebexSession.Current;
            if (session is null)
            {
                _cmdlet.ThrowTerminatingError(WebexErrorRecords.NotConnected());
            }

            return session!;
        }

        /// <summary>
        /// Writes verbose text; under -Debug without -Verbose, to the debug stream instead. PowerShell turns -Debug into
        /// "ask before every verbose line" (the verbose preference Inquire), and in a host that cannot ask that fails
        /// the command after its request was sent: a dialled call would be placed and never returned. The debug
        /// preference -Debug sets does not ask (in PowerShell 7), so the lines are shown, in order, and nothing stops.
        /// </summary>
        public void Verbose(string text)
        {
            var bound = _cmdlet.MyInvocation.BoundParameters;
            if (bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter on && on.IsPresent && !bound.ContainsKey("Verbose"))
            {
                _cmdlet.WriteDebug(text);
            }
            else
            {
                _cmdlet.WriteVerbose(text);
            }
        }

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs as they come.</summary>
        public T Await<T>(Task<T> task)
        {
            _engine.Await(task);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs as they come.</summary>
        public void Await(Task task) => _engine.Await(task);

        /// <summary>
        /// Starts <paramref name="work"/> for one item without waiting for it, once fewer than
        /// <paramref name="throttleLimit"/> are running; as it completes, <paramref name="write"/> gets its result on the
        /// pipeline thread, and a failure is a non-terminating error with <paramref name="target"/> as its target.
        /// Results come in the order the work completes, not the input order.
        /// </summary>
        public void Start<T>(int throttleLimit, object target, Func<Task<T>> work, Action<T> write) =>
            _engine.Start(throttleLimit, target, work, write);

        /// <summary>
        /// Says how many items the command will work on, when that is known before it starts (the ids or members given
        /// as parameters). With pipeline input the total is unknown, and progress shows a count instead.
        /// </summary>
        public void ExpectItems(int count)
        {
            if (!_cmdlet.MyInvocation.ExpectingInput)
            {
                _engine.ExpectItems(count);
            }
        }

        /// <summary>Waits for everything started, writing results, errors and progress on the pipeline thread as they come.</summary>
        public void WaitForAll() => _engine.WaitForAll();

        /// <summary>Runs <paramref name="write"/> on the pipeline thread, in order, as soon as the cmdlet next waits.</summary>
        public void Post(Action write) => _engine.Post(write);

        /// <summary>Cancels every request in flight: Ctrl+C stops at once, not after the HTTP timeout.</summary>
        public void Cancel() => _engine.Cancel();

        /// <summary>
        /// Writes a call to the pipeline and remembers it, so its handle can be typed later and -WhatIf can say who is
        /// on it. Every call a cmdlet writes goes through here (or <see cref="WriteCalls"/>).
        /// </summary>
        public void WriteCall(CallSession? call)
        {
            if (call is null)
            {
                return;
            }

            KnownCalls.Remember(call);
            _cmdlet.WriteObject(call);
        }

        /// <summary>Writes each call (see <see cref="WriteCall"/>).</summary>
        public void WriteCalls(IEnumerable<CallSession> calls)
        {
            foreach (var call in calls)
            {
                WriteCall(call);
            }
        }

        /// <summary>Writes a watch's change, remembering the call it carries unless the call is gone.</summary>
        public void WriteChange(CallChange change)
        {
            if (change.Change != CallChangeKind.Removed)
            {
                KnownCalls.Remember(change.Call);
            }

            _cmdlet.WriteObject(change);
        }

        /// <summary>Cancels whatever is still running and releases the engine.</summary>
        public void Dispose() => _engine.Dispose();

        void IFanOutWriter.Verbose(string text) => Verbose(text);

        void IFanOutWriter.Debug(string text) => _cmdlet.WriteDebug(text);

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

            _cmdlet.WriteProgress(record);
        }

        void IFanOutWriter.Failed(Exception error, object target)
        {
            switch (error)
            {
                case WebexApiException webex:
                    _cmdlet.WriteError(WebexErrorRecords.From(webex, target));
                    break;
                case ArgumentException argument:
                    _cmdlet.WriteError(WebexErrorRecords.InvalidArgument(argument, target));
                    break;
                default:
                    // Not expected; reported, never lost on a worker thread.
                    _cmdlet.WriteError(new ErrorRecord(error, "WebexUnexpectedError", ErrorCategory.NotSpecified, target));
                    break;
            }
        }

        void IFanOutWriter.Terminate(WebexApiException error, object? target) => _cmdlet.ThrowTerminatingError(WebexErrorRecords.From(error, target));

        void IFanOutWriter.Stopped() => throw new PipelineStoppedException();

        /// <summary>True when -Debug was given or $DebugPreference shows debug messages.</summary>
        private bool IsDebugListening()
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter on)
            {
                return on.IsPresent;
            }

            // A script's own $DebugPreference = 'Continue' is a string, not the typed global.
            return LanguagePrimitives.TryConvertTo<ActionPreference>(_cmdlet.GetVariableValue("DebugPreference"), out var preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }
    }

    /// <summary>
    /// Collects what work off the pipeline thread wants to write (calls, changes, warnings, verbose text, errors,
    /// progress); the cmdlet writes it on the pipeline thread, in order.
    /// </summary>
    internal readonly struct OutputQueue
    {
        private readonly CmdletHost _host;
        private readonly PSCmdlet _cmdlet;

        internal OutputQueue(CmdletHost host, PSCmdlet cmdlet)
        {
            _host = host;
            _cmdlet = cmdlet;
        }

        /// <summary>Writes a warning from the pipeline thread.</summary>
        public void Warning(string text)
        {
            var cmdlet = _cmdlet;
            _host.Post(() => cmdlet.WriteWarning(text));
        }

        /// <summary>Writes verbose text (debug under -Debug alone) from the pipeline thread.</summary>
        public void Verbose(string text)
        {
            var host = _host;
            host.Post(() => host.Verbose(text));
        }

        /// <summary>Writes a watch's change from the pipeline thread.</summary>
        public void Change(CallChange change)
        {
            var host = _host;
            host.Post(() => host.WriteChange(change));
        }

        /// <summary>Writes a non-terminating error from the pipeline thread.</summary>
        public void Error(ErrorRecord error)
        {
            var cmdlet = _cmdlet;
            _host.Post(() => cmdlet.WriteError(error));
        }

        /// <summary>Writes a progress record from the pipeline thread.</summary>
        public void Progress(ProgressRecord progress)
        {
            var cmdlet = _cmdlet;
            _host.Post(() => cmdlet.WriteProgress(progress));
        }
    }
}
