using System.Collections.Generic;

namespace WebexCalls.Simulator;

// The simulator's own wire shapes, written from the spec's components/schemas. They are deliberately not shared with
// the client: a field misnamed in one must show up as a failing test, not hide in both. Null members are left out of
// the JSON (see SimulatorApp's JSON options), as Webex leaves out what is "only present when ...".

/// <summary>The spec's <c>Call</c>.</summary>
public sealed record CallJson(
    string Id,
    string CallSessionId,
    string Personality,
    string State,
    PartyJson RemoteParty,
    int? Appearance,
    string Created,
    string? Answered,
    IReadOnlyList<RedirectionJson>? Redirections,
    RecallJson? Recall,
    string? RecordingState,
    bool MuteCapable,
    bool Muted);

/// <summary>The spec's <c>PartyInformation</c>.</summary>
public sealed record PartyJson(string? Name, string? Number, string? PersonId, string? PlaceId, bool PrivacyEnabled, string CallType);

/// <summary>The spec's <c>RedirectionInformation</c>.</summary>
public sealed record RedirectionJson(string Reason, PartyJson RedirectingParty);

/// <summary>The spec's <c>RecallInformation</c>.</summary>
public sealed record RecallJson(string Type, PartyJson? Party);

/// <summary><c>{ "items": [...] }</c>, the spec's list envelope.</summary>
public sealed record ItemsJson<T>(IReadOnlyList<T> Items);

/// <summary>Dial's 201 body.</summary>
public sealed record DialResponseJson(string CallId, string CallSessionId);

/// <summary>The spec's <c>CallHistoryRecord</c>.</summary>
public sealed record CallHistoryJson(string Type, string? Name, string? Number, bool PrivacyEnabled, string Time);

/// <summary>A Webex error body.</summary>
public sealed record ErrorJson(string Message, IReadOnlyList<ErrorDetailJson> Errors, string TrackingId);

/// <summary>One entry of a Webex error body's <c>errors</c>.</summary>
public sealed record ErrorDetailJson(string Description);

/// <summary>Park's 200 body.</summary>
public sealed record ParkResponseJson(PartyJson ParkedAgainst);
