using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Resumes the paused recording of calls.</summary>
    /// <remarks>
    /// Resumes the recording of each call given or piped whose recording is paused (Webex's resumeRecording). Webex allows it only when the recording mode is On Demand or Always with Pause/Resume. Webex refuses it in the wrong recording state or mode with an error for that call (WebexCallStateConflict
    /// from the simulator; a server may use 400), and the other calls go on. Supports -WhatIf and -Confirm; -PassThru
    /// returns each call afterwards, with its RecordingState.
    /// </remarks>
    /// <example>
    /// <code>Resume-WebexCallRecording $call -PassThru</code>
    /// <para>Resumes a paused recording and shows the call with RecordingState Started.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall | Where-Object RecordingState -eq Paused | Resume-WebexCallRecording</code>
    /// <para>Resumes every paused recording.</para>
    /// </example>
    [WebexOperation("resumeRecording")]
    [Cmdlet(VerbsLifecycle.Resume, "WebexCallRecording", HelpUri = HelpLinks.Base + "#resume-webexcallrecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class ResumeWebexCallRecordingCommand : WebexCallActionCmdlet
    {
        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord() =>
            ForEachCall("Resume the recording of {0}", (client, id, scope) => client.PerformAsync(CallOperations.ResumeRecording, id, scope, CancellationToken), PassThru.IsPresent);
    }
}
