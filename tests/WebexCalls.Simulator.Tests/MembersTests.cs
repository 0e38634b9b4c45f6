using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebexCalls.Tests.Shared;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>Admin mode in the simulator: the organisation's members, their routes, orgId, scopes and latency.</summary>
public class MembersTests : SimulatorTestBase
{
    private async Task<string[]> SeedMembersAsync(int count, int activeCalls = 0)
    {
        var response = await Sim.PostJson("_simulator/members", JsonSerializer.Serialize(new { count, activeCalls }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("ids").EnumerateArray().Select(id => id.GetString()!).ToArray();
    }

    [Fact]
    public async Task Thousands_of_members_are_seeded_in_one_request_each_with_their_own_calls()
    {
        var ids = await SeedMembersAsync(2000, activeCalls: 1);

        Assert.Equal(2000, ids.Distinct().Count());
        Assert.All(ids.Take(3), id => Assert.StartsWith("Y2lzY29zcGFyazovL3VzL1BFT1BMRS", id));   // ciscospark://us/PEOPLE/
        var calls = (await Sim.GetJsonAsync($"v1/telephony/calls/members/{ids[1999]}/calls")).GetProperty("items");
        Assert.Equal("connected", Assert.Single(calls.EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal(0, (await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").GetArrayLength());   // the user's own are apart
        // Call ids are unique across the organisation, as Webex's are.
        var firstCalls = new List<string>();
        foreach (var id in ids.Take(3))
        {
            firstCalls.Add((await Sim.GetJsonAsync($"v1/telephony/calls/members/{id}/calls")).GetProperty("items")[0].GetProperty("id").GetString()!);
        }

        Assert.Equal(3, firstCalls.Distinct().Count());
    }

    [Fact]
    public async Task A_member_dials_holds_and_hangs_up_through_the_members_routes()
    {
        var member = (await SeedMembersAsync(1))[0];
        var dial = await Sim.PostJson($"v1/telephony/calls/members/{member}/dial", """{"destination":"1234"}""");
        Assert.Equal(HttpStatusCode.Created, dial.StatusCode);
        var callId = (await dial.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson($"v1/telephony/calls/members/{member}/hold", $$"""{"callId":"{{callId}}"}""")).StatusCode);
        Assert.Equal("held", (await Sim.GetJsonAsync($"v1/telephony/calls/members/{member}/calls/{callId}")).GetProperty("state").GetString());

        // A call id alone never crosses into another member, nor into the user's own calls.
        var other = (await SeedMembersAsync(1))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await Sim.PostJson($"v1/telephony/calls/members/{other}/hangup", $$"""{"callId":"{{callId}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Sim.PostJson("v1/telephony/calls/hangup", $$"""{"callId":"{{callId}}"}""")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson($"v1/telephony/calls/members/{member}/hangup", $$"""{"callId":"{{callId}}"}""")).StatusCode);
    }

    [Fact]
    public async Task OrgId_is_checked_and_an_unknown_member_is_404()
    {
        var member = (await SeedMembersAsync(1))[0];
        Assert.Equal(HttpStatusCode.OK, (await Sim.Http.GetAsync($"v1/telephony/calls/members/{member}/calls?orgId={Organization.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Sim.Http.GetAsync($"v1/telephony/calls/members/{member}/calls?orgId=someone-else")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Sim.Http.GetAsync("v1/telephony/calls/members/nobody/calls")).StatusCode);
    }

    [Fact]
    public async Task Members_routes_need_admin_scopes_and_user_routes_need_user_scopes()
    {
        var member = (await SeedMembersAsync(1))[0];
        await Sim.PostJson("_simulator/tokens", """{ "token": "user", "scopes": ["spark:calls_read", "spark:calls_write"] }""");
        await Sim.PostJson("_simulator/tokens", """{ "token": "service-app", "scopes": ["spark-admin:calls_read", "spark-admin:calls_write"] }""");
        await Sim.PostJson("_simulator/tokens", """{ "token": "admin-reader", "scopes": ["spark-admin:calls_read"] }""");

        async Task<HttpStatusCode> As(string token, HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new StringContent("""{"destination":"1234"}""") : null };
            request.Headers.Authorization = new("Bearer", token);
            return (await Sim.Http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await As("user", HttpMethod.Get, $"v1/telephony/calls/members/{member}/calls"));
        Assert.Equal(HttpStatusCode.OK, await As("user", HttpMethod.Get, "v1/telephony/calls"));
        Assert.Equal(HttpStatusCode.Forbidden, await As("service-app", HttpMethod.Get, "v1/telephony/calls"));
        Assert.Equal(HttpStatusCode.OK, await As("service-app", HttpMethod.Get, $"v1/telephony/calls/members/{member}/calls"));
        Assert.Equal(HttpStatusCode.Created, await As("service-app", HttpMethod.Post, $"v1/telephony/calls/members/{member}/dial"));
        Assert.Equal(HttpStatusCode.Forbidden, await As("admin-reader", HttpMethod.Post, $"v1/telephony/calls/members/{member}/dial"));
    }

    [Fact]
    public async Task Wrap_up_reasons_apply_to_the_members_last_completed_call()
    {
        var member = (await SeedMembersAsync(1, activeCalls: 1))[0];
        var path = $"v1/telephony/calls/members/{member}/wrapupreasons";
        Assert.Equal(HttpStatusCode.NotFound, (await Sim.PostJson(path, """{"wrapupReasons":["Billing"]}""")).StatusCode);

        var call = (await Sim.GetJsonAsync($"v1/telephony/calls/members/{member}/calls")).GetProperty("items")[0].GetProperty("id").GetString();
        await Sim.PostJson($"v1/telephony/calls/members/{member}/hangup", $$"""{"callId":"{{call}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.PostJson(path, """{"wrapupReasons":[]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson(path, """{"wrapupReasons":["Billing","Escalated"]}""")).StatusCode);

        var listed = (await Sim.GetJsonAsync("_simulator/members"))[0];
        Assert.Equal(new[] { "Billing", "Escalated" }, listed.GetProperty("lastWrapUpReasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_members_history_is_not_offered_and_answers_the_404_of_an_unknown_path()
    {
        var member = (await SeedMembersAsync(1))[0];
        var response = await Sim.Http.GetAsync($"v1/telephony/calls/members/{member}/history");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The requested resource could not be found.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public void A_latency_put_for_the_same_route_replaces_the_last_one()
    {
        // Issue 15: a second PUT only took effect after a reset, because the first rule matched first.
        var latency = new Latency(Microsoft.Extensions.Options.Options.Create(new SimulatorOptions()));
        latency.Add(new LatencyRule("GET", "/telephony/calls/members", 1000));
        latency.Add(new LatencyRule("GET", "/telephony/calls/members", 0));
        Assert.Equal(0, latency.For("GET", "/telephony/calls/members/m1/calls"));
        latency.Add(new LatencyRule(null, "/telephony/calls", 250));
        Assert.Equal(250, latency.For("GET", "/telephony/calls/members/m1/calls"));
        latency.Clear();
        Assert.Equal(0, latency.For("GET", "/telephony/calls"));
    }

    [Fact]
    public async Task Latency_delays_matching_requests_only()
    {
        using (var put = new StringContent("""{"method":"GET","path":"/telephony/calls/members","delayMs":300}""", System.Text.Encoding.UTF8, "application/json"))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Sim.Http.PutAsync("_simulator/latency", put)).StatusCode);
        }

        var member = (await SeedMembersAsync(1))[0];

        // No clock is read: a client that gives up after 100 ms never hears a route delayed by 300 ms, and hears the
        // others (what the delay costs a fan-out is measured in bench/).
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sim.Http.GetAsync($"v1/telephony/calls/members/{member}/calls", cancel.Token));
        }

        Assert.Equal(HttpStatusCode.OK, (await Sim.Http.GetAsync($"v1/telephony/calls/members/{member}/calls")).StatusCode);
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await Sim.Http.GetAsync("v1/telephony/calls", quick.Token)).StatusCode);
    }

    [SpecFact]
    public async Task The_members_routes_the_spec_confirms_answer_its_statuses_and_schemas()
    {
        var member = (await SeedMembersAsync(1, activeCalls: 1))[0];
        var calls = await Sim.GetJsonAsync($"v1/telephony/calls/members/{member}/calls");
        var callId = calls.GetProperty("items")[0].GetProperty("id").GetString();
        AssertValid("/telephony/calls/members/{memberId}/calls", "get", "200", calls);
        AssertValid("/telephony/calls/members/{memberId}/calls/{callId}", "get", "200", await Sim.GetJsonAsync($"v1/telephony/calls/members/{member}/calls/{callId}"));
        var dial = await Sim.PostJson($"v1/telephony/calls/members/{member}/dial", """{"destination":"1234"}""");
        AssertValid("/telephony/calls/members/{memberId}/dial", "post", "201", await dial.Content.ReadFromJsonAsync<JsonElement>());
        await Sim.PostJson($"v1/telephony/calls/members/{member}/answer", $$"""{"callId":"{{callId}}"}""");   // 409: already connected
        await Sim.PostJson($"v1/telephony/calls/members/{member}/hangup", $$"""{"callId":"{{callId}}"}""");
        await Sim.PostJson($"v1/telephony/calls/members/{member}/hangup", $$"""{"callId":"{{callId}}"}""");   // 404
        await Sim.Http.GetAsync($"v1/telephony/calls/members/{member}/calls?orgId=foreign");                  // 403

        var paths = SpecFile.Json["paths"]!.AsObject();
        foreach (var entry in (await Sim.GetJsonAsync("_simulator/requests")).EnumerateArray())
        {
            var path = entry.GetProperty("path").GetString()!["/v1".Length..].Replace(member, "{memberId}").Replace(callId!, "{callId}");
            var status = entry.GetProperty("status").GetInt32().ToString();
            var responses = paths[path]![entry.GetProperty("method").GetString()!.ToLowerInvariant()]!["responses"]!.AsObject();
            Assert.True(responses.ContainsKey(status), $"{path} answered {status}, which the spec does not list.");
        }
    }

    private static void AssertValid(string path, string method, string status, JsonElement body)
    {
        // The same closed-schema check as SpecConformanceTests, on the members operations.
        var schema = SpecFile.Json["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;
        SpecConformanceTests.AssertMatches(schema, body);
    }
}
