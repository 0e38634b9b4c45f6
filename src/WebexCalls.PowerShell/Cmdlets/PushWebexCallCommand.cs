using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Pushes an executive assistant's calls to the executive.</summary>
    /// <remarks>
    /// For an executive assistant: pushes each call given or piped to the executive it is associated with. Webex
    /// allows it only for a call that is associated with an executive; others are refused with an error for that
    /// call, and the other calls go on. The call leaves the user's active calls, so nothing is returned.
    /// </remarks>
    /// <example>
    /// <code>Push-WebexCall $call</code>
    /// <para>Pushes one call to the executive it was answered for.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Held | Push-WebexCall -Confirm</code>
    /// <para>Pushes every held call to its executive, asking before each one.</para>
    /// </example>
    [WebexOperation("push")]
    [Cmdlet(VerbsCommon.Push, "WebexCall", HelpUri = HelpLinks.Base + "#push-webexcall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class PushWebexCallCommand : WebexCallActionCmdlet
    {
        /// <summary>Pushes each call.</summary>
        protected override void ProcessRecord()
        {
            ForEachCall("Push {0} to the executive", (client, id, scope) =>
                client.PerformAsync(CallOperations.Push, id, scope, CancellationToken));
        }
    }
}
