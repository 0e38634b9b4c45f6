namespace WebexCalls
{
    // Every enum starts with Unknown = 0: a value the server sends that this version does not know reads as Unknown,
    // and the owning object keeps the raw string (for example CallSession.RawState), so nothing is lost.

    /// <summary>The state of a call, from the spec's CallStateEnum.</summary>
    public enum CallState
    {
        /// <summary>A value this version of the module does not know; see the Raw* property beside it.</summary>
        Unknown = 0,
        /// <summary>The remote party is being alerted.</summary>
        Connecting,
        /// <summary>The user's devices are alerting, for an incoming or a Click to Dial call.</summary>
        Alerting,
        /// <summary>The call is connected.</summary>
        Connected,
        /// <summary>The user has placed the call on hold.</summary>
        Held,
        /// <summary>The remote party, within the same organisation, has placed the call on hold.</summary>
        RemoteHeld,
        /// <summary>The call has been disconnected.</summary>
        Disconnected,
    }

    /// <summary>Which side of the call the user is on, from the spec's CallPersonalityEnum.</summary>
    public enum CallPersonality
    {
        /// <summary>A value this version of the module does not know.</summary>
        Unknown = 0,
        /// <summary>An outgoing call placed by the user.</summary>
        Originator,
        /// <summary>An incoming call to the user.</summary>
        Terminator,
        /// <summary>The user's devices are alerting for a Click to Dial; becomes Originator once answered.</summary>
        ClickToDial,
    }

    /// <summary>Where the remote party is, from the spec's CallTypeEnum.</summary>
    public enum CallType
    {
        /// <summary>A value this version of the module does not know.</summary>
        Unknown = 0,
        /// <summary>The party is within the same location.</summary>
        Location,
        /// <summary>The party is within the same organisation, in another location.</summary>
        Organization,
        /// <summary>The party is outside the organisation.</summary>
        External,
        /// <summary>An emergency destination.</summary>
        Emergency,
        /// <summary>A repair destination.</summary>
        Repair,
        /// <summary>Anything else, such as a feature access code.</summary>
        Other,
    }

    /// <summary>The recording state of a call, from the spec's RecordingStateEnum.</summary>
    public enum RecordingState
    {
        /// <summary>A value this version of the module does not know.</summary>
        Unknown = 0,
        /// <summary>Recording was requested but has not started.</summary>
        Pending,
        /// <summary>Recording is active.</summary>
        Started,
        /// <summary>Recording is paused.</summary>
        Paused,
        /// <summary>Recording has stopped.</summary>
        Stopped,
        /// <summary>Recording failed.</summary>
        Failed,
    }

    /// <summary>Why an incoming call was redirected, from the spec's RedirectionReasonEnum.</summary>
    public enum RedirectionReason
    {
        /// <summary>A value this version of the module does not know (not the spec's own "unknown").</summary>
        Unknown = 0,
        /// <summary>Redirected on busy.</summary>
        Busy,
        /// <summary>Redirected on no answer.</summary>
        NoAnswer,
        /// <summary>Redirected because the user was unavailable.</summary>
        Unavailable,
        /// <summary>Redirected unconditionally.</summary>
        Unconditional,
        /// <summary>Redirected by a schedule.</summary>
        TimeOfDay,
        /// <summary>Redirected by a divert action.</summary>
        Divert,
        /// <summary>Redirected by a follow-me service.</summary>
        FollowMe,
        /// <summary>Redirected by hunt group routing.</summary>
        HuntGroup,
        /// <summary>Redirected by call queue routing.</summary>
        CallQueue,
        /// <summary>The spec's own "unknown" reason: the server did not know why.</summary>
        UnknownReason,
    }

    /// <summary>The kind of recall, from the spec's RecallTypeEnum.</summary>
    public enum RecallType
    {
        /// <summary>A value this version of the module does not know.</summary>
        Unknown = 0,
        /// <summary>The user is recalled for a call park they started.</summary>
        Park,
    }
}

namespace WebexCalls
{
    /// <summary>Which way a call goes, as a person would say it (from the call's personality).</summary>
    public enum CallDirection
    {
        /// <summary>The personality is not known.</summary>
        Unknown = 0,
        /// <summary>Someone called the user.</summary>
        Incoming,
        /// <summary>The user called someone (or is being alerted to, for Click to Dial).</summary>
        Outgoing,
    }

    /// <summary>The kind of a call history record, from the spec's CallHistoryRecordTypeEnum.</summary>
    public enum CallHistoryType
    {
        /// <summary>A value this version of the module does not know.</summary>
        Unknown = 0,
        /// <summary>An outgoing call the user placed.</summary>
        Placed,
        /// <summary>An incoming call the user did not answer.</summary>
        Missed,
        /// <summary>An incoming call the user answered.</summary>
        Received,
    }

    /// <summary>How Reject turns down an unanswered incoming call, from the spec's RejectActionEnum.</summary>
    public enum RejectAction
    {
        /// <summary>The caller hears busy (Webex's default when no action is sent).</summary>
        Busy = 1,
        /// <summary>The caller is told the user is temporarily unavailable.</summary>
        TemporarilyUnavailable,
        /// <summary>The user's devices stop alerting while the caller keeps hearing ringback.</summary>
        Ignore,
    }
}
