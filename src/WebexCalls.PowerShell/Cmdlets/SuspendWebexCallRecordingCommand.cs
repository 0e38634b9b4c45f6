using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Pauses the recording of calls.</summary>
    /// <remarks>
    /// Pauses the recording of each call given or piped (Webex's pauseRecording). Webex allows it only while the call is being recorded and the recording mode is On Demand or Always with Pause/Resume; Resume-WebexCallRecording continues it. Webex refuses it in the wrong recording state or mode with an error for that call (WebexCallStateConflict
    /// from the simulator; a server may use 400), and the other calls go on. Supports -WhatIf and -Confirm; -PassThru
    /// returns each call afterwards, with its RecordingState.
    /// </remarks>
    /// <example>
    /// <code>Suspend-WebexCallRecording $call -PassThru</code>
    /// <para>Pauses the recording, say while a card number is read out, and shows the call with RecordingState Paused.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall | Where-Object RecordingState -eq Started | Suspend-WebexCallRecording -WhatIf</code>
    /// <para>Shows which recordings would be paused, sending nothing.</para>
    /// </example>
    [WebexOperation("pauseRecording")]
    [Cmdlet(VerbsLifecycle.Suspend, "WebexCallRecording", HelpUri = HelpLinks.Base + "#suspend-webexcallrecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class SuspendWebexCallRecordingCommand : WebexCallActionCmdlet
    {
        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord() =>
            ForEachCall("Pause the recording of {0}", (client, id, scope) => client.PerformAsync(CallOperations.PauseRecording, id, scope, CancellationToken), PassThru.IsPresent);
    }
}
