using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Mutes a conference participant, or the host.</summary>
    /// <remarks>
    /// Without -CallId, mutes the host (you, or the member in admin mode): your media is no longer sent to the
    /// conference. With -CallId, mutes that participant. -Unmute undoes it. -PassThru returns the conference afterwards.
    /// </remarks>
    /// <example>
    /// <code>Set-WebexConferenceMute</code>
    /// <para>Mutes yourself in the conference.</para>
    /// </example>
    /// <example>
    /// <code>(Get-WebexConference).Participants | Where-Object Muted | Set-WebexConferenceMute -Unmute</code>
    /// <para>Unmutes every muted participant.</para>
    /// </example>
    [WebexOperation("conference/mute", "conference/unmute")]
    [Cmdlet(VerbsCommon.Set, "WebexConferenceMute", HelpUri = HelpLinks.Base + "#set-webexconferencemute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebexCalls.WebexConference))]
    public sealed class SetWebexConferenceMuteCommand : WebexCallCmdlet
    {
        /// <summary>The participant's call: an id or a CallSession; the host when omitted. Binds a piped call, text, or a CallId property.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string? CallId { get; set; }

        /// <summary>Unmutes instead of muting.</summary>
        [Parameter]
        public SwitchParameter Unmute { get; set; }

        /// <summary>Returns the conference afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Mutes or unmutes.</summary>
        protected override void ProcessRecord()
        {
            var (callId, mute) = (CallId, !Unmute.IsPresent);
            var who = callId is null ? "the host of" : KnownCalls.Describe(callId) + " in";
            ActOnConference((mute ? "Mute " : "Unmute ") + who, (client, scope) => client.Conference.MuteAsync(callId, mute, scope, CancellationToken), PassThru.IsPresent, takesLineOwner: false, callId: callId);
        }
    }
}
