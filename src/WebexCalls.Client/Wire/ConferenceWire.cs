using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace WebexCalls.Client.Wire
{
    // Conference Controls' shapes (webex-conference-controls.openapi.yml): ConferenceDetails and the request bodies.

    internal sealed class ConferenceDetailsWire
    {
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("appearance")] public double? Appearance { get; set; }
        [JsonPropertyName("created")] public string? Created { get; set; }
        [JsonPropertyName("muted")] public bool? Muted { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("participants")] public List<ConferenceParticipantWire?>? Participants { get; set; }
    }

    internal sealed class ConferenceParticipantWire
    {
        [JsonPropertyName("callId")] public string? CallId { get; set; }
        [JsonPropertyName("muted")] public bool? Muted { get; set; }
        [JsonPropertyName("deafened")] public bool? Deafened { get; set; }
    }

    internal sealed class ConferenceCommandWire
    {
        [JsonPropertyName("callIds")] public List<string>? CallIds { get; set; }
        [JsonPropertyName("callId")] public string? CallId { get; set; }
        [JsonPropertyName("lineOwnerId")] public string? LineOwnerId { get; set; }
    }
}
