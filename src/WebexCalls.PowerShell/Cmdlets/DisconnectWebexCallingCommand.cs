using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Forgets the Webex Calling connection of this process.</summary>
    /// <remarks>
    /// After it, every WebexCalls command fails with WebexNotConnected until Connect-WebexCalling is run again. Calls
    /// themselves are not touched. Running it when not connected is not an error.
    /// </remarks>
    /// <example>
    /// <code>Disconnect-WebexCalling</code>
    /// <para>Forgets the connection and its token.</para>
    /// </example>
    /// <example>
    /// <code>try { Get-WebexCall | Stop-WebexCall } finally { Disconnect-WebexCalling }</code>
    /// <para>Makes sure a script forgets its token when it is done, even when a step fails.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "WebexCalling")]
    [OutputType(typeof(void))]
    public sealed class DisconnectWebexCallingCommand : WebexCmdlet
    {
        /// <summary>Clears the process-wide connection.</summary>
        protected override void ProcessRecord()
        {
            WriteVerbose(WebexSession.Clear() ? "Disconnected from Webex Calling." : "There was no Webex Calling connection.");
        }
    }
}
