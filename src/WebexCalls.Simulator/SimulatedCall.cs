using System;
using System.Collections.Generic;

namespace WebexCalls.Simulator;

/// <summary>One of the simulated user's calls, with what the store needs to move it along on its own.</summary>
internal sealed class SimulatedCall(string id, string sessionId, string personality, string state, PartyJson remoteParty, DateTimeOffset created, int appearance)
{
    public string Id { get; } = id;
    public string SessionId { get; } = sessionId;
    public string Personality { get; set; } = personality;
    public string State { get; set; } = state;
    public PartyJson RemoteParty { get; set; } = remoteParty;
    public DateTimeOffset Created { get; } = created;
    public int Appearance { get; } = appearance;
    public DateTimeOffset? Answered { get; set; }

    /// <summary>When the user's device answers a Click to Dial style call (clickToDial/alerting ends).</summary>
    public DateTimeOffset? UserAnswersAt { get; set; }

    /// <summary>When the far end answers (connecting ends).</summary>
    public DateTimeOffset? RemoteAnswersAt { get; set; }

    /// <summary>The personality once the user's device has answered; originator for a dial.</summary>
    public string AnsweredPersonality { get; init; } = "originator";

    /// <summary>The owner of the secondary line the call is on; null for the user's own line.</summary>
    public string? LineOwnerId { get; init; }

    /// <summary>The device the call is on; null for the primary device.</summary>
    public string? EndpointId { get; set; }

    public bool Muted { get; set; }
    public string? RecordingState { get; set; }
    public DateTimeOffset? RecordingStartsAt { get; set; }
    public RecallJson? Recall { get; init; }
    public IReadOnlyList<RedirectionJson>? Redirections { get; init; }

    /// <summary>For an executive assistant's call: the executive that Push sends it to.</summary>
    public PartyJson? Executive { get; init; }

    /// <summary>For a mute transfer's call to the destination: the call handed over when this one connects.</summary>
    public string? TransfersCallId { get; init; }

    /// <summary>For a pull's temporary call: the call its device joins when answered.</summary>
    public string? PullsCallId { get; init; }

    public bool IsAnswered => State is "connected" or "held" or "remoteHeld";

    public bool MuteCapable => State is "connected" or "held";

    /// <summary>Applies the transitions whose time has come.</summary>
    public SimulatedCall Advance(DateTimeOffset now)
    {
        if (Personality == "clickToDial" && UserAnswersAt is { } userAnswers && now >= userAnswers)
        {
            Personality = AnsweredPersonality;
            State = "connecting";
        }

        if (Personality != "clickToDial" && State == "connecting" && RemoteAnswersAt is { } remoteAnswers && now >= remoteAnswers)
        {
            State = "connected";
            Answered = remoteAnswers;
        }

        if (RecordingState == "pending" && RecordingStartsAt is { } recordingStarts && now >= recordingStarts)
        {
            RecordingState = "started";
        }

        return this;
    }

    public CallJson ToJson() => new(
        Id, SessionId, Personality, State, RemoteParty, Appearance, CallStore.Timestamp(Created),
        Answered is { } answered ? CallStore.Timestamp(answered) : null,
        // The spec: redirections are only present while the incoming call is alerting.
        Redirections: State == "alerting" && Redirections is { Count: > 0 } ? Redirections : null,
        Recall, RecordingState, MuteCapable, Muted);
}
