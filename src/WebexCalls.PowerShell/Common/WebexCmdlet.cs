using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// What every WebexCalls cmdlet shares: a cancellation token cancelled by Ctrl+C (StopProcessing) that reaches
    /// every request; request logging written to the verbose and debug streams from the pipeline thread; and the
    /// translation of client failures into ErrorRecords.
    /// </summary>
    public abstract class WebexCmdlet : PSCmdlet, IDisposable
    {
        private static readonly TimeSpan DrainInterval = TimeSpan.FromMilliseconds(100);
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly QueuedRequestObserver _observer = new QueuedRequestObserver();
        private WebexCallsClient? _client;

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>A client over the current connection; a terminating WebexNotConnected error when there is none.</summary>
        protected WebexCallsClient Client => _client ?? (_client = CreateClient(RequireSession().Connection));

        /// <summary>Makes a client whose requests are logged to this cmdlet's verbose and debug streams.</summary>
        protected WebexCallsClient CreateClient(WebexCallsConnection connection)
        {
            try
            {
                return connection.CreateClient(_observer);
            }
            catch (FileLoadException ex)
            {
                // The HTTP stack is built here, on first use; this is where another module's older copy of a
                // Microsoft.Extensions assembly, loaded into the session first, makes ours fail to load.
                ThrowTerminatingError(WebexErrorRecords.DependencyConflict(ex));
                throw;
            }
        }

        /// <summary>The current session, or a terminating error that says to run Connect-WebexCalling.</summary>
        internal WebexSession.Entry RequireSession()
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
                    DrainRequestLog();
                }
            }
            catch (AggregateException)
            {
                // Rethrown below without the AggregateException wrapper.
            }
            finally
            {
                DrainRequestLog();
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

        /// <summary>Releases the cancellation source; PowerShell calls this when the command ends, however it ends.</summary>
        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        private void DrainRequestLog()
        {
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
        }
    }
}
