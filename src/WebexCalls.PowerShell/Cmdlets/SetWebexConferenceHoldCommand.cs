using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Leaves the conference for a while (hold), or rejoins it (-Resume).</summary>
    /// <remarks>
    /// The host holds the conference and is no longer an active participant; the others go on talking. -Resume rejoins.
    /// -PassThru returns the conference afterwards (State Held or Connected).
    /// </remarks>
    /// <example>
    /// <code>Set-WebexConferenceHold</code>
    /// <para>Steps out of the conference; the others stay connected.</para>
    /// </example>
    /// <example>
    /// <code>Set-WebexConferenceHold -Resume -PassThru</code>
    /// <para>Rejoins, and shows the conference.</para>
    /// </example>
    [WebexOperation("conference/hold", "conference/resume")]
    [Cmdlet(VerbsCommon.Set, "WebexConferenceHold", HelpUri = HelpLinks.Base + "#set-webexconferencehold", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebexCalls.WebexConference))]
    public sealed class SetWebexConferenceHoldCommand : WebexCallCmdlet
    {
        /// <summary>Rejoins instead of holding.</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        /// <summary>Returns the conference afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Holds or resumes the host.</summary>
        protected override void ProcessRecord()
        {
            var resume = Resume.IsPresent;
            ActOnConference(resume ? "Rejoin" : "Hold (step out of)", (client, scope) => client.Conference.HoldAsync(resume, scope, CancellationToken), PassThru.IsPresent);
        }
    }
}
