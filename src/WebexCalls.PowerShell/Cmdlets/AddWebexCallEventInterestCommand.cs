using System;
using System.Linq;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Registers interest in workspaces' and virtual lines' call events, or other telephony resources (admin).</summary>
    /// <remarks>
    /// Webex sends workspaces' and virtual lines' call events to the organisation's webhooks only while the webhook
    /// interest registration names their actor kind. Webex's POST replaces the whole registration, so this command reads
    /// it, adds what is given to what is there, and writes it back: nothing registered before is lost. Writing renews the
    /// registration: it expires after -DurationDays days (Webex's default, 60, when not given). Needs an administrator's
    /// token (spark-admin:calls_read). -WhatIf shows the registration it would write.
    /// </remarks>
    /// <example>
    /// <code>Add-WebexCallEventInterest -Actor Workspaces, VirtualLines</code>
    /// <para>Lets the organisation's webhooks receive workspaces' and virtual lines' call events, for 60 days.</para>
    /// </example>
    /// <example>
    /// <code>Add-WebexCallEventInterest -Resource Queue, Agent -DurationDays 30 -PassThru</code>
    /// <para>Adds two resource interests to what is registered, for 30 days, and shows the result.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "WebexCallEventInterest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "#add-webexcalleventinterest")]
    [OutputType(typeof(WebexEventInterest))]
    public sealed class AddWebexCallEventInterestCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>The interest commands run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public AddWebexCallEventInterestCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>Actor kinds whose call events Webex should send: Workspaces, VirtualLines.</summary>
        [Parameter]
        [ValidateSet("Workspaces", "VirtualLines", IgnoreCase = true)]
        public string[]? Actor { get; set; }

        /// <summary>Telephony resources to enable: HookStatus, Agent, Services, AgentMonitoring, Queue, QueueMonitoring.</summary>
        [Parameter]
        [ValidateSet("HookStatus", "Agent", "Services", "AgentMonitoring", "Queue", "QueueMonitoring", IgnoreCase = true)]
        public string[]? Resource { get; set; }

        /// <summary>Days until the registration expires (1 to 3650); Webex's default is 60.</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        public int? DurationDays { get; set; }

        /// <summary>Writes the registration as it is afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The connection to use (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Reads, merges and writes the registration.</summary>
        protected override void EndProcessing()
        {
            var actors = EventInterestNames.ToWebex(Actor);
            var resources = EventInterestNames.ToWebex(Resource);
            if (actors.Length == 0 && resources.Length == 0)
            {
                WriteError(new ErrorRecord(new ArgumentException("Give -Actor or -Resource: there is nothing to add."), "WebexInterestNoChange", ErrorCategory.InvalidArgument, null));
                return;
            }

            var client = _host.ClientFor(Connection);
            try
            {
                var current = _host.Await(client.Webhooks.GetInterestsAsync(_host.CancellationToken));
                var allActors = (current?.Actors ?? new string[0]).Union(actors).ToArray();
                var allResources = (current?.Resources ?? new string[0]).Union(resources).ToArray();
                var description = string.Join(", ", allActors.Concat(allResources)) + " for " + (DurationDays ?? 60) + " days";
                if (!ShouldProcess("the webhook interest registration", "Register " + description))
                {
                    return;
                }

                _host.Await(client.Webhooks.SetInterestsAsync(allActors, allResources, DurationDays, _host.CancellationToken));
                _host.Verbose("Registered " + description + ".");
                if (PassThru && _host.Await(client.Webhooks.GetInterestsAsync(_host.CancellationToken)) is WebexEventInterest written)
                {
                    WriteObject(written);
                }
            }
            catch (WebexApiException ex)
            {
                WriteError(WebexErrorRecords.From(ex, "webhookInterestRegistrations"));
            }
        }

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
