using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>
/// Conference Controls: one conference per owner line (the user's primary line, a secondary line, or a member's),
/// made from the owner's answered calls, which stay the owner's calls. Where Cisco's spec is silent the simulator
/// chose (and the README and docs/simulator.md say so):
/// - A call that is not the owner's, or is gone, is 404 "Call not found"; a call not answered (alerting, connecting)
///   or already in the conference is 409, like a call action in the wrong state.
/// - Starting with fewer than two distinct calls is 400; starting while the line has a conference is 409; anything
///   else without a conference (release, add, mute, deafen, hold, resume, a supervisor mode) is 409.
/// - Muting or deafening a call that is not a participant is 404. Hold when held, or resume when connected, is 409.
/// - Release ends every participant's call (the spec: "ends the conference for the host and all participants").
/// - A supervisor mode sets the conference's type (bargeIn, silentMonitoring, coaching) on the owner's conference.
/// </summary>
public sealed partial class CallStore
{
    private readonly Dictionary<string, Conference> _conferences = new(StringComparer.Ordinal);

    /// <summary>The conference of a line (null: the primary line), as ConferenceDetails; null when there is none.</summary>
    public ConferenceJson? GetConference(string? lineOwnerId)
    {
        lock (_gate)
        {
            Tick();
            return ConferenceOf(lineOwnerId)?.ToJson();
        }
    }

    /// <summary>Starts a conference of <paramref name="callIds"/> on the line.</summary>
    public StoreResult StartConference(IReadOnlyList<string>? callIds, string? lineOwnerId)
    {
        lock (_gate)
        {
            var now = Tick();
            var ids = (callIds ?? []).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count < 2)
            {
                return new StoreResult(ActionOutcome.Invalid, "callIds must name at least two calls.");
            }

            if (ConferenceOf(lineOwnerId) != null)
            {
                return StoreResult.WrongState("The line already has a conference: add the call to it, or release it first.");
            }

            foreach (var id in ids)
            {
                if (Find(id, lineOwnerId) is not { } call)
                {
                    return StoreResult.CallNotFound;
                }

                if (!call.IsAnswered)
                {
                    return StoreResult.WrongState("Call " + id + " is " + call.State + ": only answered calls join a conference.");
                }
            }

            _conferences[Key(lineOwnerId)] = new Conference(now, ids.Select(id => new Participant(id)).ToList());
            return StoreResult.Done;
        }
    }

    /// <summary>Ends the conference and every participant's call.</summary>
    public StoreResult ReleaseConference(string? lineOwnerId) => WithConference(lineOwnerId, (conference, now) =>
    {
        foreach (var participant in conference.Participants)
        {
            if (Find(participant.CallId, lineOwnerId) is { } call)
            {
                End(call, now);
            }
        }

        _conferences.Remove(Key(lineOwnerId));
        return StoreResult.Done;
    });

    /// <summary>Adds an answered call of the line to its conference.</summary>
    public StoreResult AddParticipant(string? callId, string? lineOwnerId) => WithConference(lineOwnerId, (conference, _) =>
    {
        if (string.IsNullOrEmpty(callId))
        {
            return new StoreResult(ActionOutcome.Invalid, "Missing required field: callId");
        }

        if (Find(callId, lineOwnerId) is not { } call)
        {
            return StoreResult.CallNotFound;
        }

        if (!call.IsAnswered || conference.Participants.Any(p => p.CallId == callId))
        {
            return StoreResult.WrongState("Call " + callId + " is " + (call.IsAnswered ? "already in the conference" : call.State) + ".");
        }

        conference.Participants.Add(new Participant(callId));
        return StoreResult.Done;
    });

    /// <summary>Mutes or unmutes a participant, or the host without a call id.</summary>
    public StoreResult MuteInConference(string? callId, bool muted, string? lineOwnerId) => WithConference(lineOwnerId, (conference, _) =>
    {
        if (string.IsNullOrEmpty(callId))
        {
            conference.HostMuted = muted;
            return StoreResult.Done;
        }

        if (conference.Participants.FirstOrDefault(p => p.CallId == callId) is not { } participant)
        {
            return StoreResult.CallNotFound;
        }

        participant.Muted = muted;
        return StoreResult.Done;
    });

    /// <summary>Deafens or undeafens a participant.</summary>
    public StoreResult DeafenInConference(string? callId, bool deafened, string? lineOwnerId) => WithConference(lineOwnerId, (conference, _) =>
    {
        if (string.IsNullOrEmpty(callId))
        {
            return new StoreResult(ActionOutcome.Invalid, "Missing required field: callId");
        }

        if (conference.Participants.FirstOrDefault(p => p.CallId == callId) is not { } participant)
        {
            return StoreResult.CallNotFound;
        }

        participant.Deafened = deafened;
        return StoreResult.Done;
    });

    /// <summary>The host leaves (holds) or rejoins (resumes) the conference.</summary>
    public StoreResult HoldConference(bool resume, string? lineOwnerId) => WithConference(lineOwnerId, (conference, _) =>
    {
        var (from, to) = resume ? ("held", "connected") : ("connected", "held");
        if (conference.State != from)
        {
            return StoreResult.WrongState("The conference is " + conference.State + ", not " + from + ".");
        }

        conference.State = to;
        return StoreResult.Done;
    });

    /// <summary>Sets a supervisor mode: the conference's type becomes bargeIn, silentMonitoring or coaching.</summary>
    public StoreResult SetConferenceType(string type) => WithConference(null, (conference, _) =>
    {
        conference.Type = type;
        return StoreResult.Done;
    });

    private StoreResult WithConference(string? lineOwnerId, Func<Conference, DateTimeOffset, StoreResult> action)
    {
        lock (_gate)
        {
            var now = Tick();
            return ConferenceOf(lineOwnerId) is { } conference ? action(conference, now) : StoreResult.WrongState("The line has no conference.");
        }
    }

    // A conference whose participants have all gone (hung up elsewhere) is over.
    private Conference? ConferenceOf(string? lineOwnerId)
    {
        if (!_conferences.TryGetValue(Key(lineOwnerId), out var conference))
        {
            return null;
        }

        conference.Participants.RemoveAll(participant => Find(participant.CallId, lineOwnerId) is null);
        if (conference.Participants.Count == 0)
        {
            _conferences.Remove(Key(lineOwnerId));
            return null;
        }

        return conference;
    }

    private static string Key(string? lineOwnerId) => lineOwnerId ?? string.Empty;

    private sealed class Conference(DateTimeOffset created, List<Participant> participants)
    {
        public DateTimeOffset Created { get; } = created;
        public List<Participant> Participants { get; } = participants;
        public string State { get; set; } = "connected";
        public bool HostMuted { get; set; }
        public string? Type { get; set; }

        public ConferenceJson ToJson() => new(State, Timestamp(Created), HostMuted, Type,
            Participants.Select(p => new ConferenceParticipantJson(p.CallId, p.Muted, p.Deafened)).ToList());
    }

    private sealed class Participant(string callId)
    {
        public string CallId { get; } = callId;
        public bool Muted { get; set; }
        public bool Deafened { get; set; }
    }
}
