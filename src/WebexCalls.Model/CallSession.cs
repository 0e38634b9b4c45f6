using System;
using System.Collections.Generic;

namespace WebexCalls
{
    /// <summary>
    /// One active Webex Calling call as the user sees it. Read from the spec's <c>Call</c> object, and also from the
    /// other spellings found in the wild (webhook payloads' <c>callId</c>, <c>startTime</c>, <c>answerTime</c>,
    /// <c>duration</c>, a top-level <c>callType</c>).
    /// </summary>
    public sealed class CallSession
    {
        /// <summary>The call's identifier (<c>id</c>, or <c>callId</c> when only that is present).</summary>
        public string Id { get; internal set; } = string.Empty;

        /// <summary>The same value as <see cref="Id"/>: the identifier every call action takes.</summary>
        public string CallId => Id;

        /// <summary>
        /// A short handle that tells calls apart (Webex's ids all begin alike): the distinguishing end of the id, such as
        /// <c>callhalf-488</c>. Cmdlets take it wherever a call id goes, for calls this session has seen.
        /// </summary>
        public string Handle => CallHandle.Of(Id);

        /// <summary>Incoming or Outgoing, from <see cref="Personality"/> (a Click to Dial call is outgoing).</summary>
        public CallDirection Direction => Personality switch
        {
            CallPersonality.Terminator => CallDirection.Incoming,
            CallPersonality.Originator => CallDirection.Outgoing,
            CallPersonality.ClickToDial => CallDirection.Outgoing,
            _ => CallDirection.Unknown,
        };

        /// <summary>The remote party's name, when known and not private.</summary>
        public string? RemoteName => RemoteParty?.Name;

        /// <summary>The remote party's number (or SIP address), when known and not private.</summary>
        public string? RemoteNumber => RemoteParty?.Number ?? RemoteParty?.SipAddress;

        /// <summary>The session the call belongs to; correlates the calls of one session.</summary>
        public string? CallSessionId { get; internal set; }

        /// <summary>The call's state.</summary>
        public CallState State { get; internal set; }

        /// <summary>The state exactly as the server sent it.</summary>
        public string? RawState { get; internal set; }

        /// <summary>Which side of the call the user is on.</summary>
        public CallPersonality Personality { get; internal set; }

        /// <summary>The personality exactly as the server sent it.</summary>
        public string? RawPersonality { get; internal set; }

        /// <summary>The call type: top-level <c>callType</c> when present, else the remote party's.</summary>
        public CallType CallType { get; internal set; }

        /// <summary>The call type exactly as the server sent it.</summary>
        public string? RawCallType { get; internal set; }

        /// <summary>The line appearance, when one is assigned.</summary>
        public int? Appearance { get; internal set; }

        /// <summary>The other end of the call.</summary>
        public RemoteParty? RemoteParty { get; internal set; }

        /// <summary>When the call was created (<c>created</c>, or <c>startTime</c>).</summary>
        public DateTimeOffset? StartTime { get; internal set; }

        /// <summary>When the call was answered (<c>answered</c>, or <c>answerTime</c>); null until answered.</summary>
        public DateTimeOffset? AnswerTime { get; internal set; }

        /// <summary>
        /// Seconds since the call was answered: the server's <c>duration</c> when it sends one, otherwise computed
        /// from <see cref="AnswerTime"/> to <see cref="RetrievedAt"/>; null when never answered.
        /// </summary>
        public int? Duration { get; internal set; }

        /// <summary>Whether the call is muted; null when the server does not say.</summary>
        public bool? Muted { get; internal set; }

        /// <summary>Whether the mute and unmute actions can be used on the call; null when the server does not say.</summary>
        public bool? MuteCapable { get; internal set; }

        /// <summary>The recording state, once recording has been invoked on the call.</summary>
        public RecordingState? RecordingState { get; internal set; }

        /// <summary>The recording state exactly as the server sent it.</summary>
        public string? RawRecordingState { get; internal set; }

        /// <summary>Earlier redirections of an alerting incoming call, most recent first.</summary>
        public RedirectionList Redirections { get; internal set; } = RedirectionList.Empty;

        /// <summary>Recall details, when the incoming call is a recall.</summary>
        public Recall? Recall { get; internal set; }

        /// <summary>
        /// The owner of the secondary line the call was read through (-LineOwnerId), or null for the user's own line.
        /// Cmdlets that take the call from the pipeline act on the same line.
        /// </summary>
        public string? LineOwnerId { get; internal set; }

        /// <summary>
        /// The member (person, workspace or virtual line) the call belongs to, when it was read in admin mode
        /// (-MemberId). Cmdlets that take the call from the pipeline act on it through the same member.
        /// </summary>
        public string? MemberId { get; internal set; }

        /// <summary>The member's organisation, when one was given in admin mode.</summary>
        public string? OrgId { get; internal set; }

        /// <summary>The connection this was read through (see WebexHttpConnection.Id); cmdlets given it act through the same one.</summary>
        public string? ConnectionId { get; internal set; }

        /// <summary>When this object was read from the server; the reference point of a computed duration.</summary>
        public DateTimeOffset RetrievedAt { get; internal set; }

        /// <summary>Reads like <c>Connected: Jane Doe &lt;+14085550100&gt;</c>.</summary>
        public override string ToString() => (RawState ?? State.ToString()) + ": " + (RemoteParty?.ToString() ?? Id);
    }
}
