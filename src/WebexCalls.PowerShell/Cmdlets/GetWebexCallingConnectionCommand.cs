using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Shows the current Webex Calling connection, or all of them: never a secret.</summary>
    /// <remarks>
    /// Like Get-MgContext: the connection's Id, base URI, token kind (AccessToken or RefreshToken), mode (User or
    /// Admin), where the token came from, when the access token expires (for refresh tokens, which are renewed before
    /// then), the scopes Webex granted when it said, and whether it is current. Returns nothing when not connected.
    /// The objects can be given to any cmdlet's -Connection.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCallingConnection</code>
    /// <para>Shows the connection cmdlets use now.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallingConnection -All | Format-List</code>
    /// <para>Shows every connection kept in this session, with its scopes and expiry.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "WebexCallingConnection", HelpUri = HelpLinks.Base + "#get-webexcallingconnection")]
    [OutputType(typeof(WebexCallingConnection))]
    public sealed class GetWebexCallingConnectionCommand : PSCmdlet
    {
        /// <summary>Returns every connection kept in this session, not only the current one.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Writes the connection or connections.</summary>
        protected override void ProcessRecord()
        {
            if (All)
            {
                WriteObject(WebexSession.All, enumerateCollection: true);
            }
            else if (WebexSession.Current is { } current)
            {
                WriteObject(current);
            }
        }
    }
}
