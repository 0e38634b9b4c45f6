using System.Text.Json;
using System.Text.Json.Nodes;
using WebexCalls.Client.Wire;
using WebexCalls.Tests.Shared;
using Xunit;

namespace WebexCalls.Client.Tests;

public class CallMapperTests
{
    private static readonly DateTimeOffset ReadAt = new(2016, 4, 21, 17, 1, 30, TimeSpan.Zero);

    // Shaped exactly like the spec's Get Call Details example (the Call schema).
    private const string SpecShapedCall = """
        {
          "id": "Y2lzY29zcGFyazovL3VzL0NBTEwvQkNMRC9jYWxsaGFsZi00ODg6MA",
          "callSessionId": "MmFmNThiZjktYWE3Ny00NWE5LThiMDEtYzI4NDMxZWYwNzRm",
          "personality": "originator",
          "state": "connecting",
          "remoteParty": {
            "name": "John Smith", "number": "+12223334444",
            "personId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h", "placeId": "Y2lzY29zcGFyazovL3VzL1BMQUNFL2Ex",
            "privacyEnabled": false, "callType": "location"
          },
          "appearance": 1,
          "created": "2016-04-21T17:00:00.000Z",
          "answered": "2016-04-21T17:00:00.000Z",
          "redirections": [ { "reason": "busy", "redirectingParty": { "name": "John Smith", "number": "+12223334444", "privacyEnabled": false, "callType": "location" } } ],
          "recall": { "type": "park", "party": { "name": "John Smith", "number": "+12223334444", "privacyEnabled": false, "callType": "location" } },
          "recordingState": "pending",
          "muteCapable": false,
          "muted": false
        }
        """;

    internal static CallSession Map(string json, DateTimeOffset? readAt = null) =>
        CallMapper.ToCallSession(JsonSerializer.Deserialize(json, WebexJsonContext.Wire.CallWire)!, readAt ?? ReadAt);

    [Fact]
    public void Spec_shaped_call_maps_every_field()
    {
        var call = Map(SpecShapedCall);

        Assert.Equal("Y2lzY29zcGFyazovL3VzL0NBTEwvQkNMRC9jYWxsaGFsZi00ODg6MA", call.Id);
        Assert.Equal(call.Id, call.CallId);
        Assert.Equal("MmFmNThiZjktYWE3Ny00NWE5LThiMDEtYzI4NDMxZWYwNzRm", call.CallSessionId);
        Assert.Equal(CallPersonality.Originator, call.Personality);
        Assert.Equal(CallState.Connecting, call.State);
        Assert.Equal("connecting", call.RawState);
        Assert.Equal(CallType.Location, call.CallType);
        Assert.Equal(1, call.Appearance);
        Assert.Equal(new DateTimeOffset(2016, 4, 21, 17, 0, 0, TimeSpan.Zero), call.StartTime);
        Assert.Equal(new DateTimeOffset(2016, 4, 21, 17, 0, 0, TimeSpan.Zero), call.AnswerTime);
        Assert.Equal(90, call.Duration);
        Assert.False(call.Muted);
        Assert.False(call.MuteCapable);
        Assert.Equal(RecordingState.Pending, call.RecordingState);
        Assert.Equal(RecallType.Park, call.Recall!.Type);
        Assert.Equal("John Smith", call.Recall.Party!.Name);
        var redirection = Assert.Single(call.Redirections);
        Assert.Equal(RedirectionReason.Busy, redirection.Reason);
        Assert.Equal("+12223334444", redirection.RedirectingParty!.Number);

        var party = call.RemoteParty!;
        Assert.Equal("John Smith", party.Name);
        Assert.Equal("+12223334444", party.Number);
        Assert.Equal("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h", party.PersonId);
        Assert.Equal("Y2lzY29zcGFyazovL3VzL1BMQUNFL2Ex", party.PlaceId);
        Assert.False(party.PrivacyEnabled);
        Assert.Equal(CallType.Location, party.CallType);
        Assert.Null(party.SipAddress);
        Assert.Equal("John Smith <+12223334444>", party.ToString());
    }

