using System;

namespace WebexCalls
{
    /// <summary>What a webhook event says happened to its call: created, updated or deleted.</summary>
    public enum WebexEventKind
    {
        /// <summary>A value this version does not know (the raw text is in RawEvent).</summary>
        Unknown = 0,
        /// <summary>The call started.</summary>
        Created,
        /// <summary>The call changed.</summary>
        Updated,
        /// <summary>The call ended.</summary>
        Deleted,
    }

    /// <summary>
    /// One Webex call event, as ConvertFrom-WebexCallEvent and Receive-WebexCallEvent write it: what happened
    /// (<see cref="Event"/>, and Webex's own word for it in <see cref="EventType"/>), when, from which webhook, and the
    /// call as it was then (<see cref="Call"/>, a CallSession that pipes into the call cmdlets).
    /// </summary>
    public sealed class WebexCallEvent
    {
        /// <summary>Created, Updated or Deleted (the envelope's <c>event</c>).</summary>
        public WebexEventKind Event { get; internal set; }

        /// <summary>The envelope's <c>event</c> text.</summary>
        public string? RawEvent { get; internal set; }

        /// <summary>
        /// Webex's word for what happened (<c>data.eventType</c>): <c>received</c>, <c>updated</c>, <c>answered</c>,
        /// <c>disconnected</c>, ... kept as sent, whatever it is.
        /// </summary>
        public string? EventType { get; internal set; }

        /// <summary>When it happened (<c>data.eventTimestamp</c>); not the webhook's <c>created</c>.</summary>
        public DateTimeOffset? EventTime { get; internal set; }

        /// <summary>The webhook that delivered it.</summary>
        public string? WebhookId { get; internal set; }

        /// <summary>The name of the webhook that delivered it.</summary>
        public string? WebhookName { get; internal set; }

        /// <summary>Calls or Conference.</summary>
        public WebhookResource Resource { get; internal set; }

        /// <summary>Webex's resource text.</summary>
        public string? RawResource { get; internal set; }

        /// <summary>Whose call it is: the person, workspace or virtual line (the envelope's <c>actorId</c>).</summary>
        public string? ActorId { get; internal set; }

        /// <summary>The organisation.</summary>
        public string? OrgId { get; internal set; }

        /// <summary>True when the call was completed elsewhere (another agent took a queue call, or it was abandoned).</summary>
        public bool CompletedElsewhere { get; internal set; }

        /// <summary>
        /// The call as the event shows it. For an organisation's webhook, its MemberId is the event's actor, so it pipes
        /// into the call cmdlets as the calls of Get-WebexCall -MemberId do. Null when the event carries no call.
        /// </summary>
        public CallSession? Call { get; internal set; }

        /// <summary>The call's id (the Call's Id), for Export-Csv and Group-Object.</summary>
        public string? CallId => Call?.Id;

        /// <summary>The call's state in this event.</summary>
        public CallState? State => Call?.State;

        /// <summary>When this process read the event.</summary>
        public DateTimeOffset ReceivedAt { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => RawEvent + "/" + EventType + " " + (Call?.Id ?? "(no call)");
    }
}
