using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebexCalls.Tests.Shared;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>Conference Controls in the simulator: the state machine of each family, and responses shaped as the spec's.</summary>
public class ConferenceTests : SimulatorTestBase
{
    private async Task<(string, string)> TwoAnsweredCallsAsync()
    {
        var first = await SeedAnsweredAsync("+14085550101");
        var second = await SeedAnsweredAsync("+14085550102");
        return (first, second);
    }

    private async Task<string> SeedAnsweredAsync(string number)
    {
        var response = await Sim.PostJson("_simulator/calls/incoming", JsonSerializer.Serialize(new { number, answered = true }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> Post(string path, object? body = null) =>
        Sim.PostJson(path, body is null ? string.Empty : JsonSerializer.Serialize(body));

    [Fact]
    public async Task A_conference_starts_from_two_answered_calls_and_its_details_follow_each_action()
    {
        Assert.Empty((await Sim.GetJsonAsync("v1/telephony/conference")).EnumerateObject());   // {} when there is none
        var (c1, c2) = await TwoAnsweredCallsAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await Post("v1/telephony/conference", new { callIds = new[] { c1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("v1/telephony/conference", new { callIds = new[] { c1, c2 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post("v1/telephony/conference", new { callIds = new[] { c1, c2 } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("v1/telephony/conference/mute", new { callId = c2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("v1/telephony/conference/mute")).StatusCode);   // no callId: the host
        Assert.Equal(HttpStatusCode.NoContent, (await Post("v1/telephony/conference/deafen", new { callId = c1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("v1/telephony/conference/deafen")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("v1/telephony/conference/hold")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post("v1/telephony/conference/hold")).StatusCode);

        var details = await Sim.GetJsonAsync("v1/telephony/conference");
        Assert.Equal("held", details.GetProperty("state").GetString());
        Assert.True(details.GetProperty("muted").GetBoolean());
        var participants = details.GetProperty("participants").EnumerateArray().ToDictionary(p => p.GetProperty("callId").GetString()!);
        Assert.Equal((false, true), (participants[c1].GetProperty("muted").GetBoolean(), participants[c1].GetProperty("deafened").GetBoolean()));
        Assert.Equal((true, false), (participants[c2].GetProperty("muted").GetBoolean(), participants[c2].GetProperty("deafened").GetBoolean()));
        Assert.Equal(2, (await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").GetArrayLength());   // participants keep their calls

        var deleted = await Sim.Http.DeleteAsync("v1/telephony/conference");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, (await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").GetArrayLength());   // release ends every call
        Assert.Equal(HttpStatusCode.Conflict, (await Sim.Http.DeleteAsync("v1/telephony/conference")).StatusCode);
    }

    [Fact]
    public async Task Unknown_calls_are_404_and_unanswered_ones_409_and_a_participant_is_added_once()
    {
        var (c1, c2) = await TwoAnsweredCallsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Post("v1/telephony/conference", new { callIds = new[] { c1, "nope" } })).StatusCode);
        var ringing = (await (await Sim.PostJson("_simulator/calls/incoming", """{"number":"+14085550103"}""")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await Post("v1/telephony/conference", new { callIds = new[] { c1, ringing } })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Post("v1/telephony/conference", new { callIds = new[] { c1, c2 } })).StatusCode);
        var third = await SeedAnsweredAsync("+14085550104");
        Assert.Equal(HttpStatusCode.NoContent, (await Post("v1/telephony/conference/addParticipant", new { callId = third })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post("v1/telephony/conference/addParticipant", new { callId = third })).StatusCode);
        Assert.Equal(3, (await Sim.GetJsonAsync("v1/telephony/conference")).GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task A_member_has_a_conference_of_their_own_and_the_supervisor_modes_set_its_type()
    {
        var member = (await (await Sim.PostJson("_simulator/members", """{"count":1,"activeCalls":2}""")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids")[0].GetString();
        var calls = (await Sim.GetJsonAsync($"v1/telephony/calls/members/{member}/calls")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray();
        Assert.Equal(HttpStatusCode.NoContent, (await Post($"v1/telephony/conference/members/{member}/conference", new { callIds = calls })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post($"v1/telephony/conference/members/{member}/silentMonitor")).StatusCode);

        var details = await Sim.GetJsonAsync($"v1/telephony/conference/members/{member}/conference");
        Assert.Equal("silentMonitoring", details.GetProperty("type").GetString());
        Assert.Empty((await Sim.GetJsonAsync("v1/telephony/conference")).EnumerateObject());   // the user's own is apart
        Assert.Equal(HttpStatusCode.Conflict, (await Post("v1/telephony/conference/members/me/bargeIn")).StatusCode);   // the user has none
        Assert.Equal(HttpStatusCode.NotFound, (await Post("v1/telephony/conference/members/nobody/hold")).StatusCode);
    }

    [ConferenceSpecFact]
    public async Task The_details_carry_every_field_the_spec_requires()
    {
        var (c1, c2) = await TwoAnsweredCallsAsync();
        await Post("v1/telephony/conference", new { callIds = new[] { c1, c2 } });
        var details = await Sim.GetJsonAsync("v1/telephony/conference");
        var schema = SpecFile.ConferenceJson["components"]!["schemas"]!["ConferenceDetails"]!;
        foreach (var field in schema["required"]!.AsArray().Select(node => node!.GetValue<string>()))
        {
            Assert.True(details.TryGetProperty(field, out _), "ConferenceDetails requires " + field);
        }

        var participantFields = SpecFile.ConferenceJson["components"]!["schemas"]!["ConferenceParticipant"]!["required"]!.AsArray().Select(node => node!.GetValue<string>());
        foreach (var participant in details.GetProperty("participants").EnumerateArray())
        {
            Assert.All(participantFields, field => Assert.True(participant.TryGetProperty(field, out _), "ConferenceParticipant requires " + field));
        }
    }
}
