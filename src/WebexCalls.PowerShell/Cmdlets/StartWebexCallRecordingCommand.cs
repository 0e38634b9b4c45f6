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
    [Cmdlet(VerbsLifecycle.Start, "WebexCallRecording", HelpUri = HelpLinks.Base + "#start-webexcallrecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class StartWebexCallRecordingCommand : WebexCallStateCmdlet
    {
        /// <inheritdoc />
        protected override string ActionDescription => "Start recording {0}";

        /// <inheritdoc />
        protected override Task PerformAsync(WebexCallsClient client, string callId, CallScope scope) =>
            client.PerformAsync(CallAction.StartRecording, callId, scope, CancellationToken);
    }
}
