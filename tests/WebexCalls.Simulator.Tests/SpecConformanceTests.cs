using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using WebexCalls.Tests.Shared;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>
/// Checks the simulator's responses against Cisco's spec: bodies against its schemas (with every object closed, so
/// a field the spec does not define fails too), and statuses against the codes it lists for each operation.
/// </summary>
public class SpecConformanceTests : SimulatorTestBase
{
    [SpecFact]
    public async Task List_details_and_history_bodies_match_the_spec_schemas()
    {
        var dialled = await Sim.DialAsync();
        var held = await Sim.DialAsync("sip:jane.doe@example.com");
        await Sim.PostJson("v1/telephony/calls/hold", $$"""{"callId":"{{held}}"}""");
        await Sim.SeedIncomingAsync();
        await Sim.PostJson("v1/telephony/calls/dial", """{"destination":"*73"}""");

        AssertValid(ResponseSchema("/telephony/calls", "get", "200"), await Sim.GetJsonAsync("v1/telephony/calls"));
        AssertValid(ResponseSchema("/telephony/calls/{callId}", "get", "200"), await Sim.GetJsonAsync("v1/telephony/calls/" + dialled));
        AssertValid(ResponseSchema("/telephony/calls/{callId}", "get", "200"), await Sim.GetJsonAsync("v1/telephony/calls/" + held));
        AssertValid(ResponseSchema("/telephony/calls/history", "get", "200"), await Sim.GetJsonAsync("v1/telephony/calls/history"));
    }

    [SpecFact]
    public async Task A_call_still_alerting_matches_the_schema_too()
    {
        var slow = await SimulatorHost.StartAsync(alertingDelayMs: 60_000);
        await using (slow)
        {
            var id = await slow.DialAsync();
            AssertValid(ResponseSchema("/telephony/calls/{callId}", "get", "200"), await slow.GetJsonAsync("v1/telephony/calls/" + id));
        }
    }

