using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Adds a call to the conference.</summary>
    /// <remarks>
    /// Adds one of the owner's answered calls to the owner's conference (a call of the user, of a secondary line, or of
    /// a member in admin mode). A CallSession works as -CallId, and piped calls route through their owner. -PassThru
    /// returns the conference afterwards.
    /// </remarks>
    /// <example>
    /// <code>Invoke-WebexDial 1234 -Wait | Add-WebexConferenceParticipant -PassThru</code>
    /// <para>Calls a colleague and, once they answer, brings them into the conference.</para>
    /// </example>
    /// <example>
    /// <code>Add-WebexConferenceParticipant -CallId $call -MemberId agent@example.com</code>
    /// <para>Admin mode: adds one of an agent's calls to the agent's conference.</para>
    /// </example>
    [WebexOperation("conference/addParticipant")]
    [Cmdlet(VerbsCommon.Add, "WebexConferenceParticipant", HelpUri = HelpLinks.Base + "#add-webexconferenceparticipant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebexCalls.WebexConference))]
    public sealed class AddWebexConferenceParticipantCommand : WebexCallCmdlet
    {
        /// <summary>The call to add: an id or a CallSession. Binds a piped call, text, or a CallId property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string CallId { get; set; } = string.Empty;

        /// <summary>Returns the conference afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Adds the call.</summary>
        protected override void ProcessRecord()
        {
            var callId = CallId;
            ActOnConference("Add " + KnownCalls.Describe(callId) + " to", (client, scope) => client.Conference.AddParticipantAsync(callId, scope, CancellationToken), PassThru.IsPresent, callId: callId);
        }
    }
}
