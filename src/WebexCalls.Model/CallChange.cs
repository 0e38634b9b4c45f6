using System;

namespace WebexCalls
{
    /// <summary>What kind of difference Watch-WebexCall saw between two readings of a call list.</summary>
    public enum CallChangeKind
    {
        /// <summary>A call that was not there before (or, with -IncludeExisting, one there when the watch began).</summary>
        Added,
        /// <summary>The call's state changed (PreviousState to State).</summary>
        StateChanged,
        /// <summary>The state is the same but something else changed: see <see cref="CallChange.Changed"/>.</summary>
        Updated,
        /// <summary>The call is gone from the list: it ended, was transferred, parked or answered elsewhere.</summary>
        Removed,
    }

    /// <summary>
    /// One change Watch-WebexCall saw: the call as last read (<see cref="Call"/>), its state before and after, what else
    /// changed, whose call it is, and when the change was seen. Flat properties (CallId, RemoteName, RemoteNumber, ...)
    /// make Export-Csv and logs readable without the nested call.
    /// </summary>
    public sealed class CallChange
    {
        /// <summary>Added, StateChanged, Updated or Removed.</summary>
        public CallChangeKind Change { get; internal set; }

        /// <summary>The call as last read; for Removed, as it was last seen before it went.</summary>
        public CallSession Call { get; internal set; } = new CallSession();

        /// <summary>The state in the reading before; null for Added.</summary>
        public CallState? PreviousState { get; internal set; }

        /// <summary>The state now; Disconnected for Removed.</summary>
        public CallState State { get; internal set; }

        /// <summary>
        /// The properties that differ from the reading before, among State, Personality, Muted, RecordingState and
        /// RemoteParty, comma-separated (one text, so a CSV log keeps it); empty for Added and Removed.
        /// </summary>
        public string Changed { get; internal set; } = string.Empty;

        /// <summary>When the reading that showed the change was taken (the change happened since the reading before).</summary>
        public DateTimeOffset SeenAt { get; internal set; }

        /// <summary>The call's id.</summary>
        public string CallId => Call.Id;

        /// <summary>The call's short handle, as the call table shows it.</summary>
        public string Handle => Call.Handle;

        /// <summary>The other party of the call, when known.</summary>
        public RemoteParty? RemoteParty => Call.RemoteParty;

        /// <summary>The remote party's name, when known.</summary>
        public string? RemoteName => Call.RemoteName;

        /// <summary>The remote party's number or SIP address, when known.</summary>
        public string? RemoteNumber => Call.RemoteNumber;

        /// <summary>Incoming or Outgoing.</summary>
        public CallDirection Direction => Call.Direction;

        /// <summary>The member whose call it is in admin mode; null for the user's own.</summary>
        public string? MemberId => Call.MemberId;

        /// <summary>The member's organisation, when one was given.</summary>
        public string? OrgId => Call.OrgId;

        /// <summary>The connection the call was read through.</summary>
        public string? ConnectionId => Call.ConnectionId;

        /// <summary>Reads like <c>StateChanged Alerting -> Connected: Jane Doe &lt;+14085550100&gt;</c>.</summary>
        public override string ToString() =>
            Change + " " + (PreviousState is CallState before && before != State ? before + " -> " : string.Empty) + State + ": "
            + (Call.RemoteParty?.ToString() ?? Call.Id);
    }
}
