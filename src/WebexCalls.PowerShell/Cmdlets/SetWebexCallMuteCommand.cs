using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Mutes calls, or with -Unmute unmutes them.</summary>
    /// <remarks>
    /// Mutes each call given or piped (ids or CallSession objects). Webex allows it only on calls whose MuteCapable
    /// is true; on others it refuses with an error for that call, and the other calls go on. Supports -WhatIf and
    /// -Confirm; -PassThru returns each call afterwards, with Muted set.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall | Where-Object MuteCapable | Set-WebexCallMute</code>
    /// <para>Mutes every call that can be muted.</para>
    /// </example>
    /// <example>
    /// <code>Set-WebexCallMute $call -Unmute -PassThru</code>
    /// <para>Unmutes one call and shows it afterwards.</para>
    /// </example>
    [WebexOperation("mute", "unmute")]
    [Cmdlet(VerbsCommon.Set, "WebexCallMute", HelpUri = HelpLinks.Base + "#set-webexcallmute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class SetWebexCallMuteCommand : WebexCallActionCmdlet
    {
        /// <summary>Unmutes the calls instead of muting them.</summary>
        [Parameter]
        public SwitchParameter Unmute { get; set; }

        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord() =>
            ForEachCall(Unmute ? "Unmute {0}" : "Mute {0}", (client, id, scope) => client.PerformAsync(Unmute ? CallOperations.Unmute : CallOperations.Mute, id, scope, CancellationToken), PassThru.IsPresent);
    }
}
