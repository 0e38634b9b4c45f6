using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Starts recording calls.</summary>
    /// <remarks>
    /// Starts recording each call given or piped. Webex allows it only when the user's call recording mode is On Demand. Webex refuses it in the wrong recording state or mode with an error for that call (WebexCallStateConflict
    /// from the simulator; a server may use 400), and the other calls go on. Supports -WhatIf and -Confirm; -PassThru
    /// returns each call afterwards, with its RecordingState.
    /// </remarks>
    /// <example>
    /// <code>Start-WebexCallRecording $call -PassThru</code>
    /// <para>Starts recording one call and shows its RecordingState.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Connected | Start-WebexCallRecording</code>
    /// <para>Starts recording every connected call.</para>
    /// </example>
    [WebexOperation("startRecording")]
    [Cmdlet(VerbsLifecycle.Start, "WebexCallRecording", HelpUri = HelpLinks.Base + "#start-webexcallrecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class StartWebexCallRecordingCommand : WebexCallActionCmdlet
    {
        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord() =>
            ForEachCall("Start recording {0}", (client, id, scope) => client.PerformAsync(CallOperations.StartRecording, id, scope, CancellationToken), PassThru.IsPresent);
    }
}
