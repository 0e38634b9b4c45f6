using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using WebexCalls.Client;
using WebexCalls.Client.Events;

namespace WebexCalls.Commands
{
    /// <summary>
    /// What Receive-WebexCallEvent and Watch-WebexCall -EventPrefix share: a listener on an HttpListener prefix that
    /// checks each delivery's signature, and, with a public URL, a webhook to it made with a fresh secret when reception
    /// starts and removed when it ends, however it ends (the timeout, a count, Select-Object -First, Ctrl+C, an error).
    /// </summary>
    internal sealed class EventReception : IDisposable
    {
        private readonly WebexEventListener _listener;
        private readonly WebexCallsClient? _client;
        private readonly Action<string> _verbose;
        private readonly Action<string> _warning;
        private string? _webhookId;

        private EventReception(WebexEventListener listener, WebexCallsClient? client, Action<string> verbose, Action<string> warning)
        {
            _listener = listener;
            _client = client;
            _verbose = verbose;
            _warning = warning;
        }

        /// <summary>The listener, for its delivery counts.</summary>
        public WebexEventListener Listener => _listener;

        /// <summary>
        /// Starts listening on <paramref name="prefix"/>; with <paramref name="publicUrl"/>, creates a call webhook to it
        /// through <paramref name="client"/> (organisation-wide when <paramref name="orgWide"/>), signed with
        /// <paramref name="secret"/> or, when none is given, a fresh random one. Terminates the command, with nothing
        /// left behind, when the prefix cannot be listened on or the webhook cannot be made.
        /// </summary>
        public static EventReception Start(
            PSCmdlet cmdlet, CmdletHost host, Func<WebexCallsClient>? client, string prefix, SecureString? secret, Uri? publicUrl, bool orgWide,
            Action<WebexCallEvent> received, Action<RefusedDelivery> refused, Action<Exception> faulted)
        {
            var normalized = prefix.EndsWith("/", StringComparison.Ordinal) ? prefix : prefix + "/";
            if (!Uri.TryCreate(normalized.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var parsed)
                || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-Prefix '" + prefix + "' is not an HttpListener prefix: give one such as http://127.0.0.1:8080/webex/ or http://+:8080/webex/."),
                    "WebexEventPrefixInvalid", ErrorCategory.InvalidArgument, prefix));
            }

            if (publicUrl != null && (!publicUrl.IsAbsoluteUri || (publicUrl.Scheme != Uri.UriSchemeHttp && publicUrl.Scheme != Uri.UriSchemeHttps)))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-PublicUrl '" + publicUrl + "' is not an absolute http or https URL that Webex can reach."),
                    "WebexEventPrefixInvalid", ErrorCategory.InvalidArgument, publicUrl));
            }

            if (secret is null && publicUrl is null)
            {
                cmdlet.WriteWarning("No -Secret: deliveries to " + normalized + " are not verified, so anyone who can reach it can send events. Give the webhook's secret, or -PublicUrl to make a webhook with a fresh one.");
            }

            var webhookClient = publicUrl is null ? null : client?.Invoke();
            var signWith = secret ?? (publicUrl is null ? null : WebhookSecret.Generate());
            var key = signWith is null ? null : WebhookSecret.ToKey(signWith);
            var listener = new WebexEventListener(normalized, key);
            if (key != null)
            {
                Array.Clear(key, 0, key.Length);
            }

            var reception = new EventReception(listener, webhookClient, host.Verbose, cmdlet.WriteWarning);
            try
            {
                listener.Start(received, refused, faulted);
            }
            catch (HttpListenerException ex)
            {
                listener.Dispose();
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("Cannot listen on " + normalized + ": " + ex.Message + ". Choose a free port, or an address this machine has (on Windows, a prefix other than localhost needs netsh http add urlacl or an elevated session).", ex),
                    "WebexEventListenerFailed", ErrorCategory.ResourceUnavailable, normalized));
            }

            host.Verbose("Listening for Webex deliveries on " + normalized + (signWith is null ? ", without a secret: deliveries are not verified." : "; each delivery's X-Spark-Signature is checked."));
            if (webhookClient is null)
            {
                return reception;
            }

            try
            {
                var spec = new WebhookSpec
                {
                    Name = "WebexCalls " + cmdlet.MyInvocation.MyCommand.Name + " on " + Environment.MachineName,
                    TargetUrl = publicUrl,
                    Resource = WebhookResource.Calls,
                    Event = WebhookEvent.All,
                    OrgWide = orgWide,
                };
                var webhook = host.Await(webhookClient.Webhooks.CreateAsync(spec, WebhookSecret.ToText(signWith!), host.CancellationToken));
                reception._webhookId = webhook.Id;
                host.Verbose("Created webhook " + webhook.Id + " to " + publicUrl + (orgWide ? " for the organisation" : string.Empty) + "; it is removed when this command ends.");
            }
            catch (WebexApiException ex)
            {
                reception.Dispose();
                cmdlet.ThrowTerminatingError(WebexErrorRecords.From(ex, publicUrl));
            }
            catch (PipelineStoppedException)
            {
                reception.Dispose();
                throw;
            }

            return reception;
        }

        /// <summary>Stops listening and removes the webhook this reception made (its own 15-second budget: the command's token may be cancelled).</summary>
        public void Dispose()
        {
            _listener.Dispose();
            var id = Interlocked.Exchange(ref _webhookId, null);
            if (id is null || _client is null)
            {
                return;
            }

            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                _client.Webhooks.DeleteAsync(id, budget.Token).GetAwaiter().GetResult();
                Say(_verbose, "Removed webhook " + id + ".");
            }
            catch (Exception ex) when (ex is WebexApiException || ex is OperationCanceledException)
            {
                Say(_warning, "Could not remove webhook " + id + " (" + ex.Message + "): remove it with Remove-WebexCallWebhook " + id + ".");
            }
        }

        private static void Say(Action<string> write, string text)
        {
            try
            {
                write(text);
            }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException || ex is NotImplementedException)
            {
                // The pipeline is closing (Select-Object -First, Ctrl+C): nothing can be written any more.
            }
        }
    }
}
