using System;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;
using WebexCalls.Client.Watching;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the cmdlets that act for one owner of calls: the user (optionally on a secondary line,
    /// -LineOwnerId) or, in admin mode, a member of an organisation (-MemberId, -OrgId). All three bind from a piped
    /// call's properties, so a call read for a member or a line is acted on through the same route.
    /// </summary>
    public abstract class WebexScopedCmdlet : WebexFanOutCmdlet
    {
        /// <summary>
        /// The owner (user, workspace or virtual line id) of a secondary line on the user's device. Binds from a piped
        /// call's LineOwnerId, so piping acts on the line the call was read from. Not with -MemberId.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LineOwnerId { get; set; }

        /// <summary>
        /// Admin mode: the person, workspace or virtual line to act for, through the Call Controls Members API (the
        /// token needs spark-admin:calls_read and spark-admin:calls_write). Binds from a piped call's MemberId, and from
        /// PersonId, WorkspaceId or VirtualLineId, so a CSV export of people can be piped. No tab completion: that
        /// would need the People API.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PersonId", "WorkspaceId", "VirtualLineId")]
        public string? MemberId { get; set; }

        /// <summary>Admin mode: the member's organisation, when it is not the token's own. Binds from a piped call's OrgId.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OrgId { get; set; }

        /// <summary>
        /// Whose calls this pipeline item is about; null, after a non-terminating WebexInvalidScope error, when the
        /// parameters contradict each other (a member with a line owner, an organisation without a member).
        /// </summary>
        protected CallScope? ResolveScope(object? target)
        {
            try
            {
                return CallScope.Of(MemberId, OrgId, LineOwnerId);
            }
            catch (ArgumentException ex)
            {
                WriteError(WebexErrorRecords.InvalidScope(ex, target));
                return null;
            }
        }

        /// <summary>The target ShouldProcess shows: the item, and the member it belongs to in admin mode.</summary>
        protected static string Describe(string item, CallScope scope) => scope.IsMember ? item + " (" + scope + ")" : item;

        /// <summary>
        /// Asks ShouldProcess about an action on a call in words a person can check: <paramref name="action"/> is a
        /// format whose {0} becomes "the call with Jane Doe &lt;+14085550100&gt; (Connected)" for a call this session has
        /// shown (else "call callhalf-488"), such as "Hang up {0}". -WhatIf prints it; -Confirm asks it.
        /// </summary>
        protected bool ShouldProcessCall(string action, string callId, CallScope scope)
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, action, KnownCalls.Describe(callId))
                + (scope.IsMember ? " for " + scope : string.Empty);
            return ShouldProcess(text + ".", text + "?", "Confirm");
        }
    
        /// <summary>How often a wait reads the call: a call that connects is noticed within half a second.</summary>
        protected static readonly TimeSpan WaitPollInterval = TimeSpan.FromMilliseconds(500);

        /// <summary>
        /// Waits for <paramref name="call"/> to reach one of <paramref name="states"/>, end, or run out of
        /// <paramref name="timeout"/>, reading it every half second and showing progress named by
        /// <paramref name="activity"/>; runs off the pipeline thread, so several waits can run at once. What the outcome
        /// means (a result, a warning, an error) is the cmdlet's to say.
        /// </summary>
        protected async Task<CallWaitResult> WaitForCallAsync(
            WebexCallsClient client, CallSession call, bool fresh, CallScope scope, CallState[] states, TimeSpan timeout, string activity)
        {
            var output = Output;
            var progress = new ProgressRecord(Math.Abs(call.Id.GetHashCode() % 100000) + 1, activity, "Reading the call");
            var wanted = string.Join(" or ", states);
            try
            {
                return await client.WaitForStateAsync(call, fresh, scope, states, WaitPollInterval, timeout, (read, elapsed) =>
                {
                    var update = new ProgressRecord(progress.ActivityId, activity,
                        read.State + (read.Personality == CallPersonality.ClickToDial ? " (" + read.Personality + ")" : string.Empty) + "; waiting for " + wanted)
                    {
                        PercentComplete = (int)Math.Min(99, 100 * elapsed.TotalSeconds / Math.Max(1, timeout.TotalSeconds)),
                        SecondsRemaining = (int)Math.Max(0, (timeout - elapsed).TotalSeconds),
                    };
                    output.Progress(update);
                }, CancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                output.Progress(progress);
            }
        }
    }
}
