namespace WebexCalls.Simulator;

/// <summary>What a store operation did, in the terms the HTTP layer turns into a status code.</summary>
public enum ActionOutcome
{
    /// <summary>Done (204, or 200/201 with a body).</summary>
    Done,
    /// <summary>No such active call, or nothing parked, ringing or answered where the request points (404).</summary>
    NotFound,
    /// <summary>The call's state does not allow the action (409; see <see cref="CallStore"/>).</summary>
    WrongState,
    /// <summary>The request breaks one of the spec's field rules (400).</summary>
    Invalid,
}

/// <summary>An operation's outcome, the message for an error, and the body for a success that has one.</summary>
public sealed record StoreResult(ActionOutcome Outcome, string? Message = null, object? Body = null)
{
    internal static readonly StoreResult Done = new(ActionOutcome.Done);
    internal static readonly StoreResult CallNotFound = new(ActionOutcome.NotFound, "Call not found");

    internal static StoreResult Created(object body) => new(ActionOutcome.Done, null, body);
    internal static StoreResult WrongState(string message) => new(ActionOutcome.WrongState, message);
    internal static StoreResult Invalid(string message) => new(ActionOutcome.Invalid, message);
    internal static StoreResult NotFound(string message) => new(ActionOutcome.NotFound, message);
}

/// <summary>A call-control request, with the spec's field names; the HTTP layer fills it from the JSON body or query.</summary>
public sealed record CallCommand(
    string? CallId = null,
    string? CallId1 = null,
    string? CallId2 = null,
    string? Destination = null,
    string? Target = null,
    string? Action = null,
    bool ToVoicemail = false,
    bool IsGroupPark = false,
    string? Dtmf = null,
    string? EndpointId = null,
    string? SingleNumberReachPhoneNumber = null,
    string? LineOwnerId = null);

/// <summary>A call of another user in the organisation, for pickup (alerting) and barge-in (connected).</summary>
public sealed record OtherUserCall(string Id, PartyJson Owner, PartyJson Caller, string State, bool InPickupGroup);

/// <summary>A call that Park put aside, as the control API reports it.</summary>
public sealed record ParkedCallInfo(PartyJson ParkedAgainst, PartyJson Caller, string? RecallAt);

/// <summary>DTMF digits a call was sent, as the control API reports them.</summary>
public sealed record DtmfRecord(string CallId, string Dtmf, string Time);

/// <summary>An incoming call for the control API to seed: alerting by default, or already answered.</summary>
public sealed record IncomingCallSeed(
    string Number,
    string? Name = null,
    string? CallType = null,
    string? LineOwnerId = null,
    string? EndpointId = null,
    bool Answered = false,
    string? ExecutiveNumber = null,
    string? ExecutiveName = null,
    string? RedirectedFrom = null,
    string? Id = null);

/// <summary>The spec's ConferenceDetails (appearance is not assigned by the simulator, so it is left out).</summary>
public sealed record ConferenceJson(
    [property: System.Text.Json.Serialization.JsonPropertyName("state")] string State,
    [property: System.Text.Json.Serialization.JsonPropertyName("created")] string Created,
    [property: System.Text.Json.Serialization.JsonPropertyName("muted")] bool Muted,
    [property: System.Text.Json.Serialization.JsonPropertyName("type"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Type,
    [property: System.Text.Json.Serialization.JsonPropertyName("participants")] System.Collections.Generic.IReadOnlyList<ConferenceParticipantJson> Participants);

/// <summary>The spec's ConferenceParticipant.</summary>
public sealed record ConferenceParticipantJson(
    [property: System.Text.Json.Serialization.JsonPropertyName("callId")] string CallId,
    [property: System.Text.Json.Serialization.JsonPropertyName("muted")] bool Muted,
    [property: System.Text.Json.Serialization.JsonPropertyName("deafened")] bool Deafened);
