using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the user's active Webex Calling calls.</summary>
    /// <remarks>
    /// Without -CallId, lists every active call, one CallSession object each. With call ids (typed, or piped from
    /// objects with a CallId or Id property), reads each call's details; an id that is not an active call is a
    /// non-terminating WebexCallNotFound error carrying Webex's trackingId, and the other ids still run. -State keeps
    /// only calls in the given states. -LineOwnerId reads the calls of a secondary line on the user's device.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall</code>
    /// <para>Lists the active calls as a table: state, remote party, direction, start, duration and call id.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Connected, Held</code>
    /// <para>Lists only the calls that are connected or on hold.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -CallId $call.CallId | Format-List</code>
    /// <para>Reads one call's current details and shows every property.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "WebexCall")]
    [OutputType(typeof(CallSession))]
    public sealed class GetWebexCallCommand : WebexCmdlet
    {
        /// <summary>The ids of the calls to read; without it, every active call is listed. Binds CallId or Id from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string[]? CallId { get; set; }

        /// <summary>
        /// The owner (user, workspace or virtual line id) of a secondary line on the user's device: lists or reads the
        /// calls on that line, and each call returned carries it.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LineOwnerId { get; set; }

        /// <summary>Keeps only calls in these states.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public CallState[]? State { get; set; }

        /// <summary>Lists the calls, or reads each call id given.</summary>
        protected override void ProcessRecord()
        {
            if (CallId is null)
            {
                IReadOnlyList<CallSession> calls;
                try
                {
                    calls = Await(Client.ListCallsAsync(Line, CancellationToken));
                }
                catch (WebexApiException ex)
                {
                    // Nothing to list and nothing else to try: the whole command fails.
                    ThrowTerminatingError(WebexErrorRecords.From(ex, null));
                    return;
                }

                foreach (var call in calls)
                {
                    WriteIfWanted(call);
                }

                return;
            }

            foreach (var id in CallId)
            {
                try
                {
                    WriteIfWanted(Await(Client.GetCallAsync(id, Line, CancellationToken)));
                }
                catch (WebexApiException ex)
                {
                    WriteWebexError(ex, id);
                }
            }
        }

        private string? Line => string.IsNullOrEmpty(LineOwnerId) ? null : LineOwnerId;

        private void WriteIfWanted(CallSession call)
        {
            if (State is null || State.Contains(call.State))
            {
                WriteObject(call);
            }
        }
    }
}
