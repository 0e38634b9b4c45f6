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

        var paths = SpecFile.Json["paths"]!.AsObject();
        var log = await Sim.GetJsonAsync("_simulator/requests");
        Assert.Equal(11, log.GetArrayLength());   // control API calls are not logged
        foreach (var entry in log.EnumerateArray())
        {
            var method = entry.GetProperty("method").GetString()!.ToLowerInvariant();
            var path = entry.GetProperty("path").GetString()!["/v1".Length..].TrimEnd('/');
            var specPath = paths.ContainsKey(path) ? path : "/telephony/calls/{callId}";
            var status = entry.GetProperty("status").GetInt32().ToString();
            var responses = paths[specPath]![method]!["responses"]!.AsObject();
            Assert.True(responses.ContainsKey(status), $"{method.ToUpperInvariant()} {path} answered {status}, which the spec does not list for {specPath}.");
        }
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

    private static void AssertValid(JsonNode responseSchema, JsonElement body)
    {
        var result = Schema(responseSchema).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors != null)
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value));
        Assert.True(result.IsValid, "The simulator's body does not match the spec: " + string.Join("; ", errors) + "\n" + body.GetRawText());
    }
}
