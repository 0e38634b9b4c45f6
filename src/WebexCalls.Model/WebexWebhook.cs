using System;
using System.Security;

namespace WebexCalls
{
    /// <summary>What a webhook reports on: the calls (<c>telephony_calls</c>) or the conferences (<c>telephony_conference</c>).</summary>
    public enum WebhookResource
    {
        /// <summary>A resource this module does not manage (the raw text is in RawResource).</summary>
        Unknown = 0,
        /// <summary><c>telephony_calls</c>: the calls of the webhook's owner.</summary>
        Calls,
        /// <summary><c>telephony_conference</c>: Conference Controls.</summary>
        Conference,
    }

    /// <summary>Which events a webhook sends: every one (<c>all</c>), or only calls created, updated or deleted.</summary>
    public enum WebhookEvent
    {
        /// <summary>A value this version does not know (the raw text is in RawEvent).</summary>
        Unknown = 0,
        /// <summary><c>all</c>: created, updated and deleted. Not in Cisco's enum, but accepted by Webex and used by its SDKs.</summary>
        All,
        /// <summary><c>created</c>: a call starts.</summary>
        Created,
        /// <summary><c>updated</c>: a call changes.</summary>
        Updated,
        /// <summary><c>deleted</c>: a call ends.</summary>
        Deleted,
    }

    /// <summary>Whether Webex delivers a webhook's events.</summary>
    public enum WebhookStatus
    {
        /// <summary>A value this version does not know (the raw text is in RawStatus).</summary>
        Unknown = 0,
        /// <summary>Events are delivered.</summary>
        Active,
        /// <summary>Webex switched the webhook off (after failed deliveries); Set-WebexCallWebhook -Enable turns it back on.</summary>
        Inactive,
    }

    /// <summary>
    /// A Webex webhook for call or conference events, as the webhook cmdlets write it. Webex echoes a webhook's secret
    /// in every answer; this object never carries it, only <see cref="HasSecret"/>. The one exception is the object
    /// New-WebexCallWebhook writes for a secret it made: its <see cref="Secret"/> holds that secret, as a SecureString
    /// that is never serialized (not into a job, a remote session or a CliXml file).
    /// </summary>
    public sealed class WebexWebhook
    {
        /// <summary>The webhook's id; Set- and Remove-WebexCallWebhook take it by pipeline.</summary>
        public string Id { get; internal set; } = string.Empty;

        /// <summary>The webhook's name.</summary>
        public string? Name { get; internal set; }

        /// <summary>Where Webex POSTs each event.</summary>
        public string? TargetUrl { get; internal set; }

        /// <summary>Calls or Conference; Unknown for another resource.</summary>
        public WebhookResource Resource { get; internal set; }

        /// <summary>Webex's resource text: <c>telephony_calls</c>, <c>telephony_conference</c>.</summary>
        public string? RawResource { get; internal set; }

        /// <summary>All, Created, Updated or Deleted.</summary>
        public WebhookEvent Event { get; internal set; }

        /// <summary>Webex's event text.</summary>
        public string? RawEvent { get; internal set; }

        /// <summary>The webhook's filter, such as <c>personId=...</c>; null for none.</summary>
        public string? Filter { get; internal set; }

        /// <summary>Active, or Inactive once Webex switched it off.</summary>
        public WebhookStatus Status { get; internal set; }

        /// <summary>Webex's status text.</summary>
        public string? RawStatus { get; internal set; }

        /// <summary>When the webhook was created.</summary>
        public DateTimeOffset? Created { get; internal set; }

        /// <summary><c>org</c> for an organisation-wide webhook; null for one the token's user owns.</summary>
        public string? OwnedBy { get; internal set; }

        /// <summary>Whether Webex signs the webhook's deliveries (it has a secret).</summary>
        public bool HasSecret { get; internal set; }

        /// <summary>
        /// The secret New-WebexCallWebhook made for this webhook, on the object that cmdlet wrote and nowhere else; null
        /// on every other object. Never serialized.
        /// </summary>
        public SecureString? Secret { get; internal set; }

        /// <summary>The connection this was read through.</summary>
        public string? ConnectionId { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => (Name ?? Id) + " -> " + TargetUrl;
    }

    /// <summary>
    /// An organisation's webhook interest registration (admin): the actor kinds (Workspaces, Virtual Lines) and
    /// resources whose telephony events Webex sends only while registered, and when the registration expires.
    /// </summary>
    public sealed class WebexEventInterest
    {
        /// <summary>Actor interests, as Webex names them: <c>Workspaces</c>, <c>Virtual Lines</c>.</summary>
        public string[] Actors { get; internal set; } = new string[0];

        /// <summary>Resource interests, as Webex names them: <c>Hook Status</c>, <c>Agent</c>, <c>Queue</c>, ...</summary>
        public string[] Resources { get; internal set; } = new string[0];

        /// <summary>When the registration expires (60 days after it was last written, unless a duration was given).</summary>
        public DateTimeOffset? ExpiresAt { get; internal set; }

        /// <summary>The connection this was read through.</summary>
        public string? ConnectionId { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => string.Join(", ", Actors) + (Actors.Length > 0 && Resources.Length > 0 ? ", " : string.Empty) + string.Join(", ", Resources);
    }
}
