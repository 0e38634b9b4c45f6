using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Barges in on another user's answered call.</summary>
    /// <remarks>
    /// Starts a new call, like a dial, that joins the answered call of -Target. The user's devices (or -EndpointId,
    /// or -SingleNumberReachNumber) alert first. Returns the new call as a CallSession. ConfirmImpact is High, so
    /// PowerShell asks before barging in unless -Confirm:$false is given: joining someone else's conversation is
    /// never routine, and a stray pipeline must not do it unasked. Scripts that mean it pass -Confirm:$false.
    /// </remarks>
    /// <example>
    /// <code>Invoke-WebexBargeIn -Target 1234</code>
    /// <para>Asks for confirmation, then joins the call extension 1234 is on.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexBargeIn sip:agent7@example.com -EndpointId $headset -Confirm:$false</code>
    /// <para>Joins an agent's call on a chosen device without asking, as a supervisor's script would.</para>
    /// </example>
    [WebexOperation("bargeIn")]
    [Cmdlet(VerbsLifecycle.Invoke, "WebexBargeIn", HelpUri = HelpLinks.Base + "#invoke-webexbargein", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = EndpointSet)]
    [OutputType(typeof(CallSession))]
    public sealed class InvokeWebexBargeInCommand : WebexNewCallCmdlet
    {
        /// <summary>The user whose answered call to join: digits or a URI.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [PlainTextTransformation]
        [ValidateDestination]
        public string Target { get; set; } = string.Empty;

        /// <summary>Barges in and returns the new call.</summary>
        protected override void ProcessRecord()
        {
            var (target, options) = (Target, Options);
            StartNewCall(target, "Barge in on the call of",
                (client, scope) => NewCallReadBack.AsNullable(client.BargeInAsync(target, options, scope, CancellationToken)));
        }
    }
}
