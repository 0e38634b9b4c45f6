using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Hangs up calls.</summary>
    /// <remarks>
    /// Hangs up each call given or piped (ids, or CallSession objects, also from a job). On an unanswered incoming call this rejects
    /// it to busy, as Webex does. A call that is already gone is a WebexCallNotFound error for that call, and the
    /// other calls go on. Supports -WhatIf and -Confirm. -PassThru returns each call as it was just before the hang-up,
    /// with its State set to Disconnected. ConfirmImpact is Medium, not High: hanging up the user's own calls is what
    /// call-handling scripts do all day, and a prompt by default would stop them; use -WhatIf or -Confirm to check first.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall | Stop-WebexCall</code>
    /// <para>Hangs up every active call.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Alerting | Stop-WebexCall -Confirm</code>
    /// <para>Rejects ringing calls, asking before each one.</para>
    /// </example>
    /// <example>
    /// <code>Stop-WebexCall -CallId $call.CallId -PassThru</code>
    /// <para>Hangs up one call and returns it, marked Disconnected, for the record.</para>
    /// </example>
    [WebexOperation("hangup")]
    [Cmdlet(VerbsLifecycle.Stop, "WebexCall", HelpUri = HelpLinks.Base + "#stop-webexcall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class StopWebexCallCommand : WebexCallActionCmdlet
    {
        /// <summary>Returns each call as it was before the hang-up, with State Disconnected.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Hangs up each call.</summary>
        protected override void ProcessRecord()
        {
            var passThru = PassThru.IsPresent;
            ForEachCall("Hang up {0}", async (client, id, scope) =>
            {
                // The details are read first only for -PassThru: after the hang-up the call is gone.
                var before = passThru ? await client.GetCallAsync(id, scope, CancellationToken).ConfigureAwait(false) : null;
                await client.PerformAsync(CallOperations.Hangup, id, scope, CancellationToken).ConfigureAwait(false);
                if (before != null)
                {
                    before.State = CallState.Disconnected;
                    before.RawState = "disconnected";
                }

                return before;
            }, WriteCall);
        }
    }
}
