using System;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the account's Webex webhooks for calls and conferences.</summary>
    /// <remarks>
    /// Without -Id, lists the webhooks the token can see whose resource is telephony_calls or telephony_conference
    /// (others, for messages or meetings, are left out), paged as Webex pages them; -OrgWide lists only
    /// organisation-wide ones. With -Id (also from the pipeline), reads those webhooks. Status tells whether Webex still
    /// delivers: Inactive means Webex switched it off after failed deliveries (Set-WebexCallWebhook -Enable turns it back
    /// on). Webex returns each webhook's secret; this command shows only HasSecret.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCallWebhook | Format-Table Name, Status, Event, TargetUrl</code>
    /// <para>Lists the call and conference webhooks.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallWebhook | Where-Object Status -eq Inactive | Set-WebexCallWebhook -Enable</code>
    /// <para>Reactivates every webhook Webex switched off.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "WebexCallWebhook", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Base + "#get-webexcallwebhook")]
    [OutputType(typeof(WebexWebhook))]
    public sealed class GetWebexCallWebhookCommand : PSCmdlet, IDisposable
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private readonly CmdletHost _host;

        /// <summary>The webhook commands run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public GetWebexCallWebhookCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>The ids of the webhooks to read (or objects with an Id property, from the pipeline).</summary>
        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("WebhookId")]
        [WebhookIdTransformation]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Lists only organisation-wide webhooks (ownedBy org).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter OrgWide { get; set; }

        /// <summary>The connection to use (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Lists, or reads each id given.</summary>
        protected override void ProcessRecord()
        {
            var client = _host.ClientFor(Connection);
            if (ParameterSetName == ListSet)
            {
                _host.Start(1, "webhooks", async () =>
                {
                    await client.Webhooks.ListAsync(OrgWide.IsPresent, page => _host.Post(() => WriteObject(page, true)), _host.CancellationToken).ConfigureAwait(false);
                    return true;
                }, _ => { });
                return;
            }

            foreach (var id in Id)
            {
                _host.Start(10, id, () => client.Webhooks.GetAsync(id, _host.CancellationToken), WriteObject);
            }
        }

        /// <summary>Waits for every read.</summary>
        protected override void EndProcessing() => _host.WaitForAll();

        /// <summary>Ctrl+C cancels the requests.</summary>
        protected override void StopProcessing() => _host.Cancel();

        /// <summary>Releases the command's resources.</summary>
        public void Dispose()
        {
            _host.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
