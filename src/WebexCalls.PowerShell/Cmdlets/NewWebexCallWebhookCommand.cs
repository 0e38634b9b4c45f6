using System;
using System.Management.Automation;
using System.Security;
using WebexCalls.Client;
using WebexCalls.Client.Events;

namespace WebexCalls.Commands
{
    /// <summary>Creates a Webex webhook that POSTs call (or conference) events to a URL.</summary>
    /// <remarks>
    /// Creates a webhook for the telephony_calls resource (or telephony_conference with -Resource Conference): Webex then
    /// POSTs an event to -TargetUrl each time a call of the token's user starts, changes or ends, or, with -OrgWide and
    /// an administrator's token, each time any member's call does (ownedBy org; whether Webex needs it for call events is
    /// not documented, see docs/events.md). -Event All, the default, sends "all": not in Cisco's enum, but accepted by
    /// Webex and used by its SDKs. Every delivery is signed with the webhook's secret (X-Spark-Signature). Without
    /// -Secret, a strong random secret is made: it is on the object this command writes, in its Secret property (a
    /// SecureString, never shown, never serialized), and nowhere else; a warning says so. Keep it to check deliveries
    /// with ConvertFrom-WebexCallEvent -Secret. Webex echoes secrets in its answers; this module never shows them.
    /// Workspaces' and virtual lines' events also need Add-WebexCallEventInterest (admin).
    /// </remarks>
    /// <example>
    /// <code>$hook = New-WebexCallWebhook https://calls.example.com/webex -Name 'Screen pop'; $secret = $hook.Secret</code>
    /// <para>Creates a webhook for every call event of the user, with a random secret kept in $secret for the receiver.</para>
    /// </example>
    /// <example>
    /// <code>New-WebexCallWebhook https://contoso-calls.azurewebsites.net/api/webex -OrgWide -Event Deleted -Secret (Read-Host -AsSecureString 'Secret')</code>
    /// <para>Admin mode: an organisation-wide webhook for calls that end, signed with a secret typed in.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "WebexCallWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "#new-webexcallwebhook")]
    [OutputType(typeof(WebexWebhook))]
    public sealed class NewWebexCallWebhookCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>The webhook commands run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public NewWebexCallWebhookCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>The absolute http(s) URL Webex POSTs each event to; it must be reachable from the internet.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri TargetUrl { get; set; } = null!;

        /// <summary>The webhook's name (by default "WebexCalls calls" or "WebexCalls conference").</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The secret Webex signs each delivery with; without it, a random one is made and returned once.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>Calls (telephony_calls, the default) or Conference (telephony_conference).</summary>
        [Parameter]
        [ValidateSet("Calls", "Conference", IgnoreCase = true)]
        public WebhookResource Resource { get; set; } = WebhookResource.Calls;

        /// <summary>All (the default), Created, Updated or Deleted.</summary>
        [Parameter]
        [ValidateSet("All", "Created", "Updated", "Deleted", IgnoreCase = true)]
        public WebhookEvent Event { get; set; } = WebhookEvent.All;

        /// <summary>Webex's filter, such as 'personId=...' (one person's calls in an organisation webhook).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        /// <summary>An organisation-wide webhook (ownedBy org): every member's calls. Needs an administrator's token.</summary>
        [Parameter]
        public SwitchParameter OrgWide { get; set; }

        /// <summary>The connection to use (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Creates the webhook.</summary>
        protected override void ProcessRecord()
        {
            var name = Name ?? "WebexCalls " + (Resource == WebhookResource.Conference ? "conference" : "calls");
            if (!ShouldProcess(TargetUrl + " (" + Resource + ", " + Event + (OrgWide ? ", organisation-wide" : string.Empty) + ")", "Create webhook '" + name + "'"))
            {
                return;
            }

            var client = _host.ClientFor(Connection);
            var made = Secret is null;
            var secret = Secret ?? WebhookSecret.Generate();
            var spec = new WebhookSpec { Name = name, TargetUrl = TargetUrl, Resource = Resource, Event = Event, Filter = Filter, OrgWide = OrgWide.IsPresent };
            try
            {
                var webhook = _host.Await(client.Webhooks.CreateAsync(spec, WebhookSecret.ToText(secret), _host.CancellationToken));
                if (made)
                {
                    webhook.Secret = secret;
                    WriteWarning("A random secret was made for webhook '" + name + "'. It is in the Secret property (a SecureString) of the object written now, and nowhere else: Webex signs each delivery with it. Keep it, for example $hook = New-WebexCallWebhook ...; then ConvertFrom-WebexCallEvent -Secret $hook.Secret.");
                }

                WriteObject(webhook);
            }
            catch (WebexApiException ex)
            {
                WriteError(WebexErrorRecords.From(ex, TargetUrl));
            }
            catch (ArgumentException ex)
            {
                WriteError(WebexErrorRecords.InvalidArgument(ex, TargetUrl));
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
