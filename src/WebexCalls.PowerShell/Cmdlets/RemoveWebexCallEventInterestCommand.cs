using System;
using System.Linq;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Removes interests from the organisation's webhook interest registration, or the whole registration (admin).</summary>
    /// <remarks>
    /// With -Actor or -Resource, reads the registration, takes those out and writes the rest back (with the days it had left);
    /// when nothing is left, or with neither parameter, the whole registration is deleted: Webex's DELETE removes it all,
    /// and workspaces' and virtual lines' call events then stop. Asks first (ConfirmImpact High); -WhatIf shows what
    /// would change. Needs an administrator's token (spark-admin:calls_read).
    /// </remarks>
    /// <example>
    /// <code>Remove-WebexCallEventInterest -Actor VirtualLines</code>
    /// <para>Stops virtual lines' call events; the other interests stay.</para>
    /// </example>
    /// <example>
    /// <code>Remove-WebexCallEventInterest -Confirm:$false</code>
    /// <para>Deletes the whole registration without asking.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "WebexCallEventInterest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Base + "#remove-webexcalleventinterest")]
    [OutputType(typeof(void))]
    public sealed class RemoveWebexCallEventInterestCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>The interest commands run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public RemoveWebexCallEventInterestCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>Actor kinds to take out: Workspaces, VirtualLines.</summary>
        [Parameter]
        [ValidateSet("Workspaces", "VirtualLines", IgnoreCase = true)]
        public string[]? Actor { get; set; }

        /// <summary>Resources to take out: HookStatus, Agent, Services, AgentMonitoring, Queue, QueueMonitoring.</summary>
        [Parameter]
        [ValidateSet("HookStatus", "Agent", "Services", "AgentMonitoring", "Queue", "QueueMonitoring", IgnoreCase = true)]
        public string[]? Resource { get; set; }

        /// <summary>The connection to use (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Removes what was asked.</summary>
        protected override void EndProcessing()
        {
            var actors = EventInterestNames.ToWebex(Actor);
            var resources = EventInterestNames.ToWebex(Resource);
            var client = _host.ClientFor(Connection);
            try
            {
                if (actors.Length == 0 && resources.Length == 0)
                {
                    if (ShouldProcess("the webhook interest registration", "Delete (every interest)"))
                    {
                        _host.Await(client.Webhooks.DeleteInterestsAsync(_host.CancellationToken));
                        _host.Verbose("Deleted the webhook interest registration.");
                    }

                    return;
                }

                var current = _host.Await(client.Webhooks.GetInterestsAsync(_host.CancellationToken));
                if (current is null)
                {
                    _host.Verbose("There is no webhook interest registration: nothing to remove.");
                    return;
                }

                var leftActors = current.Actors.Except(actors).ToArray();
                var leftResources = current.Resources.Except(resources).ToArray();
                if (leftActors.Length == current.Actors.Length && leftResources.Length == current.Resources.Length)
                {
                    _host.Verbose("None of those interests is registered: nothing to remove.");
                    return;
                }

                if (leftActors.Length == 0 && leftResources.Length == 0)
                {
                    if (ShouldProcess("the webhook interest registration", "Delete (nothing else is registered)"))
                    {
                        _host.Await(client.Webhooks.DeleteInterestsAsync(_host.CancellationToken));
                    }

                    return;
                }

                if (ShouldProcess("the webhook interest registration", "Keep only " + string.Join(", ", leftActors.Concat(leftResources))))
                {
                    // Written back with the days it had left, so taking one interest out does not move the expiry.
                    var daysLeft = current.ExpiresAt is DateTimeOffset expires ? Math.Max(1, (int)Math.Ceiling((expires - DateTimeOffset.UtcNow).TotalDays)) : (int?)null;
                    _host.Await(client.Webhooks.SetInterestsAsync(leftActors, leftResources, daysLeft, _host.CancellationToken));
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
