using System;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// What the fan-out engine writes through: a cmdlet's streams. Every method is called on the pipeline thread, the
    /// only thread where PowerShell lets a cmdlet write. The engine knows nothing of PowerShell; the cmdlet turns these
    /// into ProgressRecords, ErrorRecords and PipelineStoppedException.
    /// </summary>
    internal interface IFanOutWriter
    {
        /// <summary>A request log line for the verbose stream.</summary>
        void Verbose(string text);

        /// <summary>A request log line for the debug stream (with bodies).</summary>
        void Debug(string text);

        /// <summary>Progress of the fan-out, or of a retry's wait.</summary>
        void Progress(FanOutProgress progress);

        /// <summary>One item failed; the others go on (a non-terminating error with <paramref name="target"/>).</summary>
        void Failed(Exception error, object target);

        /// <summary>Ends the command with <paramref name="error"/> (a refused token): throws, and does not return.</summary>
        void Terminate(WebexApiException error, object? target);

        /// <summary>Ends the command because it was stopped (Ctrl+C): throws, and does not return.</summary>
        void Stopped();
    }

    /// <summary>One progress record, as the engine sees it.</summary>
    internal readonly struct FanOutProgress
    {
        public FanOutProgress(int activityId, string activity, string status, int percentComplete, int secondsRemaining, bool completed)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            SecondsRemaining = secondsRemaining;
            Completed = completed;
        }

        /// <summary>Which bar: the fan-out's, or a retry's wait.</summary>
        public int ActivityId { get; }

        /// <summary>The bar's title.</summary>
        public string Activity { get; }

        /// <summary>"3 of 10 done", "3 done, 4 running", or what a retry waits for.</summary>
        public string Status { get; }

        /// <summary>0-100, or -1 when the total is unknown (piped input).</summary>
        public int PercentComplete { get; }

        /// <summary>Seconds left, or -1 when not known.</summary>
        public int SecondsRemaining { get; }

        /// <summary>True for the record that closes the bar.</summary>
        public bool Completed { get; }
    }
}
