using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Deafens a conference participant: the conference's media is no longer sent to them.</summary>
    /// <remarks>
    /// Deafens (or, with -Undeafen, undeafens) the participant on -CallId. -PassThru returns the conference afterwards.
    /// </remarks>
    /// <example>
    /// <code>Set-WebexConferenceDeafen -CallId $customer</code>
    /// <para>The customer stops hearing the conference while you consult the expert.</para>
    /// </example>
    /// <example>
    /// <code>Set-WebexConferenceDeafen -CallId $customer -Undeafen -PassThru</code>
    /// <para>The customer hears the conference again; the conference is returned.</para>
    /// </example>
    [WebexOperation("conference/deafen", "conference/undeafen")]
    [Cmdlet(VerbsCommon.Set, "WebexConferenceDeafen", HelpUri = HelpLinks.Base + "#set-webexconferencedeafen", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebexCalls.WebexConference))]
    public sealed class SetWebexConferenceDeafenCommand : WebexCallCmdlet
    {
        /// <summary>The participant's call: an id or a CallSession. Binds a piped call, text, or a CallId property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string CallId { get; set; } = string.Empty;

        /// <summary>Undeafens instead of deafening.</summary>
        [Parameter]
        public SwitchParameter Undeafen { get; set; }

        /// <summary>Returns the conference afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Deafens or undeafens.</summary>
        protected override void ProcessRecord()
        {
            var (callId, deafen) = (CallId, !Undeafen.IsPresent);
            ActOnConference((deafen ? "Deafen " : "Undeafen ") + KnownCalls.Describe(callId) + " in", (client, scope) => client.Conference.DeafenAsync(callId, deafen, scope, CancellationToken), PassThru.IsPresent, takesLineOwner: false, callId: callId);
        }
    }
}
