using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Retrieves a parked call.</summary>
    /// <remarks>
    /// Starts a new call, like a dial, that picks up the call parked against -Destination, or against the user when
    /// -Destination is omitted. -Destination binds from the pipeline by value or by property name (Destination or
    /// Number), so a ParkedCall from Invoke-WebexPark can be piped, and its LineOwnerId comes along. The user's
    /// devices (or -EndpointId, or -SingleNumberReachNumber) alert first. Returns the new call as a CallSession.
    /// </remarks>
    /// <example>
    /// <code>Invoke-WebexRetrieve -Destination $parked.ParkedAgainst.Number</code>
    /// <para>Retrieves the call that Invoke-WebexPark parked.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexPark $call | Invoke-WebexRetrieve -EndpointId $deskPhone</code>
    /// <para>Parks a call and retrieves it at once on another device.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexRetrieve</code>
    /// <para>Retrieves the call parked against the user.</para>
    /// </example>
    [WebexOperation("retrieve")]
    [Cmdlet(VerbsLifecycle.Invoke, "WebexRetrieve", HelpUri = HelpLinks.Base + "#invoke-webexretrieve", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = EndpointSet)]
    [OutputType(typeof(CallSession))]
    public sealed class InvokeWebexRetrieveCommand : WebexNewCallCmdlet
    {
        /// <summary>Where the call is parked (a ParkedCall's Number): digits or a URI; the user when omitted. Binds Destination or Number from the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Number")]
        [PlainTextTransformation]
        [ValidateDestination]
        public string? Destination { get; set; }

        /// <summary>Retrieves the parked call and returns the new call.</summary>
        protected override void ProcessRecord()
        {
            var (destination, options) = (Destination, Options);
            StartNewCall(destination ?? "the call parked against the user", "Retrieve parked call",
                (client, scope) => NewCallReadBack.AsNullable(client.RetrieveAsync(destination, options, scope, CancellationToken)));
        }
    }
}
