using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Picks up a call that is ringing another user.</summary>
    /// <remarks>
    /// Starts a new call, like a dial, that takes over the incoming call ringing -Target, or, without -Target, a call
    /// ringing the user's call pickup group. The user's devices (or -EndpointId, or -SingleNumberReachNumber) alert
    /// first. Returns the new call as a CallSession. When nothing is ringing there, Webex answers with an error.
    /// </remarks>
    /// <example>
    /// <code>Invoke-WebexPickup</code>
    /// <para>Picks up whatever is ringing in the user's call pickup group.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexPickup -Target 1234 -EndpointId $deskPhone</code>
    /// <para>Picks up the call ringing extension 1234, on one particular device.</para>
    /// </example>
    [WebexOperation("pickup")]
    [Cmdlet(VerbsLifecycle.Invoke, "WebexPickup", HelpUri = HelpLinks.Base + "#invoke-webexpickup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = EndpointSet)]
    [OutputType(typeof(CallSession))]
    public sealed class InvokeWebexPickupCommand : WebexNewCallCmdlet
    {
        /// <summary>The user whose ringing call to pick up: digits or a URI; the user's call pickup group when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [PlainTextTransformation]
        [ValidateDestination]
        public string? Target { get; set; }

        /// <summary>Picks up the call and returns the new call.</summary>
        protected override void ProcessRecord()
        {
            var (target, options) = (Target, Options);
            StartNewCall(Target ?? "the call pickup group", "Pick up ringing call",
                (client, scope) => NewCallReadBack.AsNullable(client.PickupAsync(target, options, scope, CancellationToken)));
        }
    }
}
