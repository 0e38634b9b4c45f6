using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using WebexCalls.Client;
using WebexCalls.Client.Events;

namespace WebexCalls.Commands
{
    /// <summary>Renames, retargets, re-keys or reactivates a Webex webhook.</summary>
    /// <remarks>
    /// Webex's PUT /webhooks/{id} changes only a webhook's name, target URL and secret, and can set its status back to
    /// active after Webex switched it off for failed deliveries (-Enable); it cannot switch a webhook off. Resource,
    /// event and filter cannot change: remove the webhook (Remove-WebexCallWebhook) and create another
    /// (New-WebexCallWebhook). Webex needs the name and target on every update, so those not given are read from the
    /// webhook first. Takes webhooks from the pipeline by Id.
    /// </remarks>
    /// <example>
    /// <code>Set-WebexCallWebhook -Id $hook.Id -TargetUrl https://calls2.example.com/webex -PassThru</code>
    /// <para>Points the webhook at a new receiver and shows it.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallWebhook | Where-Object Status -eq Inactive | Set-WebexCallWebhook -Enable</code>
    /// <para>Reactivates every webhook Webex switched off after failed deliveries.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "WebexCallWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "#set-webexcallwebhook")]
    [OutputType(typeof(WebexWebhook))]
    public sealed class SetWebexCallWebhookCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>The webhook commands run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public SetWebexCallWebhookCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>The webhook's id (or a webhook from the pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("WebhookId")]
        [WebhookIdTransformation]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>A new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>A new absolute http(s) URL to deliver to.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? TargetUrl { get; set; }

        /// <summary>A new secret to sign deliveries with.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>Sets the status back to active, after Webex switched the webhook off.</summary>
        [Parameter]
        public SwitchParameter Enable { get; set; }

        /// <summary>Writes the webhook as it is after the update.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The connection to use (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Updates the webhook.</summary>
        protected override void ProcessRecord()
        {
            var changes = new List<string>();
            if (Name != null)
            {
                changes.Add("rename to '" + Name + "'");
            }

            if (TargetUrl != null)
            {
                changes.Add("deliver to " + TargetUrl);
            }

            if (Secret != null)
            {
                changes.Add("new secret");
            }

            if (Enable)
            {
                changes.Add("reactivate");
            }

            if (changes.Count == 0)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException("Nothing to change: give -Name, -TargetUrl, -Secret or -Enable. Resource, event and filter cannot change: remove the webhook and create another."),
                    "WebexWebhookNoChange", ErrorCategory.InvalidArgument, Id));
                return;
            }

            if (!ShouldProcess("webhook " + Id, string.Join(", ", changes)))
            {
                return;
            }

            var client = _host.ClientFor(Connection);
            var secret = Secret is null ? null : WebhookSecret.ToText(Secret);
            _host.Start(1, Id, () => client.Webhooks.UpdateAsync(Id, Name, TargetUrl, secret, Enable.IsPresent, _host.CancellationToken), webhook =>
            {
                if (PassThru)
                {
                    WriteObject(webhook);
                }
            });
            _host.WaitForAll();
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
