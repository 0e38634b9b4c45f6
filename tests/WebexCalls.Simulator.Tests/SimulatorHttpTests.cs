using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace WebexCalls.Simulator.Tests;

public class SimulatorHttpTests : SimulatorTestBase
{
    private static async Task AssertWebexError(HttpResponseMessage response, HttpStatusCode status, string description)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var trackingId = body.GetProperty("trackingId").GetString();
        Assert.StartsWith("ROUTER_", trackingId);
        Assert.Equal(trackingId, Assert.Single(response.Headers.GetValues("trackingid")));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.Equal(description, body.GetProperty("errors")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Listens_on_a_real_loopback_port()
    {
        var uri = new Uri(Sim.Address);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.NotEqual(0, uri.Port);
    }

    [Fact]
    public async Task Without_a_bearer_token_every_webex_path_is_401()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Sim.Address + "/") };
        await AssertWebexError(await anonymous.GetAsync("v1/telephony/calls"), HttpStatusCode.Unauthorized,
            "The request requires a valid access token set in the Authorization request header.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("v1/telephony/calls/dial", null)).StatusCode);
    }

    [Fact]
    public async Task Registered_tokens_close_the_door_to_others_and_scopes_are_checked()
    {
        await Sim.PostJson("_simulator/tokens", """{ "token": "reader", "scopes": ["spark:calls_read"] }""");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Sim.Http.GetAsync("v1/telephony/calls")).StatusCode);

        using var reader = new HttpClient { BaseAddress = new Uri(Sim.Address + "/") };
        reader.DefaultRequestHeaders.Authorization = new("Bearer", "reader");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("v1/telephony/calls")).StatusCode);
        var dial = await reader.PostAsync("v1/telephony/calls/dial", new StringContent("""{"destination":"1234"}"""));
        await AssertWebexError(dial, HttpStatusCode.Forbidden, "Missing scope spark:calls_write");
    }

    [Fact]
    public async Task List_answers_items_with_and_without_a_trailing_slash()
    {
        var id = await Sim.DialAsync();

        foreach (var path in new[] { "v1/telephony/calls", "v1/telephony/calls/" })
        {
            var response = await Sim.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("ROUTER_", response.Headers.GetValues("trackingid").Single());
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            Assert.Equal(id, items[0].GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Dial_answers_201_with_only_the_ids_and_details_show_the_call()
    {
        var response = await Sim.PostJson("v1/telephony/calls/dial", """{ "destination": "+14085550100" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(new[] { "callId", "callSessionId" }, body.EnumerateObject().Select(p => p.Name));

        var call = await Sim.GetJsonAsync("v1/telephony/calls/" + Uri.EscapeDataString(body.GetProperty("callId").GetString()!));
        Assert.Equal("connected", call.GetProperty("state").GetString());
        Assert.Equal("+14085550100", call.GetProperty("remoteParty").GetProperty("number").GetString());
        Assert.False(call.TryGetProperty("redirections", out _));   // "only present when ..." fields are left out, not null
    }

    [Fact]
    public async Task Actions_answer_204_and_change_the_state()
    {
        var id = await Sim.DialAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/calls/hold", $$"""{"callId":"{{id}}"}""")).StatusCode);
        Assert.Equal("held", (await Sim.GetJsonAsync("v1/telephony/calls/" + id)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/calls/resume", $$"""{"callId":"{{id}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/calls/hangup", $$"""{"callId":"{{id}}"}""")).StatusCode);

        await AssertWebexError(await Sim.Http.GetAsync("v1/telephony/calls/" + id), HttpStatusCode.NotFound, "Call not found");
        await AssertWebexError(await Sim.PostJson("v1/telephony/calls/hold", $$"""{"callId":"{{id}}"}"""), HttpStatusCode.NotFound, "Call not found");
    }

    [Fact]
    public async Task A_state_the_action_does_not_allow_is_409_in_webex_shape()
    {
        var id = await Sim.SeedIncomingAsync();   // alerting

        await AssertWebexError(await Sim.PostJson("v1/telephony/calls/hold", $$"""{"callId":"{{id}}"}"""), HttpStatusCode.Conflict, "The call is alerting; this action needs a connected call.");
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/calls/answer", $$"""{"callId":"{{id}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/calls/hold", $$"""{"callId":"{{id}}"}""")).StatusCode);
    }

    [Theory]
    [InlineData("v1/telephony/calls/hold", "{bad json", "The request body is not valid JSON.")]
    [InlineData("v1/telephony/calls/hold", "", "Missing required field: callId")]   // an empty body reads as {}
    [InlineData("v1/telephony/calls/hold", "[1,2]", "The request body must be a JSON object.")]
    [InlineData("v1/telephony/calls/hold", "{}", "Missing required field: callId")]
    [InlineData("v1/telephony/calls/hangup", "{\"callId\": 5}", "Missing required field: callId")]
    [InlineData("v1/telephony/calls/dial", "{\"endpointId\":\"x\"}", "Missing required field: destination")]
    public async Task Bad_bodies_are_400_in_webex_shape(string path, string body, string description) =>
        await AssertWebexError(await Sim.PostJson(path, body), HttpStatusCode.BadRequest, description);

    [Fact]
    public async Task History_lists_records_and_filters_by_type()
    {
        await Sim.DialAsync("1234");
        var incoming = await Sim.SeedIncomingAsync();
        await Sim.PostJson("v1/telephony/calls/hangup", $$"""{"callId":"{{incoming}}"}""");

        var all = (await Sim.GetJsonAsync("v1/telephony/calls/history")).GetProperty("items");
        Assert.Equal(new[] { "missed", "placed" }, all.EnumerateArray().Select(i => i.GetProperty("type").GetString()));
        var missed = (await Sim.GetJsonAsync("v1/telephony/calls/history?type=missed")).GetProperty("items");
        Assert.Equal(1, missed.GetArrayLength());
        await AssertWebexError(await Sim.Http.GetAsync("v1/telephony/calls/history?type=lost"), HttpStatusCode.BadRequest,
            "type must be one of placed, missed, received");
    }

    [Fact]
    public async Task An_unknown_webex_path_is_a_webex_shaped_404()
    {
        // (/people is simulated now, for the directory look-ups; /rooms is not.)
        await AssertWebexError(await Sim.Http.GetAsync("v1/rooms/me"), HttpStatusCode.NotFound, "The requested resource could not be found.");
    }

    [Fact]
    public async Task The_request_log_shows_what_was_sent_without_the_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/telephony/calls/dial") { Content = new StringContent("""{"destination":"1234"}""") };
        request.Headers.Add("TrackingID", "CLIENT_42");
        await Sim.Http.SendAsync(request);

        var log = await Sim.GetJsonAsync("_simulator/requests");
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal("POST", entry.GetProperty("method").GetString());
        Assert.Equal("/v1/telephony/calls/dial", entry.GetProperty("path").GetString());
        Assert.Equal("CLIENT_42", entry.GetProperty("trackingId").GetString());
        Assert.True(entry.GetProperty("hadBearerToken").GetBoolean());
        Assert.Equal("""{"destination":"1234"}""", entry.GetProperty("body").GetString());
        Assert.Equal(201, entry.GetProperty("status").GetInt32());
        Assert.DoesNotContain("test-token", log.GetRawText());
    }

    [Fact]
    public async Task Injected_faults_answer_the_next_matching_request_then_stop()
    {
        await Sim.PostJson("_simulator/faults", """{ "method": "GET", "path": "/telephony/calls", "status": 429, "retryAfterSeconds": 3, "times": 1 }""");
        await Sim.PostJson("_simulator/faults", """{ "path": "/telephony/calls/hold", "status": 502, "body": "<html>bad gateway</html>", "contentType": "text/html" }""");

        var limited = await Sim.Http.GetAsync("v1/telephony/calls");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, (await Sim.Http.GetAsync("v1/telephony/calls")).StatusCode);

        var gateway = await Sim.PostJson("v1/telephony/calls/hold", "{}");
        Assert.Equal(HttpStatusCode.BadGateway, gateway.StatusCode);
        Assert.Equal("<html>bad gateway</html>", await gateway.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_delayed_fault_answers_late_and_a_client_that_gives_up_is_not_waited_for()
    {
        await Sim.PostJson("_simulator/faults", """{ "method": "GET", "path": "/telephony/calls", "status": 200, "body": "{\"items\":[]}", "delayMs": 60000 }""");

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sim.Http.GetAsync("v1/telephony/calls", cancel.Token));

        // The fault was used up by the abandoned request; the next one is answered normally.
        Assert.Equal(HttpStatusCode.OK, (await Sim.Http.GetAsync("v1/telephony/calls")).StatusCode);
    }

    [Fact]
    public async Task Reset_clears_calls_log_faults_and_tokens()
    {
        await Sim.DialAsync();
        await Sim.PostJson("_simulator/tokens", """{ "token": "only-me", "scopes": [] }""");

        Assert.Equal(HttpStatusCode.NoContent, (await Sim.Http.PostAsync("_simulator/reset", null)).StatusCode);

        Assert.Equal(0, (await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").GetArrayLength());
        Assert.Single((await Sim.GetJsonAsync("_simulator/requests")).EnumerateArray());   // only the list just made
    }

    [Fact]
    public async Task An_automatic_transfer_with_no_body_at_all_is_understood_as_the_Postman_collection_sends_it()
    {
        await Sim.DialAsync();
        await Sim.DialAsync("1234");

        var response = await Sim.Http.PostAsync("v1/telephony/calls/transfer", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Each_operation_answers_its_own_success_status_over_http()
    {
        var call = await Sim.DialAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/calls/mute", $$"""{"callId":"{{call}}"}""")).StatusCode);
        var park = await Sim.PostJson("v1/telephony/calls/park", $$"""{"callId":"{{call}}","destination":"1000"}""");
        Assert.Equal(HttpStatusCode.OK, park.StatusCode);
        Assert.Equal("1000", (await park.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parkedAgainst").GetProperty("number").GetString());
        Assert.Equal("1000", (await Sim.GetJsonAsync("_simulator/parked"))[0].GetProperty("parkedAgainst").GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.Created, (await Sim.PostJson("v1/telephony/calls/retrieve", """{"destination":"1000"}""")).StatusCode);

        var customer = await Sim.DialAsync("+14085550101");
        var mute = await Sim.PostJson("v1/telephony/calls/transfer", $$"""{"callId1":"{{customer}}","destination":"1234"}""");
        Assert.Equal(HttpStatusCode.Created, mute.StatusCode);
        Assert.False(string.IsNullOrEmpty((await mute.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString()));
    }

    [Fact]
    public async Task The_control_api_sets_the_recording_mode_and_reads_back_dtmf()
    {
        var call = await Sim.DialAsync();
        using (var bad = new StringContent("""{"mode":"sometimes"}""", System.Text.Encoding.UTF8, "application/json"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Sim.Http.PutAsync("_simulator/recording", bad)).StatusCode);
        }

        using (var never = new StringContent("""{"mode":"never"}""", System.Text.Encoding.UTF8, "application/json"))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Sim.Http.PutAsync("_simulator/recording", never)).StatusCode);
        }

        await AssertWebexError(await Sim.PostJson("v1/telephony/calls/startRecording", $$"""{"callId":"{{call}}"}"""), HttpStatusCode.Conflict,
            "startRecording is not allowed while the recording is not started and the user's recording mode is never.");

        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/calls/transmitDtmf", $$"""{"callId":"{{call}}","dtmf":"1,2#"}""")).StatusCode);
        var sent = Assert.Single((await Sim.GetJsonAsync("_simulator/dtmf")).EnumerateArray());
        Assert.Equal((call, "1,2#"), (sent.GetProperty("callId").GetString(), sent.GetProperty("dtmf").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await Sim.Http.GetAsync("_simulator/echo")).StatusCode);
    }

    [Fact]
    public async Task Other_users_calls_are_seeded_and_picked_up()
    {
        var seeded = await Sim.PostJson("_simulator/others/calls", """{"ownerNumber":"2001","callerNumber":"+14085550100"}""");
        Assert.Equal(HttpStatusCode.Created, seeded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.PostJson("_simulator/others/calls", """{"ownerNumber":"2001"}""")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await Sim.PostJson("v1/telephony/calls/pickup", """{"target":"2001"}""")).StatusCode);
        Assert.Equal(0, (await Sim.GetJsonAsync("_simulator/others/calls")).GetArrayLength());
        await AssertWebexError(await Sim.PostJson("v1/telephony/calls/pickup", "{}"), HttpStatusCode.NotFound, "No call is ringing in the user's call pickup group.");
    }
}
