using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Parks calls, to be retrieved from any phone.</summary>
    /// <remarks>
    /// Parks each connected call given or piped: against -Destination, against the user when it is omitted, or with
    /// -GroupPark against a member of the user's call park group that Webex picks. Each call leaves the user's active
    /// calls and a ParkedCall comes back: the call's id and ParkedAgainst, the party it is parked against. Its Number
    /// is what Invoke-WebexRetrieve takes, and a ParkedCall can be piped to it. If nobody retrieves it, Webex recalls
    /// the call to the user after the park recall time, as an alerting call whose Recall says park.
    /// </remarks>
    /// <example>
    /// <code>$parked = Invoke-WebexPark $call -Destination 1000; $parked | Invoke-WebexRetrieve</code>
    /// <para>Parks a call against extension 1000, then retrieves it with a new call.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Connected | Invoke-WebexPark -GroupPark</code>
    /// <para>Parks every connected call in the user's call park group and shows where each went.</para>
    /// </example>
    [WebexOperation("park")]
    [Cmdlet(VerbsLifecycle.Invoke, "WebexPark", HelpUri = HelpLinks.Base + "#invoke-webexpark", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DestinationSet)]
    [OutputType(typeof(ParkedCall))]
    public sealed class InvokeWebexParkCommand : WebexCallActionCmdlet
    {
        private const string DestinationSet = "Destination";
        private const string GroupParkSet = "GroupPark";

        /// <summary>Where to park the calls: digits or a URI; the user when omitted.</summary>
        [Parameter(ParameterSetName = DestinationSet, Position = 1)]
        [PlainTextTransformation]
        [ValidateDestination]
        public string? Destination { get; set; }

        /// <summary>Parks against a member of the user's call park group that Webex picks.</summary>
        [Parameter(ParameterSetName = GroupParkSet, Mandatory = true)]
        public SwitchParameter GroupPark { get; set; }

        /// <summary>Parks each call and returns where it is parked.</summary>
        protected override void ProcessRecord()
        {
            var description = GroupPark ? "Park {0} in the call park group" : Destination is null ? "Park {0} against the user" : "Park {0} against " + Destination;
            var (destination, groupPark) = (Destination, GroupPark.IsPresent);
            ForEachCall(description, (client, id, scope) =>
                client.ParkAsync(id, destination, groupPark, scope, CancellationToken), WriteObject);
        }
    }
}
