using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Rejects ringing incoming calls.</summary>
    /// <remarks>
    /// Rejects each unanswered incoming call given or piped. -Action says how: Busy (the caller hears busy),
    /// TemporarilyUnavailable, or Ignore (the user's devices stop ringing while the caller keeps hearing ringback).
    /// Without -Action no action is sent and Webex applies its default, busy. A call that is not an unanswered
    /// incoming call is refused with an error for that call, and the other calls go on. The call leaves the user's
    /// active calls, so nothing is returned. ConfirmImpact is Medium, like Stop-WebexCall: rejecting a call is what a
    /// call-handling script does all day, so it is not prompted for by default; use -Confirm or -WhatIf to check first.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall -State Alerting | Deny-WebexCall -Action TemporarilyUnavailable</code>
    /// <para>Turns down every ringing call, telling callers the user is temporarily unavailable.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Alerting | Where-Object { $_.RemoteParty.Number -like '+1900*' } | Deny-WebexCall -WhatIf</code>
    /// <para>Shows which ringing calls from premium-rate numbers would be rejected, sending nothing.</para>
    /// </example>
    [WebexOperation("reject")]
    [Cmdlet(VerbsLifecycle.Deny, "WebexCall", HelpUri = HelpLinks.Base + "#deny-webexcall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class DenyWebexCallCommand : WebexCallActionCmdlet
    {
        /// <summary>How to reject: Busy, TemporarilyUnavailable or Ignore; Webex applies Busy when omitted.</summary>
        [Parameter]
        public RejectAction Action { get; set; }

        /// <summary>Rejects each call.</summary>
        protected override void ProcessRecord()
        {
            // Without -Action nothing is sent, so Webex applies its own default rather than one the module picked.
            RejectAction? action = MyInvocation.BoundParameters.ContainsKey(nameof(Action)) ? Action : (RejectAction?)null;
            ForEachCall(action is null ? "Reject {0}" : "Reject {0} (" + action + ")", (client, id, scope) =>
                client.RejectAsync(id, action, scope, CancellationToken));
        }
    }
}
