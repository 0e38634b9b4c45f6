using System;
using System.Collections.Generic;

namespace WebexCalls
{
    /// <summary>A conference's state, from the spec's ConferenceStateEnum.</summary>
    public enum ConferenceState
    {
        /// <summary>A value this version does not know (the raw text is in RawState).</summary>
        Unknown = 0,
        /// <summary>The conference is up, the host in it.</summary>
        Connected,
        /// <summary>The host held the conference and is no longer an active participant; the others go on.</summary>
        Held,
        /// <summary>The conference has ended.</summary>
        Disconnected,
    }

    /// <summary>What kind of conference, from the spec's ConferenceTypeEnum; None for a standard one (Webex sends no type).</summary>
    public enum ConferenceType
    {
        /// <summary>A value this version does not know (the raw text is in RawType).</summary>
        Unknown = 0,
        /// <summary>A standard conference: Webex sends no type.</summary>
        None,
        /// <summary>A supervisor barged in: everyone hears them.</summary>
        BargeIn,
        /// <summary>A supervisor listens unheard.</summary>
        SilentMonitoring,
        /// <summary>A supervisor coaches: only the agent hears them.</summary>
        Coaching,
    }

    /// <summary>The supervisor modes of Conference Controls (members and "me" only), as the operations are named.</summary>
    public enum ConferenceMode
    {
        /// <summary><c>bargeIn</c>: the conference's type becomes BargeIn.</summary>
        BargeIn = 1,
        /// <summary><c>silentMonitor</c>: the type becomes SilentMonitoring.</summary>
        SilentMonitor,
        /// <summary><c>supervisorCoach</c>: the type becomes Coaching.</summary>
        Coach,
    }

    /// <summary>One participant of a conference: the host's call that joins it.</summary>
    public sealed class ConferenceParticipant
    {
        /// <summary>The participant's call id (a call of the conference's owner).</summary>
        public string CallId { get; internal set; } = string.Empty;

        /// <summary>Whether the participant's media is not sent to the conference.</summary>
        public bool Muted { get; internal set; }

        /// <summary>Whether the conference's media is not sent to the participant.</summary>
        public bool Deafened { get; internal set; }

        /// <summary>Who is on the participant's call, when the owner's call was read; null otherwise.</summary>
        public RemoteParty? RemoteParty { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => (RemoteParty?.ToString() ?? CallId) + (Muted ? " (muted)" : string.Empty) + (Deafened ? " (deafened)" : string.Empty);
    }

    /// <summary>
    /// A conference of the user, of a secondary line's owner, or of a member (Conference Controls' ConferenceDetails):
    /// its state, the host's mute, its kind and its participants, with the owner it was read for.
    /// </summary>
    public sealed class WebexConference
    {
        /// <summary>Connected, Held or Disconnected.</summary>
        public ConferenceState State { get; internal set; }

        /// <summary>The state as Webex sent it.</summary>
        public string? RawState { get; internal set; }

        /// <summary>The line appearance, when Webex assigned one.</summary>
        public int? Appearance { get; internal set; }

        /// <summary>When the conference was created.</summary>
        public DateTimeOffset? Created { get; internal set; }

        /// <summary>Whether the host is muted.</summary>
        public bool Muted { get; internal set; }

        /// <summary>None for a standard conference; BargeIn, SilentMonitoring or Coaching for a supervisor's.</summary>
        public ConferenceType Type { get; internal set; }

        /// <summary>The type as Webex sent it; null for a standard conference.</summary>
        public string? RawType { get; internal set; }

        /// <summary>The participants.</summary>
        public IReadOnlyList<ConferenceParticipant> Participants { get; internal set; } = Array.Empty<ConferenceParticipant>();

        /// <summary>Admin mode: the member whose conference this is; null for the user's own.</summary>
        public string? MemberId { get; internal set; }

        /// <summary>Admin mode: the member's organisation, when given.</summary>
        public string? OrgId { get; internal set; }

        /// <summary>The owner of the secondary line the conference is on; null for the primary line.</summary>
        public string? LineOwnerId { get; internal set; }

        /// <summary>The connection this was read through; cmdlets given it act through the same one.</summary>
        public string? ConnectionId { get; internal set; }

        /// <summary>When it was read.</summary>
        public DateTimeOffset RetrievedAt { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => State + " conference of " + Participants.Count + " participant(s)" + (Type is ConferenceType.None or ConferenceType.Unknown ? string.Empty : " (" + Type + ")");
    }
}
