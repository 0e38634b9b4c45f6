using System;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the organisation's webhook interest registration (admin).</summary>
    /// <remarks>
    /// Reads /telephony/webhookInterestRegistrations: the actor kinds (Workspaces, Virtual Lines) and resources whose
    /// telephony webhook events Webex sends only while they are registered, and when the registration expires. Without
    /// an actor interest, workspaces' and virtual lines' call events are not sent to any webhook of the organisation.
    /// The registration belongs to the token's user and app. Writes nothing (and says so under -Verbose) when there is
    /// none. Needs an administrator's token (spark-admin:calls_read).
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCallEventInterest</code>
    /// <para>Shows which actors and resources are registered, and until when.</para>
    /// </example>
    /// <example>
    /// <code>if ((Get-WebexCallEventInterest).ExpiresAt -lt (Get-Date).AddDays(7)) { Add-WebexCallEventInterest -Actor Workspaces -DurationDays 60 }</code>
    /// <para>Renews the registration when it expires within a week.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "WebexCallEventInterest", HelpUri = HelpLinks.Base + "#get-webexcalleventinterest")]
    [OutputType(typeof(WebexEventInterest))]
    public sealed class GetWebexCallEventInterestCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>The interest commands run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public GetWebexCallEventInterestCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>The connection to use (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Reads the registration.</summary>
        protected override void EndProcessing()
        {
            var client = _host.ClientFor(Connection);
            try
            {
                var interest = _host.Await(client.Webhooks.GetInterestsAsync(_host.CancellationToken));
                if (interest is null)
                {
                    _host.Verbose("There is no webhook interest registration: workspaces' and virtual lines' call events are not sent.");
                    return;
                }

                WriteObject(interest);
            }
            catch (WebexApiException ex)
            {
                WriteError(WebexErrorRecords.From(ex, "webhookInterestRegistrations"));
            }
        }

        /// <summary>Ctrl+C cancels the request.</summary>
        protected override void StopProcessing() => _host.Cancel();

        /// <summary>Releases the command's resources.</summary>
        public void Dispose()
        {
            _host.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
