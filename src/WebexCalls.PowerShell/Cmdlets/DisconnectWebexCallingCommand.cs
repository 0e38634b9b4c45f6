using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Forgets a Webex Calling connection: the current one, one given, or all.</summary>
    /// <remarks>
    /// Forgets the connection and its tokens. Without -Connection or -All it forgets the current (most recent)
    /// connection; the newest connection left then becomes current (-Verbose names it), and with none left commands
    /// fail with WebexNotConnected until Connect-WebexCalling is run again. Calls themselves are not touched. Running
    /// it when not connected is not an error.
    /// </remarks>
    /// <example>
    /// <code>Disconnect-WebexCalling</code>
    /// <para>Forgets the current connection and its token.</para>
    /// </example>
    /// <example>
    /// <code>try { Get-WebexCall | Stop-WebexCall } finally { Disconnect-WebexCalling -All }</code>
    /// <para>Makes sure a script forgets its tokens when it is done, even when a step fails.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "WebexCalling", HelpUri = HelpLinks.Base + "#disconnect-webexcalling", DefaultParameterSetName = CurrentSet)]
    [OutputType(typeof(void))]
    public sealed class DisconnectWebexCallingCommand : PSCmdlet
    {
        private const string CurrentSet = "Current";
        private const string AllSet = "All";

        /// <summary>The connection to forget (an object from Connect-WebexCalling -PassThru, or its Id); the current one when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = CurrentSet)]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Forgets every connection of the process.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Forgets the connection or connections.</summary>
        protected override void ProcessRecord()
        {
            if (All)
            {
                WriteVerbose("Forgot " + WebexSession.Clear() + " Webex Calling connection(s).");
                return;
            }

            var connection = Connection ?? WebexSession.Current;
            WriteVerbose(connection != null && WebexSession.Remove(connection)
                ? "Disconnected Webex Calling connection " + connection.Id + "."
                    + (WebexSession.Current is WebexCallingConnection now ? " Connection " + now.Id + " is current now." : " No connection is left.")
                : "There was no Webex Calling connection.");
        }
    }
}
