using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Diverts calls to another destination or to voicemail (a blind transfer).</summary>
    /// <remarks>
    /// Sends each call given or piped on to -Destination, or with -ToVoicemail to voicemail: the user's own, or, with
    /// -Destination too, that person's voicemail. The parameter sets enforce the spec's rule that a destination is
    /// required unless the call goes to voicemail. The destination is checked before any request. The call leaves
    /// the user, so nothing is returned. Unlike Move-WebexCall -Destination, divert does not wait for the destination
    /// to answer. It works on ringing incoming calls too.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall -State Alerting | Invoke-WebexDivert -ToVoicemail</code>
    /// <para>Sends every ringing call to the user's voicemail.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexDivert $call -Destination 1234</code>
    /// <para>Diverts one call to extension 1234.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexDivert $call -ToVoicemail -Destination +14085550100</code>
    /// <para>Diverts a call to the voicemail of the person at +14085550100.</para>
    /// </example>
    [WebexOperation("divert")]
    [Cmdlet(VerbsLifecycle.Invoke, "WebexDivert", HelpUri = HelpLinks.Base + "#invoke-webexdivert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DestinationSet)]
    [OutputType(typeof(void))]
    public sealed class InvokeWebexDivertCommand : WebexCallActionCmdlet
    {
        private const string DestinationSet = "Destination";
        private const string VoicemailSet = "Voicemail";

        /// <summary>Where to divert the calls: digits or a URI. Required unless -ToVoicemail is given; with it, whose voicemail.</summary>
        [Parameter(ParameterSetName = DestinationSet, Mandatory = true, Position = 1)]
        [Parameter(ParameterSetName = VoicemailSet)]
        [PlainTextTransformation]
        [ValidateDestination]
        public string? Destination { get; set; }

        /// <summary>Diverts to voicemail: the user's own, or the voicemail of -Destination when it is given.</summary>
        [Parameter(ParameterSetName = VoicemailSet, Mandatory = true)]
        public SwitchParameter ToVoicemail { get; set; }

        /// <summary>Diverts each call.</summary>
        protected override void ProcessRecord()
        {
            var description = ToVoicemail
                ? "Divert {0} to " + (Destination is null ? "voicemail" : "the voicemail of " + Destination)
                : "Divert {0} to " + Destination;
            var (destination, toVoicemail) = (Destination, ToVoicemail.IsPresent);
            ForEachCall(description, (client, id, scope) =>
                client.DivertAsync(id, destination, toVoicemail, scope, CancellationToken));
        }
    }
}
