using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the conference of the user, of a secondary line, or of members.</summary>
    /// <remarks>
    /// Returns a WebexConference (State, Muted, Type, Participants with their CallId, Muted and Deafened), or nothing
    /// when there is no conference (Webex answers an empty object). In admin mode, -MemberId reads the conferences of
    /// many members at once (up to -ThrottleLimit), like Get-WebexCall; each carries its MemberId, so it pipes into the
    /// other conference cmdlets and acts through its owner.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexConference | Format-List</code>
    /// <para>Shows the user's conference with its participants.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallingMember -LocationId $callCentre | Get-WebexConference | Where-Object Type -eq SilentMonitoring</code>
    /// <para>Admin mode: the conferences in a location that a supervisor is listening to.</para>
    /// </example>
    [WebexOperation("conference/details")]
    [Cmdlet(VerbsCommon.Get, "WebexConference", HelpUri = HelpLinks.Base + "#get-webexconference")]
    [OutputType(typeof(WebexConference))]
    public sealed class GetWebexConferenceCommand : WebexCallCmdlet
    {
        /// <summary>Reads the conference of the owner, or of each member.</summary>
        protected override void ProcessRecord()
        {
            var scopes = ResolveScopes(MemberId, OwnerRules.ManyMembers);
            if (scopes is null)
            {
                return;
            }

            var (client, cancellation) = (Client, CancellationToken);
            ExpectItems(scopes.Count);
            foreach (var scope in scopes)
            {
                RunConcurrently(scope.MemberId ?? "the user's conference", () => client.Conference.GetAsync(scope, cancellation), WriteConference);
            }
        }
    }
}
