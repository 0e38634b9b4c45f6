using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebexCalls.Client.Wire
{
    // Shapes of the JSON on the wire, named as the spec names them. Enums and dates stay strings here: the mapper
    // reads them tolerantly, so an unknown value or an odd timestamp never fails a whole response.

    internal sealed class CallWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("callId")] public string? CallId { get; set; }
        [JsonPropertyName("callSessionId")] public string? CallSessionId { get; set; }
        [JsonPropertyName("personality")] public string? Personality { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("callType")] public string? CallType { get; set; }
        [JsonPropertyName("remoteParty")] public PartyWire? RemoteParty { get; set; }
        // The spec types appearance as "number" (its example even says 1.23), so read a double and round.
        [JsonPropertyName("appearance")] public double? Appearance { get; set; }
        [JsonPropertyName("created")] public string? Created { get; set; }
        [JsonPropertyName("startTime")] public string? StartTime { get; set; }
        [JsonPropertyName("answered")] public string? Answered { get; set; }
        [JsonPropertyName("answerTime")] public string? AnswerTime { get; set; }
        [JsonPropertyName("duration")] public double? Duration { get; set; }
        [JsonPropertyName("redirections")] public List<RedirectionWire?>? Redirections { get; set; }
        [JsonPropertyName("recall")] public RecallWire? Recall { get; set; }
        [JsonPropertyName("recordingState")] public string? RecordingState { get; set; }
        [JsonPropertyName("muteCapable")] public bool? MuteCapable { get; set; }
        [JsonPropertyName("muted")] public bool? Muted { get; set; }

        // Only a webhook event's data carries these (API notes 5.3): what happened, when, and whether elsewhere.
        [JsonPropertyName("eventType")] public string? EventType { get; set; }
        [JsonPropertyName("eventTimestamp")] public string? EventTimestamp { get; set; }
        [JsonPropertyName("completedElsewhere")] public bool? CompletedElsewhere { get; set; }
    }

    internal sealed class PartyWire
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("number")] public string? Number { get; set; }
        [JsonPropertyName("personId")] public string? PersonId { get; set; }
        [JsonPropertyName("placeId")] public string? PlaceId { get; set; }
        [JsonPropertyName("sipAddress")] public string? SipAddress { get; set; }
        [JsonPropertyName("privacyEnabled")] public bool? PrivacyEnabled { get; set; }
        [JsonPropertyName("callType")] public string? CallType { get; set; }
    }

    internal sealed class RedirectionWire
    {
        [JsonPropertyName("reason")] public string? Reason { get; set; }
        [JsonPropertyName("redirectingParty")] public PartyWire? RedirectingParty { get; set; }
    }

    internal sealed class RecallWire
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("party")] public PartyWire? Party { get; set; }
    }

    internal sealed class CallListWire
    {
        [JsonPropertyName("items")] public List<CallWire?>? Items { get; set; }
    }

    internal sealed class DialResponseWire
    {
        [JsonPropertyName("callId")] public string? CallId { get; set; }
        [JsonPropertyName("callSessionId")] public string? CallSessionId { get; set; }
    }

    internal sealed class ParkResponseWire
    {
        [JsonPropertyName("parkedAgainst")] public PartyWire? ParkedAgainst { get; set; }
    }

    internal sealed class CallHistoryWire
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("number")] public string? Number { get; set; }
        [JsonPropertyName("privacyEnabled")] public bool? PrivacyEnabled { get; set; }
        [JsonPropertyName("time")] public string? Time { get; set; }
    }

    internal sealed class CallHistoryListWire
    {
        [JsonPropertyName("items")] public List<CallHistoryWire?>? Items { get; set; }
    }

    /// <summary>
    /// The body of every POST under /telephony/calls: each operation fills only the fields the spec gives it, and
    /// null fields are left out, so one shape serves all twenty operations without sending a field one does not know.
    /// </summary>
    internal sealed class CallCommandWire
    {
        [JsonPropertyName("callId")] public string? CallId { get; set; }
        [JsonPropertyName("callId1")] public string? CallId1 { get; set; }
        [JsonPropertyName("callId2")] public string? CallId2 { get; set; }
        [JsonPropertyName("destination")] public string? Destination { get; set; }
        [JsonPropertyName("target")] public string? Target { get; set; }
        [JsonPropertyName("action")] public string? Action { get; set; }
        [JsonPropertyName("toVoicemail")] public bool? ToVoicemail { get; set; }
        [JsonPropertyName("isGroupPark")] public bool? IsGroupPark { get; set; }
        [JsonPropertyName("dtmf")] public string? Dtmf { get; set; }
        [JsonPropertyName("endpointId")] public string? EndpointId { get; set; }
        [JsonPropertyName("singleNumberReachPhoneNumber")] public string? SingleNumberReachPhoneNumber { get; set; }
        [JsonPropertyName("lineOwnerId")] public string? LineOwnerId { get; set; }
        [JsonPropertyName("wrapupReasons")] public List<string>? WrapupReasons { get; set; }
    }

    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(CallWire))]
    [JsonSerializable(typeof(ConferenceDetailsWire))]
    [JsonSerializable(typeof(ConferenceCommandWire))]
    [JsonSerializable(typeof(PersonListWire))]
    [JsonSerializable(typeof(PersonWire))]
    [JsonSerializable(typeof(WorkspaceListWire))]
    [JsonSerializable(typeof(VirtualLineListWire))]
    [JsonSerializable(typeof(NumberListWire))]
    [JsonSerializable(typeof(CallListWire))]
    [JsonSerializable(typeof(DialResponseWire))]
    [JsonSerializable(typeof(ParkResponseWire))]
    [JsonSerializable(typeof(CallHistoryListWire))]
    [JsonSerializable(typeof(CallCommandWire))]
    [JsonSerializable(typeof(WebhookWire))]
    [JsonSerializable(typeof(WebhookListWire))]
    [JsonSerializable(typeof(WebhookCreateWire))]
    [JsonSerializable(typeof(WebhookUpdateWire))]
    [JsonSerializable(typeof(InterestRegistrationWire))]
    [JsonSerializable(typeof(CallEventWire))]
    internal sealed partial class WebexJsonContext : JsonSerializerContext
    {
        /// <summary>
        /// The context to use: the default encoder would send "+1408..." as "\u002B1408...", valid JSON but
        /// needlessly odd on the wire and in debug logs. These bodies are never embedded in HTML.
        /// </summary>
        public static WebexJsonContext Wire { get; } = new WebexJsonContext(new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        });
    }
}
