using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Sends DTMF digits (touch tones) into a call.</summary>
    /// <remarks>
    /// Sends -Digits into the call, as if typed on the keypad: an IVR menu choice, a conference PIN, an extension.
    /// Digits are 0-9, *, #, A, B, C and D; a comma is a pause (1,234 sends 1, pauses, then 2, 3 and 4). Anything else
    /// is refused during parameter binding, before any request. The call must be connected; Webex refuses others.
    /// </remarks>
    /// <example>
    /// <code>Send-WebexCallDtmf $call 1,,4321#</code>
    /// <para>Chooses option 1 in a menu, waits, then enters a PIN followed by #.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexDial +18005550199 -Wait | Send-WebexCallDtmf -Digits 2</code>
    /// <para>Dials a service line, waits until it answers, then presses 2; the call binds from the pipeline.</para>
    /// </example>
    [WebexOperation("transmitDtmf")]
    [Cmdlet(VerbsCommunications.Send, "WebexCallDtmf", HelpUri = HelpLinks.Base + "#send-webexcalldtmf", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SendWebexCallDtmfCommand : WebexCallCmdlet
    {
        /// <summary>The call to send the digits into: an id or a CallSession. Binds a piped call, text, or a CallId property; no other object becomes an id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string CallId { get; set; } = string.Empty;

        /// <summary>The digits: 0-9 * # A B C D, with a comma for a pause.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateDtmf]
        public string Digits { get; set; } = string.Empty;

        /// <summary>Sends the digits.</summary>
        protected override void ProcessRecord()
        {
            var scope = ResolveScope(CallId);
            if (scope is null || !ShouldProcessCall("Send DTMF " + Digits + " into {0}", CallId, scope))
            {
                return;
            }

            var (client, callId, digits) = (Client, CallId, Digits);
            RunConcurrently(callId, () => client.TransmitDtmfAsync(callId, digits, scope, CancellationToken));
        }
    }
}
