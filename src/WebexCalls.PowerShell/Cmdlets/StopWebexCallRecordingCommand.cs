using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Stops recording calls.</summary>
    /// <remarks>
    /// Stops recording each call given or piped. Webex allows it only while the call is being recorded and the user's call recording mode is On Demand. Webex refuses it in the wrong recording state or mode with an error for that call (WebexCallStateConflict
    /// from the simulator; a server may use 400), and the other calls go on. Supports -WhatIf and -Confirm; -PassThru
    /// returns each call afterwards, with its RecordingState.
    /// </remarks>
    /// <example>
    /// <code>Stop-WebexCallRecording $call</code>
    /// <para>Stops recording one call.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall | Where-Object RecordingState -in Started, Paused | Stop-WebexCallRecording</code>
    /// <para>Stops every recording in progress.</para>
    /// </example>
    [WebexOperation("stopRecording")]
    [Cmdlet(VerbsLifecycle.Stop, "WebexCallRecording", HelpUri = HelpLinks.Base + "#stop-webexcallrecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class StopWebexCallRecordingCommand : WebexCallActionCmdlet
    {
        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord() =>
            ForEachCall("Stop recording {0}", (client, id, scope) => client.PerformAsync(CallOperations.StopRecording, id, scope, CancellationToken), PassThru.IsPresent);
    }
}
