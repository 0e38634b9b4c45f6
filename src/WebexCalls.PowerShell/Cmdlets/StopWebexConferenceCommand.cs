using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Releases a conference: every participant's call ends.</summary>
    /// <remarks>
    /// Ends the conference of the user (or a secondary line, or a member in admin mode) and, as Webex does, every
    /// participant's call with it. ConfirmImpact is High: PowerShell asks first unless -Confirm:$false is given. To keep
    /// two participants talking without you, transfer them to each other instead (Move-WebexCall). -PassThru returns
    /// the conference as it was, with State Disconnected.
    /// </remarks>
    /// <example>
    /// <code>Stop-WebexConference</code>
    /// <para>Asks, then ends the user's conference and its calls.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexConference -MemberId $agents | Stop-WebexConference -Confirm:$false</code>
    /// <para>Admin mode: ends the agents' conferences without asking.</para>
    /// </example>
    [WebexOperation("conference/release")]
    [Cmdlet(VerbsLifecycle.Stop, "WebexConference", HelpUri = HelpLinks.Base + "#stop-webexconference", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(WebexConference))]
    public sealed class StopWebexConferenceCommand : WebexCallCmdlet
    {
        /// <summary>Returns the conference as it was before the release, with State Disconnected.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Releases the conference.</summary>
        protected override void ProcessRecord()
        {
            var scope = ResolveScope(MemberId is { Length: > 0 } members ? members[0] : "the user's conference");
            if (scope is null || !ShouldProcess(Describe("the conference and every call in it", scope), "Release"))
            {
                return;
            }

            var (client, cancellation, passThru) = (Client, CancellationToken, PassThru.IsPresent);
            RunConcurrently(scope.MemberId ?? "the user's conference", async () =>
            {
                // Read first only for -PassThru: after the release there is nothing to read.
                var before = passThru ? await client.Conference.GetAsync(scope, cancellation).ConfigureAwait(false) : null;
                await client.Conference.ReleaseAsync(scope, cancellation).ConfigureAwait(false);
                if (before != null)
                {
                    before.State = ConferenceState.Disconnected;
                    before.RawState = "disconnected";
                }

                return before;
            }, WriteConference);
        }
    }
}
