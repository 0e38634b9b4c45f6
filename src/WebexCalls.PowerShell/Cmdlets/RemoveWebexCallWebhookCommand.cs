using System;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Removes Webex webhooks.</summary>
    /// <remarks>
    /// Deletes each webhook (DELETE /webhooks/{id}); Webex stops delivering its events at once. Takes ids, or webhooks
    /// from the pipeline by Id. Asks first under -Confirm, and -WhatIf says what would be removed.
    /// </remarks>
    /// <example>
    /// <code>Remove-WebexCallWebhook -Id $hook.Id</code>
    /// <para>Removes one webhook.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallWebhook | Where-Object Name -like 'WebexCalls *' | Remove-WebexCallWebhook -WhatIf</code>
    /// <para>Shows which webhooks this module's receivers left behind would be removed.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "WebexCallWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "#remove-webexcallwebhook")]
    [OutputType(typeof(void))]
    public sealed class RemoveWebexCallWebhookCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>The webhook commands run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public RemoveWebexCallWebhookCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>The ids of the webhooks to remove (or webhooks from the pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("WebhookId")]
        [WebhookIdTransformation]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>The connection to use (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Removes each webhook given.</summary>
        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                if (!ShouldProcess("webhook " + id, "Remove"))
                {
                    continue;
                }

                var client = _host.ClientFor(Connection);
                _host.Start(10, id, async () =>
                {
                    await client.Webhooks.DeleteAsync(id, _host.CancellationToken).ConfigureAwait(false);
                    return true;
                }, _ => _host.Verbose("Removed webhook " + id + "."));
            }
        }

        /// <summary>Waits for every removal.</summary>
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
