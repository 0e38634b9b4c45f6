using System;
using System.Security.Cryptography;
using System.Text.Json;
using WebexCalls.Client.Wire;

namespace WebexCalls.Client.Events
{
    /// <summary>Why a delivery was refused: no signature, a signature that does not match, or a body that is not an event.</summary>
    public enum WebexEventProblem
    {
        /// <summary>A secret was given but the delivery carries no <c>X-Spark-Signature</c>.</summary>
        SignatureMissing,
        /// <summary>The signature is not the HMAC-SHA1 of the body under the secret (or not hex at all).</summary>
        SignatureInvalid,
        /// <summary>The body is not JSON, or not a webhook event (no <c>event</c> and <c>data</c>).</summary>
        NotAnEvent,
    }

    /// <summary>A delivery that cannot be trusted or read; <see cref="Problem"/> says which. Its message never holds the secret.</summary>
    public sealed class WebexEventException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public WebexEventException(WebexEventProblem problem, string message, Exception? inner = null)
            : base(message, inner)
        {
            Problem = problem;
        }

        /// <summary>What is wrong with the delivery.</summary>
        public WebexEventProblem Problem { get; }
    }

    /// <summary>
    /// Reads Webex webhook deliveries: checks <c>X-Spark-Signature</c> (the hex HMAC-SHA1 of the raw body, keyed with
    /// the webhook's secret; API notes 5.4) in constant time, and turns the envelope into a <see cref="WebexCallEvent"/>
    /// whose call is a <see cref="CallSession"/> read from <c>data</c>. Pure: no network, no connection, no state; safe
    /// on any thread.
    /// </summary>
    public static class WebexEventReader
    {
        /// <summary>The header Webex signs deliveries in.</summary>
        public const string SignatureHeader = "X-Spark-Signature";

        /// <summary>
        /// Throws a <see cref="WebexEventException"/> unless <paramref name="signature"/> is the hex HMAC-SHA1 of exactly
        /// <paramref name="body"/> under <paramref name="key"/> (the secret's UTF-8 bytes). Hex case does not matter.
        /// </summary>
        public static void Verify(byte[] body, string? signature, byte[] key)
        {
            if (body is null)
            {
                throw new ArgumentNullException(nameof(body));
            }

            if (key is null || key.Length == 0)
            {
                throw new ArgumentException("A secret is needed to check a signature.", nameof(key));
            }

            if (string.IsNullOrWhiteSpace(signature))
            {
                throw new WebexEventException(WebexEventProblem.SignatureMissing, "The delivery carries no " + SignatureHeader + " header, but a secret was given: it is not known to come from Webex.");
            }

            byte[] expected;
            using (var hmac = new HMACSHA1(key))
            {
                expected = hmac.ComputeHash(body);
            }

            if (!HexEquals(signature!.Trim(), expected))
            {
                throw new WebexEventException(WebexEventProblem.SignatureInvalid, "The delivery's " + SignatureHeader + " does not match its body under the secret: it was changed on the way, signed with another secret, or not sent by Webex.");
            }
        }

        /// <summary>
        /// Reads one delivery's body. For another member's call (an organisation webhook, <c>ownedBy</c> <c>org</c>, or
        /// an actor who is not the webhook's creator) the call's MemberId is the event's actor, so it acts through the
        /// Members API. Throws a <see cref="WebexEventException"/> for a body
        /// that is not a webhook event; an unknown <c>event</c> or <c>eventType</c> is kept, never an error.
        /// </summary>
        public static WebexCallEvent Read(byte[] body, DateTimeOffset receivedAt)
        {
            CallEventWire? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize(body ?? throw new ArgumentNullException(nameof(body)), WebexJsonContext.Wire.CallEventWire);
            }
            catch (JsonException ex)
            {
                throw new WebexEventException(WebexEventProblem.NotAnEvent, "The body is not the JSON of a webhook event (" + ex.Message + ").", ex);
            }

            if (envelope?.Event is null || envelope.Data is null)
            {
                throw new WebexEventException(WebexEventProblem.NotAnEvent, "The body is JSON, but not a webhook event: it has no " + (envelope?.Event is null ? "'event'" : "'data'") + ".");
            }

            var data = envelope.Data;
            // Someone else's call: an organisation webhook's, or one whose actor is not the webhook's creator (an
            // admin's webhook that Webex fills with members' calls without ownedBy org, which the spec leaves open).
            // It acts through the Members API; the user's own call (actor = creator) acts as the user.
            var othersCall = string.Equals(envelope.OwnedBy, "org", StringComparison.OrdinalIgnoreCase)
                || (!string.IsNullOrEmpty(envelope.CreatedBy) && !string.Equals(envelope.CreatedBy, envelope.ActorId, StringComparison.Ordinal));
            var scope = othersCall && !string.IsNullOrEmpty(envelope.ActorId) ? CallScope.ForMember(envelope.ActorId!, envelope.OrgId) : null;
            var hasCall = !string.IsNullOrEmpty(data.CallId ?? data.Id);
            return new WebexCallEvent
            {
                Event = WebexValues.EventKind(envelope.Event),
                RawEvent = envelope.Event,
                EventType = data.EventType,
                EventTime = WebexValues.Time(data.EventTimestamp),
                WebhookId = envelope.Id,
                WebhookName = envelope.Name,
                Resource = WebexValues.WebhookResource(envelope.Resource),
                RawResource = envelope.Resource,
                ActorId = envelope.ActorId,
                OrgId = envelope.OrgId,
                CompletedElsewhere = data.CompletedElsewhere ?? false,
                Call = hasCall ? CallMapper.ToCallSession(data, receivedAt, scope) : null,
                ReceivedAt = receivedAt,
            };
        }

        // Every byte is compared whatever the others are, so the time taken says nothing about where they differ.
        private static bool HexEquals(string hex, byte[] expected)
        {
            if (hex.Length != expected.Length * 2)
            {
                return false;
            }

            var difference = 0;
            for (var i = 0; i < expected.Length; i++)
            {
                var high = HexValue(hex[2 * i]);
                var low = HexValue(hex[(2 * i) + 1]);
                difference |= (high | low) & 0x100;
                difference |= ((high << 4) | (low & 0xF)) ^ expected[i];
            }

            return (difference & 0x1FF) == 0;
        }

        // 0-15 for a hex digit, 0x100 for anything else (so a non-hex signature never matches).
        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0x100;
    }
}