    [Fact]
    public void Seed_schema_spellings_are_read_too()
    {
        var call = Map("""
            { "callId": "abc", "state": "connected", "personality": "clickToDialOriginator", "callType": "external",
              "startTime": "2024-01-02T03:04:05Z", "answerTime": "2024-01-02T03:04:15Z", "duration": 42,
              "remoteParty": { "name": "Jane Doe", "sipAddress": "sip:jane@example.com", "privacyEnabled": false, "callType": "location" } }
            """);

        Assert.Equal("abc", call.Id);
        Assert.Equal("abc", call.CallId);
        Assert.Equal(CallPersonality.ClickToDial, call.Personality);
        Assert.Equal(CallType.External, call.CallType);
        Assert.Equal(CallType.Location, call.RemoteParty!.CallType);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), call.StartTime);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 15, TimeSpan.Zero), call.AnswerTime);
        Assert.Equal(42, call.Duration);
        Assert.Equal("sip:jane@example.com", call.RemoteParty.SipAddress);
        Assert.Equal("Jane Doe <sip:jane@example.com>", call.RemoteParty.ToString());
    }

    [Fact]
    public void Webhook_payload_with_callId_and_extra_fields_is_read()
    {
        var call = Map("""
            { "callId": "hook-1", "callSessionId": "s", "personality": "terminator", "state": "alerting",
              "eventType": "received", "eventTimestamp": "2025-08-01T10:00:00Z", "endpointType": "APPLICATION",
              "completedElsewhere": false, "remoteParty": { "number": "1234", "privacyEnabled": false, "callType": "location", "future": { "x": [1,2] } },
              "created": "2025-08-01T10:00:00Z", "muteCapable": false, "muted": false }
            """);

        Assert.Equal("hook-1", call.Id);
        Assert.Equal(CallPersonality.Terminator, call.Personality);
        Assert.Equal(CallState.Alerting, call.State);
        Assert.Null(call.AnswerTime);
        Assert.Null(call.Duration);
    }

    [Fact]
    public void Unknown_enum_values_read_as_Unknown_and_keep_the_raw_value()
    {
        var call = Map("""
            { "id": "x", "state": "parkedSomewhere", "personality": "observer", "recordingState": "uploading",
              "remoteParty": { "privacyEnabled": true, "callType": "satellite" },
              "redirections": [ { "reason": "unknown", "redirectingParty": { "privacyEnabled": false, "callType": "other" } },
                                { "reason": "teleported", "redirectingParty": { "privacyEnabled": false, "callType": "other" } } ],
              "recall": { "type": "transfer" }, "created": "2024-01-01T00:00:00Z" }
            """);

        Assert.Equal(CallState.Unknown, call.State);
        Assert.Equal("parkedSomewhere", call.RawState);
        Assert.Equal(CallPersonality.Unknown, call.Personality);
        Assert.Equal("observer", call.RawPersonality);
        Assert.Equal(CallType.Unknown, call.CallType);
        Assert.Equal("satellite", call.RawCallType);
        Assert.Equal(RecordingState.Unknown, call.RecordingState);
        Assert.Equal("uploading", call.RawRecordingState);
        Assert.Equal(RecallType.Unknown, call.Recall!.Type);
        Assert.Equal("transfer", call.Recall.RawType);
        // The spec's own "unknown" reason is a value, not an unknown value.
        Assert.Equal(RedirectionReason.UnknownReason, call.Redirections[0].Reason);
        Assert.Equal(RedirectionReason.Unknown, call.Redirections[1].Reason);
        Assert.Equal("teleported", call.Redirections[1].RawReason);
        Assert.Equal("(private)", call.RemoteParty!.ToString());
    }

    [Theory]
    [InlineData("Connected", CallState.Connected)]
    [InlineData("remoteHeld", CallState.RemoteHeld)]
    [InlineData("3", CallState.Unknown)]
    [InlineData("Unknown", CallState.Unknown)]
    [InlineData("connected,held", CallState.Unknown)]
    [InlineData("", CallState.Unknown)]
    public void Enum_parsing_accepts_only_defined_names(string raw, CallState expected) =>
        Assert.Equal(expected, WebexValues.Parse(raw, CallState.Unknown));

    [Fact]
    public void Appearance_given_as_a_fraction_is_rounded_and_odd_dates_read_as_null()
    {
        var call = Map("""{ "id": "x", "appearance": 1.23, "created": "string", "remoteParty": { "privacyEnabled": false, "callType": "external" } }""");

        Assert.Equal(1, call.Appearance);
        Assert.Null(call.StartTime);
    }

    [Fact]
    public void Duration_is_whole_seconds_since_answer_and_never_negative()
    {
        var answered = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(61, CallMapper.ComputeDuration(null, answered, answered.AddSeconds(61.9)));
        Assert.Equal(0, CallMapper.ComputeDuration(null, answered, answered.AddSeconds(-3)));
        Assert.Equal(7, CallMapper.ComputeDuration(7.8, answered, answered.AddSeconds(100)));
        Assert.Null(CallMapper.ComputeDuration(null, null, answered));
    }

    [Theory]
    [InlineData("sip:bob@example.com", "sip:bob@example.com")]
    [InlineData("bob@example.com", "bob@example.com")]
    [InlineData("+14085550100", null)]
    public void SipAddress_comes_from_a_number_that_is_a_sip_uri_or_user_at_host(string number, string? expected)
    {
        var call = Map("{ \"id\": \"x\", \"remoteParty\": { \"number\": \"" + number + "\", \"privacyEnabled\": false, \"callType\": \"external\" } }");
        Assert.Equal(expected, call.RemoteParty!.SipAddress);
    }

    [SpecFact]
    public void The_specs_own_call_examples_map_without_loss()
    {
        var paths = SpecFile.Json["paths"]!;
        var listExample = paths["/telephony/calls"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        var detailsExample = paths["/telephony/calls/{callId}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;

        foreach (var example in new[] { listExample["items"]![0]!, detailsExample })
        {
            var call = Map(example.ToJsonString());
            Assert.Equal(example["id"]!.GetValue<string>(), call.Id);
            Assert.Equal(example["callSessionId"]!.GetValue<string>(), call.CallSessionId);
            Assert.NotEqual(CallState.Unknown, call.State);
            Assert.NotEqual(CallPersonality.Unknown, call.Personality);
            Assert.NotEqual(CallType.Unknown, call.CallType);
            Assert.NotNull(call.StartTime);
            Assert.NotNull(call.AnswerTime);
            Assert.Equal(example["remoteParty"]!["name"]!.GetValue<string>(), call.RemoteParty!.Name);
            Assert.NotEmpty(call.Redirections);
            Assert.Equal(RecallType.Park, call.Recall!.Type);
            Assert.NotEqual(RecordingState.Unknown, call.RecordingState);
        }
    }

    [SpecFact]
    public void Every_spec_enum_value_is_known_to_the_model()
    {
        var schemas = SpecFile.Json["components"]!["schemas"]!;
        AssertAllKnown<CallState>(schemas["CallStateEnum"]!);
        AssertAllKnown<CallPersonality>(schemas["CallPersonalityEnum"]!);
        AssertAllKnown<CallType>(schemas["CallTypeEnum"]!);
        AssertAllKnown<RecordingState>(schemas["RecordingStateEnum"]!);
        AssertAllKnown<RecallType>(schemas["RecallTypeEnum"]!);
        foreach (var reason in schemas["RedirectionReasonEnum"]!["enum"]!.AsArray())
        {
            var value = reason!.GetValue<string>();
            Assert.NotEqual(RedirectionReason.Unknown, WebexValues.RedirectionReason(value));
        }
    }

    private static void AssertAllKnown<T>(JsonNode schema)
        where T : struct
    {
        foreach (var value in schema["enum"]!.AsArray())
        {
            Assert.NotEqual(default(T), WebexValues.Parse(value!.GetValue<string>(), default(T)));
        }
    }
}