    [SpecFact]
    public async Task Dial_answers_the_specs_201_body()
    {
        var response = await Sim.PostJson("v1/telephony/calls/dial", """{"destination":"+12223334444"}""");

        Assert.Equal(201, (int)response.StatusCode);
        AssertValid(ResponseSchema("/telephony/calls/dial", "post", "201"), await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [SpecFact]
    public async Task The_schema_check_does_catch_a_misnamed_field()
    {
        var call = JsonNode.Parse((await Sim.GetJsonAsync("v1/telephony/calls/" + await Sim.DialAsync())).GetRawText())!.AsObject();
        call["startTime"] = call["created"]!.GetValue<string>();   // the seed schema's name, not the spec's

        var result = Schema(ResponseSchema("/telephony/calls/{callId}", "get", "200")).Evaluate(JsonDocument.Parse(call.ToJsonString()).RootElement);
        Assert.False(result.IsValid);
    }

    [SpecFact]
    public async Task Every_status_the_simulator_answers_is_one_the_spec_lists_for_that_operation()
    {
        var id = await Sim.DialAsync();
        var incoming = await Sim.SeedIncomingAsync();
        await Sim.PostJson("v1/telephony/calls/hold", $$"""{"callId":"{{incoming}}"}""");   // 409
        await Sim.PostJson("v1/telephony/calls/answer", $$"""{"callId":"{{incoming}}"}""");
        await Sim.PostJson("v1/telephony/calls/hold", $$"""{"callId":"{{id}}"}""");
        await Sim.PostJson("v1/telephony/calls/resume", $$"""{"callId":"{{id}}"}""");
        await Sim.PostJson("v1/telephony/calls/hangup", $$"""{"callId":"{{id}}"}""");
        await Sim.PostJson("v1/telephony/calls/hangup", $$"""{"callId":"{{id}}"}""");   // 404
        await Sim.PostJson("v1/telephony/calls/dial", "{nope");                               // 400
        await Sim.Http.GetAsync("v1/telephony/calls/" + id);                                  // 404
        await Sim.Http.GetAsync("v1/telephony/calls/history?type=placed");
        using (var anonymous = new HttpClient { BaseAddress = new Uri(Sim.Address + "/") })
        {
            await anonymous.GetAsync("v1/telephony/calls");                                   // 401
        }

        var log = await Sim.GetJsonAsync("_simulator/requests");
        Assert.Equal(11, log.GetArrayLength());   // control API calls are not logged
        AssertEveryStatusIsListed(log);
    }

    [SpecFact]
    public async Task Every_201_and_200_body_of_the_new_operations_matches_the_spec_schemas()
    {
        var customer = await Sim.DialAsync();
        var mute = await Sim.PostJson("v1/telephony/calls/transfer", $$"""{"callId1":"{{customer}}","destination":"1234"}""");
        await AssertValidResponse(mute, "/telephony/calls/transfer", "201");

        var parked = await Sim.DialAsync("+14085550101");
        await AssertValidResponse(await Sim.PostJson("v1/telephony/calls/park", $$"""{"callId":"{{parked}}","destination":"1000"}"""), "/telephony/calls/park", "200");
        await AssertValidResponse(await Sim.PostJson("v1/telephony/calls/retrieve", """{"destination":"1000"}"""), "/telephony/calls/retrieve", "201");

        await Sim.PostJson("_simulator/others/calls", """{"ownerNumber":"2001","callerNumber":"+14085550100"}""");
        await Sim.PostJson("_simulator/others/calls", """{"ownerNumber":"2002","callerNumber":"+14085550101","connected":true}""");
        await AssertValidResponse(await Sim.PostJson("v1/telephony/calls/pickup", "{}"), "/telephony/calls/pickup", "201");
        await AssertValidResponse(await Sim.PostJson("v1/telephony/calls/bargeIn", """{"target":"2002"}"""), "/telephony/calls/bargeIn", "201");

        await Sim.PostJson("_simulator/calls/incoming", """{"number":"+14085550100","answered":true,"endpointId":"desk"}""");
        await AssertValidResponse(await Sim.PostJson("v1/telephony/calls/pull", """{"endpointId":"laptop"}"""), "/telephony/calls/pull", "201");
    }

    [SpecFact]
    public async Task Calls_with_every_optional_field_match_the_call_schema()
    {
        using (var put = new StringContent("""{"parkRecallDelayMs":1}""", System.Text.Encoding.UTF8, "application/json"))
        {
            await Sim.Http.PutAsync("_simulator/delays", put);
        }

        var recorded = await Sim.DialAsync();
        await Sim.PostJson("v1/telephony/calls/startRecording", $$"""{"callId":"{{recorded}}"}""");
        await Sim.PostJson("v1/telephony/calls/mute", $$"""{"callId":"{{recorded}}"}""");
        var parked = await Sim.DialAsync("1234");
        await Sim.PostJson("v1/telephony/calls/park", $$"""{"callId":"{{parked}}"}""");
        Sim.Clock.Advance(TimeSpan.FromSeconds(1));   // the park recall comes back
        await Sim.PostJson("_simulator/calls/incoming", """{"number":"+14085550100","redirectedFrom":"1234"}""");

        var list = await Sim.GetJsonAsync("v1/telephony/calls");
        var calls = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(calls, c => c.TryGetProperty("recall", out _));
        Assert.Contains(calls, c => c.TryGetProperty("redirections", out _));
        Assert.Contains(calls, c => c.TryGetProperty("recordingState", out _) && c.GetProperty("muted").GetBoolean());
        AssertValid(ResponseSchema("/telephony/calls", "get", "200"), list);
    }

    [SpecFact]
    public async Task Every_operation_answers_only_statuses_the_spec_lists_for_it()
    {
        var a = await Sim.DialAsync();
        var b = await Sim.DialAsync("1234");
        var ringing = await Sim.SeedIncomingAsync();
        string[] bodies =
        [
            "answer|{}", $"answer|{{\"callId\":\"{a}\"}}", $"reject|{{\"callId\":\"{a}\"}}", "reject|{\"callId\":\"gone\"}",
            $"mute|{{\"callId\":\"{ringing}\"}}", $"mute|{{\"callId\":\"{a}\"}}", $"unmute|{{\"callId\":\"{a}\"}}",
            $"divert|{{\"callId\":\"{ringing}\"}}", $"divert|{{\"callId\":\"{ringing}\",\"toVoicemail\":true}}",
            "transfer|{\"callId2\":\"x\"}", $"transfer|{{\"callId1\":\"{a}\",\"callId2\":\"{b}\"}}", "transfer|",
            "park|{\"callId\":\"gone\"}", "retrieve|{}", "pickup|{}", "bargeIn|{}", "bargeIn|{\"target\":\"2999\"}", "pull|{}",
            "startRecording|{}", "stopRecording|{\"callId\":\"gone\"}", "pauseRecording|{}", "resumeRecording|{}",
            "transmitDtmf|{\"dtmf\":\"x\"}", "push|{\"callId\":\"gone\"}",
        ];
        foreach (var entry in bodies)
        {
            var (operation, body) = (entry[..entry.IndexOf('|')], entry[(entry.IndexOf('|') + 1)..]);
            await Sim.PostJson("v1/telephony/calls/" + operation, body);
        }

        var c = await Sim.DialAsync("5678");
        var d = await Sim.DialAsync("5679");
        foreach (var operation in new[] { "startRecording", "pauseRecording", "resumeRecording", "stopRecording", "push", "hold", "resume" })
        {
            await Sim.PostJson("v1/telephony/calls/" + operation, $$"""{"callId":"{{c}}"}""");
        }

        await Sim.PostJson("v1/telephony/calls/transmitDtmf", $$"""{"callId":"{{c}}","dtmf":"1,2"}""");
        await Sim.PostJson("v1/telephony/calls/transfer", "{}");   // automatic, with exactly two calls: c and d
        Assert.DoesNotContain((await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetString() == d);

        var log = await Sim.GetJsonAsync("_simulator/requests");
        var statuses = AssertEveryStatusIsListed(log);
        foreach (var expected in new[] { "200", "201", "204", "400", "404", "409" })
        {
            Assert.Contains(expected, statuses);
        }
    }

    private static HashSet<string> AssertEveryStatusIsListed(JsonElement log)
    {
        var paths = SpecFile.Json["paths"]!.AsObject();
        var seen = new HashSet<string>();
        foreach (var entry in log.EnumerateArray())
        {
            var method = entry.GetProperty("method").GetString()!.ToLowerInvariant();
            var path = entry.GetProperty("path").GetString()!["/v1".Length..].TrimEnd('/');
            var specPath = paths.ContainsKey(path) ? path : "/telephony/calls/{callId}";
            var status = entry.GetProperty("status").GetInt32().ToString();
            seen.Add(status);
            var responses = paths[specPath]![method]!["responses"]!.AsObject();
            Assert.True(responses.ContainsKey(status), $"{method.ToUpperInvariant()} {path} answered {status}, which the spec does not list for {specPath}.");
        }

        return seen;
    }

    private static async Task AssertValidResponse(HttpResponseMessage response, string path, string status)
    {
        Assert.Equal(status, ((int)response.StatusCode).ToString());
        AssertValid(ResponseSchema(path, "post", status), await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static JsonNode ResponseSchema(string path, string method, string status) =>
        SpecFile.Json["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;

    private static JsonSchema Schema(JsonNode responseSchema)
    {
        // A standalone JSON Schema: the operation's schema plus components.schemas as $defs, every object closed,
        // without OpenAPI's own "example" keyword, which JSON Schema 2020-12 does not know.
        var root = responseSchema.DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = SpecFile.Json["components"]!["schemas"]!.DeepClone();
        CloseObjects(root);
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/");
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void CloseObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("example");
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties"))
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    CloseObjects(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CloseObjects(child);
                }

                break;
        }
    }

    /// <summary>Asserts that <paramref name="body"/> matches <paramref name="responseSchema"/>, every object closed.</summary>
    internal static void AssertMatches(JsonNode responseSchema, JsonElement body) => AssertValid(responseSchema, body);

    private static void AssertValid(JsonNode responseSchema, JsonElement body)
    {
        var result = Schema(responseSchema).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value));
        Assert.True(result.IsValid, "The simulator's body does not match the spec: " + string.Join("; ", errors) + "\n" + body.GetRawText());
    }
}
