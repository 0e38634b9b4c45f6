using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using System.Text;
using WebexCalls.Client.Events;

namespace WebexCalls.Commands
{
    /// <summary>Verifies a Webex webhook delivery and turns it into a WebexCallEvent.</summary>
    /// <remarks>
    /// Pure: no network and no connection, so it runs unchanged in an Azure Functions PowerShell app, a Pode route or
    /// PowerShell Universal. Give it the raw request body (a string, or the bytes) exactly as received: the signature is
    /// over those bytes, and a re-serialised object would not match. With -Secret it checks X-Spark-Signature (from
    /// -Signature, or from -Headers whatever the header's case): the hex HMAC-SHA1 of the body under the secret,
    /// compared in constant time; a missing or wrong signature is a WebexEventSignatureInvalid error and nothing is
    /// written. Piped objects give their RawBody (or a text Body), Signature and Headers by name. A body that is not a webhook event is WebexEventInvalid. The WebexCallEvent it writes has the event
    /// (Created, Updated, Deleted), Webex's eventType kept as sent (received, answered, disconnected, ...), the event's
    /// time, the webhook, the actor, and the call as a CallSession; for another member's call (an organisation webhook,
    /// or an actor who is not the webhook's creator) the call's MemberId is the actor, so it pipes into the call cmdlets. Delivery is at least once and in no promised order:
    /// dedupe on CallId, Event, EventType and EventTime, and order by EventTime (docs/events.md).
    /// </remarks>
    /// <example>
    /// <code>$event = ConvertFrom-WebexCallEvent -Body $Request.RawBody -Headers $Request.Headers -Secret $secret</code>
    /// <para>In an Azure Functions HTTP trigger: the raw body and the request's headers, checked with the webhook's secret.</para>
    /// </example>
    /// <example>
    /// <code>Get-Content ./captured.json -Raw | ConvertFrom-WebexCallEvent | Select-Object Event, EventType, CallId, State</code>
    /// <para>Reads a saved delivery, without checking a signature.</para>
    /// </example>
    [Cmdlet(VerbsData.ConvertFrom, "WebexCallEvent", HelpUri = HelpLinks.Base + "#convertfrom-webexcallevent")]
    [OutputType(typeof(WebexCallEvent))]
    public sealed class ConvertFromWebexCallEventCommand : PSCmdlet
    {
        private byte[]? _key;

        /// <summary>The raw request body: a string (read as UTF-8) or a byte array, exactly as received.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RawBody", "Content")]
        [ValidateNotNull]
        public object Body { get; set; } = null!;

        /// <summary>The X-Spark-Signature header's value; null or empty when the delivery had none (refused when -Secret is given).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? Signature { get; set; }

        /// <summary>The request's headers (any dictionary); X-Spark-Signature is taken from it, whatever its case.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        public IDictionary? Headers { get; set; }

        /// <summary>The webhook's secret: with it, the signature is checked and a delivery without a good one is refused.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>Turns the secret into the key once.</summary>
        protected override void BeginProcessing()
        {
            _key = Secret is null ? null : WebhookSecret.ToKey(Secret);
        }

        /// <summary>Verifies and reads one delivery.</summary>
        protected override void ProcessRecord()
        {
            var body = RawBytes(Body);
            if (body is null)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException("-Body takes the raw request body, a string or bytes, exactly as received; a " + Body.GetType().Name
                        + " is not: the signature is over the original bytes (in Azure Functions, $Request.RawBody; in Pode, $WebEvent.Request.Body)."),
                    "WebexEventBodyNotRaw", ErrorCategory.InvalidArgument, Body.GetType().Name));
                return;
            }

            try
            {
                if (_key != null)
                {
                    WebexEventReader.Verify(body, string.IsNullOrEmpty(Signature) ? SignatureFrom(Headers) : Signature, _key);
                }

                WriteObject(WebexEventReader.Read(body, DateTimeOffset.UtcNow));
            }
            catch (WebexEventException ex)
            {
                var signature = ex.Problem != WebexEventProblem.NotAnEvent;
                WriteError(new ErrorRecord(
                    ex, signature ? "WebexEventSignatureInvalid" : "WebexEventInvalid", signature ? ErrorCategory.SecurityError : ErrorCategory.InvalidData,
                    body.Length + " bytes")
                {
                    ErrorDetails = new ErrorDetails(ex.Message)
                    {
                        RecommendedAction = signature
                            ? "Refuse the delivery (answer 401). Check that -Secret is the webhook's and that -Body is the raw body, byte for byte."
                            : "Refuse the delivery (answer 400): it is not a Webex webhook event.",
                    },
                });
            }
        }

        /// <summary>Clears the key.</summary>
        protected override void EndProcessing()
        {
            if (_key != null)
            {
                Array.Clear(_key, 0, _key.Length);
            }
        }

        // Text or bytes as given; from a piped request object (Azure's $Request, a row of captured deliveries), its
        // RawBody, else its Body or Content when that is text or bytes. A parsed body is none of these.
        private static byte[]? RawBytes(object value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case byte[] bytes:
                    return bytes;
                case string text:
                    return Encoding.UTF8.GetBytes(text);
                case IDictionary _:
                    return null;
            }

            var bag = PSObject.AsPSObject(value);
            foreach (var name in new[] { "RawBody", "Body", "Content" })
            {
                var inner = bag.Properties[name]?.Value;
                if (inner != null && !(inner is PSObject nested && nested.BaseObject is PSCustomObject) && RawBytes(inner) is byte[] found)
                {
                    return found;
                }
            }

            return null;
        }

        private static string? SignatureFrom(IDictionary? headers)
        {
            if (headers is null)
            {
                return null;
            }

            foreach (DictionaryEntry header in headers)
            {
                if (string.Equals(header.Key?.ToString(), WebexEventReader.SignatureHeader, StringComparison.OrdinalIgnoreCase))
                {
                    var value = header.Value is PSObject wrapped ? wrapped.BaseObject : header.Value;
                    return value is IEnumerable values && !(value is string) ? string.Join(",", ToStrings(values)) : value?.ToString();
                }
            }

            return null;
        }

        private static System.Collections.Generic.IEnumerable<string> ToStrings(IEnumerable values)
        {
            foreach (var value in values)
            {
                yield return value?.ToString() ?? string.Empty;
            }
        }
    }
}
