using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;
using WebexCalls.Client.Watching;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Waits for a call to reach a state with a progress bar: the helper Wait-WebexCall and Invoke-WebexDial -Wait call.
    /// What the outcome means (a result, a warning, an error) is the cmdlet's to say.
    /// </summary>
    internal static class CallWaitProgress
    {
        /// <summary>How often a wait reads the call: a call that connects is noticed within half a second.</summary>
        public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

        /// <summary>
        /// Waits for <paramref name="call"/> to reach one of <paramref name="states"/>, end, or run out of
        /// <paramref name="timeout"/>, reading it every half second and showing progress named by
        /// <paramref name="activity"/> through <paramref name="output"/>; runs off the pipeline thread, so several waits
        /// can run at once.
        /// </summary>
        public static async Task<CallWaitResult> WaitAsync(
            WebexCallsClient client, OutputQueue output, CallSession call, bool fresh, CallScope scope, CallState[] states, TimeSpan timeout, string activity,
            CancellationToken cancellationToken)
        {
            var progress = new ProgressRecord(Math.Abs(call.Id.GetHashCode() % 100000) + 1, activity, "Reading the call");
            var wanted = string.Join(" or ", states);
            try
            {
                return await client.WaitForStateAsync(call, fresh, scope, states, PollInterval, timeout, (read, elapsed) =>
                {
                    var update = new ProgressRecord(progress.ActivityId, activity,
                        read.State + (read.Personality == CallPersonality.ClickToDial ? " (" + read.Personality + ")" : string.Empty) + "; waiting for " + wanted)
                    {
                        PercentComplete = (int)Math.Min(99, 100 * elapsed.TotalSeconds / Math.Max(1, timeout.TotalSeconds)),
                        SecondsRemaining = (int)Math.Max(0, (timeout - elapsed).TotalSeconds),
                    };
                    output.Progress(update);
                }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                output.Progress(progress);
            }
        }
    }
}
