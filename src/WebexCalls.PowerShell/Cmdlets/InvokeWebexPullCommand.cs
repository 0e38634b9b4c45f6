using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Pulls the user's call from another of their devices.</summary>
    /// <remarks>
    /// Moves the user's call from the device it is on to -EndpointId (or to the primary device): Webex alerts that
    /// device with a temporary call and, once it is answered, connects it to the pulled call and releases the
    /// temporary one. Returns the call as a CallSession (the pulled call itself once the temporary one is released).
    /// </remarks>
    /// <example>
    /// <code>Invoke-WebexPull -EndpointId $laptopApp</code>
    /// <para>Moves the call from the desk phone to the Webex app on the laptop.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexPull -WhatIf</code>
    /// <para>Shows what would be pulled, sending nothing.</para>
    /// </example>
    [WebexOperation("pull")]
    [Cmdlet(VerbsLifecycle.Invoke, "WebexPull", HelpUri = HelpLinks.Base + "#invoke-webexpull", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class InvokeWebexPullCommand : WebexCallCmdlet
    {
        /// <summary>The device or application to pull the call to, from Webex's Get Preferred Answer Endpoint; the primary device when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string? EndpointId { get; set; }

        /// <summary>Pulls the call and returns it.</summary>
        protected override void ProcessRecord()
        {
            var options = new NewCallOptions { EndpointId = string.IsNullOrEmpty(EndpointId) ? null : EndpointId };
            StartNewCall(EndpointId ?? "the primary device", "Pull call to",
                (client, scope) => NewCallReadBack.AsNullable(client.PullAsync(options, scope, CancellationToken)));
        }
    }
}
