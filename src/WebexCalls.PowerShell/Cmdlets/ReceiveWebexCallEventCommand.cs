using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;
using WebexCalls.Client.Events;

namespace WebexCalls.Commands
{
    /// <summary>Listens for Webex webhook deliveries and writes each call event as it comes.</summary>
    /// <remarks>
    /// Listens on an HttpListener prefix (-Prefix, such as http://+:8080/webex/; no other dependency) and answers each
    /// POST at once: 200 for an event, 401 for a bad or missing signature (with a warning), 400 for a body that is not
    /// an event. Events are written as WebexCallEvent objects, as ConvertFrom-WebexCallEvent writes them; an event
    /// delivered twice is written once. With -Secret every delivery's X-Spark-Signature is checked; without it, and
    /// without -PublicUrl, deliveries are not verified (a warning says so).
    ///
    /// Webex must reach the prefix from the internet: with -PublicUrl (an ngrok or reverse-proxy address that forwards
    /// to the prefix) the command creates a call webhook to it, with a fresh random secret (or -Secret), when it starts,
    /// and removes it when it ends, however it ends: -Timeout, -Count, Select-Object -First, Ctrl+C or an error. With
    /// an administrator's connection and -OrgWide, the webhook is the organisation's. It runs until one of those ends
    /// it. Waiting uses no CPU. -WhatIf says which webhook it would make, and neither listens nor makes it.
    /// </remarks>
    /// <example>
    /// <code>Receive-WebexCallEvent -Prefix http://+:8080/webex/ -PublicUrl https://abc123.ngrok.app/webex/ | Format-Table EventTime, Event, EventType, CallId, State</code>
    /// <para>With ngrok forwarding to port 8080: creates a webhook to the tunnel, shows each call event, and removes the webhook on Ctrl+C.</para>
    /// </example>
    /// <example>
    /// <code>$event = Receive-WebexCallEvent -Prefix http://+:8080/webex/ -PublicUrl $tunnel | Where-Object EventType -eq received | Select-Object -First 1; $event.Call | Receive-WebexCall</code>
    /// <para>Waits for the next incoming call and answers it.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Receive, "WebexCallEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Base + "#receive-webexcallevent")]
    [OutputType(typeof(WebexCallEvent))]
    public sealed class ReceiveWebexCallEventCommand : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>The receiver runs through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public ReceiveWebexCallEventCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>The HttpListener prefix to listen on, such as http://+:8080/webex/ (a trailing slash is added when missing).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Prefix { get; set; } = string.Empty;

        /// <summary>The webhook's secret: every delivery's signature is checked with it.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>A public URL that reaches -Prefix: a webhook to it is created at the start and removed at the end.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? PublicUrl { get; set; }

        /// <summary>With -PublicUrl: the webhook is the organisation's (every member's calls; an administrator's connection).</summary>
        [Parameter]
        public SwitchParameter OrgWide { get; set; }

        /// <summary>Stops quietly after this long: a TimeSpan such as '00:10:00'.</summary>
        [Parameter]
        public TimeSpan Timeout { get; set; }

        /// <summary>Stops after this many events.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>The connection -PublicUrl's webhook is made through (a WebexCallingConnection or its Id); the current one by default.</summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Listens until the timeout, the count, a downstream stop or Ctrl+C.</summary>
        protected override void EndProcessing()
        {
            var limit = MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null;
            if (limit < TimeSpan.FromSeconds(1))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-Timeout " + limit + " is under a second. It takes a TimeSpan such as '00:10:00' or (New-TimeSpan -Minutes 10); a bare number is read as ticks."),
                    "WebexInvalidTimeout", ErrorCategory.InvalidArgument, limit));
            }

            if (PublicUrl != null && !ShouldProcess(PublicUrl + " (a webhook for the calls, removed when this command ends)", "Create webhook and listen on " + Prefix))
            {
                return;
            }

            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var written = 0;
            var wanted = MyInvocation.BoundParameters.ContainsKey(nameof(Count)) ? Count : int.MaxValue;
            using var reception = EventReception.Start(
                this, _host, () => _host.ClientFor(Connection), Prefix, Secret, PublicUrl, OrgWide.IsPresent,
                callEvent => _host.Post(() =>
                {
                    if (written < wanted)
                    {
                        WriteObject(callEvent);
                        if (++written >= wanted)
                        {
                            done.TrySetResult(true);
                        }
                    }
                }),
                refused => _host.Post(() => WriteWarning("Refused a delivery" + (refused.Remote is null ? string.Empty : " from " + refused.Remote) + " with " + refused.StatusCode + ": " + refused.Reason)),
                fault => done.TrySetException(fault));
            using var timeout = limit is TimeSpan after ? new CancellationTokenSource(after) : new CancellationTokenSource();
            using var onTimeout = timeout.Token.Register(() => done.TrySetResult(false));
            using var onStop = _host.CancellationToken.Register(() => done.TrySetCanceled());
            try
            {
                var finished = _host.Await(done.Task);
                if (!finished)
                {
                    _host.Verbose("Stopped listening after -Timeout " + Timeout + ": " + reception.Listener.Deliveries + " deliveries, " + reception.Listener.Duplicates + " of them repeats.");
                }
            }
            catch (Exception ex) when (ex is System.Net.HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "WebexEventListenerFailed", ErrorCategory.ResourceUnavailable, Prefix));
            }
        }

        /// <summary>Ctrl+C stops listening; the webhook made for -PublicUrl is removed as the command ends.</summary>
        protected override void StopProcessing() => _host.Cancel();

        /// <summary>Releases the command's resources.</summary>
        public void Dispose()
        {
            _host.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
