using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the cmdlets that change a call that stays with the user (answer, hold, mute, recording): one
    /// request per call, and -PassThru to return each call as it is afterwards. A cmdlet names its action and sends it.
    /// </summary>
    public abstract class WebexCallStateCmdlet : WebexCallActionCmdlet
    {
        /// <summary>Returns each call as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What ShouldProcess and -WhatIf call the action, such as "Hold call".</summary>
        protected abstract string ActionDescription { get; }

        /// <summary>Sends the action for one call.</summary>
        protected abstract Task PerformAsync(WebexCallsClient client, string callId, CallScope scope);

        /// <summary>Acts on each call, and returns it afterwards with -PassThru.</summary>
        protected override void ProcessRecord()
        {
            var passThru = PassThru.IsPresent;
            ForEachCall(ActionDescription, async (client, id, scope) =>
            {
                await PerformAsync(client, id, scope).ConfigureAwait(false);
                return passThru ? await client.GetCallAsync(id, scope, CancellationToken).ConfigureAwait(false) : null;
            });
        }
    }
}
