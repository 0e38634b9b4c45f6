using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Puts calls on hold, or with -Resume takes them off hold.</summary>
    /// <remarks>
    /// Holds each call given or piped (ids, or CallSession objects, also from a job). Hold needs a connected call and resume a held
    /// one; Webex refuses other states with a WebexCallStateConflict error for that call, and the other calls go on.
    /// Supports -WhatIf and -Confirm. -PassThru returns each call as it is afterwards.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall | Where-Object State -eq Connected | Set-WebexCallHold</code>
    /// <para>Holds every connected call.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Held | Set-WebexCallHold -Resume -PassThru</code>
    /// <para>Resumes every held call and shows the calls afterwards.</para>
    /// </example>
    /// <example>
    /// <code>Set-WebexCallHold -CallId $call.CallId -WhatIf</code>
    /// <para>Shows what would be held, and sends nothing.</para>
    /// </example>
    [WebexOperation("hold", "resume")]
    [Cmdlet(VerbsCommon.Set, "WebexCallHold", HelpUri = HelpLinks.Base + "#set-webexcallhold", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class SetWebexCallHoldCommand : WebexCallActionCmdlet
    {
        /// <summary>Resumes the calls instead of holding them.</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord() =>
            ForEachCall(Resume ? "Resume {0}" : "Hold {0}", (client, id, scope) => client.PerformAsync(Resume ? CallOperations.Resume : CallOperations.Hold, id, scope, CancellationToken), PassThru.IsPresent);
    }
}
