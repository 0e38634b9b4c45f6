using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Answers ringing calls.</summary>
    /// <remarks>
    /// Answers each alerting call given or piped (ids or CallSession objects): an incoming call, or a Click to Dial
    /// call alerting the user's own devices. Without -EndpointId Webex answers on the user's primary device. A call
    /// that is not alerting is refused by Webex (WebexCallStateConflict, or WebexBadRequest from a server that uses
    /// 400), and the other calls go on. Supports -WhatIf and -Confirm; -PassThru returns each call afterwards.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall -State Alerting | Receive-WebexCall -PassThru</code>
    /// <para>Answers every ringing call and shows each one connected.</para>
    /// </example>
    /// <example>
    /// <code>Receive-WebexCall (Get-WebexCall -State Alerting | Select-Object -First 1) -EndpointId $deskPhone</code>
    /// <para>Answers the first ringing call on one particular device; a CallSession works wherever a call id does.</para>
    /// </example>
    [WebexOperation("answer")]
    [Cmdlet(VerbsCommunications.Receive, "WebexCall", HelpUri = HelpLinks.Base + "#receive-webexcall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallSession))]
    public sealed class ReceiveWebexCallCommand : WebexCallActionCmdlet
    {
        /// <summary>The device or application to answer on, from Webex's Get Preferred Answer Endpoint; the primary device when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointId { get; set; }

        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord()
        {
            var endpointId = EndpointId;
            ForEachCall("Answer {0}", (client, id, scope) => client.AnswerAsync(id, endpointId, scope, CancellationToken), PassThru.IsPresent);
        }
    }
}
