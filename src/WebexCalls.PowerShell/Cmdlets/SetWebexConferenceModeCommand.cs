using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Switches a supervisor mode: barge in, listen silently, or coach the agent.</summary>
    /// <remarks>
    /// For a member (admin mode, -MemberId) or for yourself (Webex's members/me routes): BargeIn makes the supervisor a
    /// full participant everyone hears; SilentMonitor lets them listen unheard; Coach lets only the agent hear them. The
    /// conference's Type shows the mode (BargeIn, SilentMonitoring, Coaching). Not with -LineOwnerId. -PassThru returns
    /// the conference afterwards.
    /// </remarks>
    /// <example>
    /// <code>Set-WebexConferenceMode -Mode Coach -MemberId supervisor@example.com -PassThru</code>
    /// <para>Admin mode: the supervisor's conference turns into coaching: only the agent hears them.</para>
    /// </example>
    /// <example>
    /// <code>Set-WebexConferenceMode -Mode SilentMonitor</code>
    /// <para>You listen to your conference without being heard.</para>
    /// </example>
    [WebexOperation("conference/bargeIn", "conference/silentMonitor", "conference/supervisorCoach")]
    [Cmdlet(VerbsCommon.Set, "WebexConferenceMode", HelpUri = HelpLinks.Base + "#set-webexconferencemode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebexCalls.WebexConference))]
    public sealed class SetWebexConferenceModeCommand : WebexCallCmdlet
    {
        /// <summary>BargeIn, SilentMonitor or Coach.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public ConferenceMode Mode { get; set; }

        /// <summary>Returns the conference afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Switches the mode.</summary>
        protected override void ProcessRecord()
        {
            var mode = Mode;
            ActOnConference("Switch to " + mode + " in", (client, scope) => client.Conference.SetModeAsync(mode, scope, CancellationToken), PassThru.IsPresent, takesLineOwner: false);
        }
    }
}
