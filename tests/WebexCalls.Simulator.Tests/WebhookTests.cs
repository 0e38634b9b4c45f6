using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebexCalls.Tests.Shared;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>The simulator's webhooks: the spec's routes, and deliveries as Webex makes them (signed, in the captured sequences).</summary>
public sealed class WebhookTests : SimulatorTestBase, IDisposable
{
    private const string Secret = "simulator-test-secret";
    private readonly HttpListener _receiver = new();
    private readonly ConcurrentQueue<(string Body, string? Signature)> _received = new();
    private int _answer = 200;

    public WebhookTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Target = "http://127.0.0.1:" + port + "/hook/";
        _receiver.Prefixes.Add(Target);
        _receiver.Start();
        _ = Task.Run(async () =>
        {
            while (_receiver.IsListening)
            {
                try
                {
                    var context = await _receiver.GetContextAsync();
                    using var reader = new StreamReader(context.Request.InputStream);
                    _received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["X-Spark-Signature"]));
                    context.Response.StatusCode = Volatile.Read(ref _answer);
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
    }

    private string Target { get; }

    public void Dispose() => _receiver.Close();

    private async Task<JsonObject> CreateAsync(string? ownedBy = null, string @event = "all", string? secret = Secret)
    {
        var response = await Sim.PostJson("v1/webhooks", JsonSerializer.Serialize(new { name = "Calls", targetUrl = Target, resource = "telephony_calls", @event, secret, ownedBy }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<List<JsonObject>> ReceivedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await Task.Delay(150);   // anything more that would come
        return _received.Select(item =>
        {
            var expected = Convert.ToHexString(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(item.Body))).ToLowerInvariant();
            Assert.Equal(expected, item.Signature);
            return JsonNode.Parse(item.Body)!.AsObject();
        }).ToList();
    }

    private static string Summary(JsonObject delivery) =>
        delivery["event"] + "/" + delivery["data"]!["eventType"] + "/" + delivery["data"]!["state"];

    [Fact]
    public async Task An_incoming_call_answered_and_hung_up_is_delivered_signed_in_the_captured_sequence()
    {
        var hook = await CreateAsync();
        Assert.Equal(Secret, (string?)hook["secret"]);   // echoed, as the spec's examples do
        var callId = await Sim.SeedIncomingAsync();
        await ReceivedAsync(2);
        await Sim.PostJson("v1/telephony/calls/answer", JsonSerializer.Serialize(new { callId }));
        await ReceivedAsync(3);
        await Sim.PostJson("v1/telephony/calls/hangup", JsonSerializer.Serialize(new { callId }));
        var deliveries = await ReceivedAsync(4);

        Assert.Equal(new[] { "created/received/alerting", "updated/updated/alerting", "updated/answered/connected", "deleted/disconnected/disconnected" },
            deliveries.Select(Summary));
        var first = deliveries[0];
        Assert.Equal(((string)hook["id"]!, "telephony_calls", "active"), ((string)first["id"]!, (string)first["resource"]!, (string)first["status"]!));
        Assert.Equal(callId, (string)first["data"]!["callId"]!);
        Assert.False(first["data"]!.AsObject().ContainsKey("id"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)first["data"]!["eventTimestamp"]!);
        Assert.False(first.ContainsKey("secret"));
        Assert.Equal("APPLICATION", (string)deliveries[1]["data"]!["endpointType"]!);
        Assert.NotNull(deliveries[3]["data"]!["disconnected"]);
    }

    [Fact]
    public async Task Faults_make_the_next_delivery_come_twice_or_not_at_all()
    {
        await CreateAsync();
        await Sim.PostJson("_simulator/deliveries/faults", """{"action":"duplicate","eventType":"received"}""");
        await Sim.PostJson("_simulator/deliveries/faults", """{"action":"drop","eventType":"updated"}""");
        await Sim.SeedIncomingAsync();
        var deliveries = await ReceivedAsync(2);
        Assert.Equal(new[] { "created/received/alerting", "created/received/alerting" }, deliveries.Select(Summary));
        var log = await Sim.GetJsonAsync("_simulator/deliveries");
        Assert.Contains(log.EnumerateArray(), entry => entry.TryGetProperty("fault", out var fault) && fault.GetString() == "drop");
    }

    [Fact]
    public async Task A_target_that_keeps_failing_switches_the_webhook_off_until_a_put_reactivates_it()
    {
        var hook = await CreateAsync();
        Volatile.Write(ref _answer, 500);
        for (var i = 0; i < 3; i++)
        {
            await Sim.SeedIncomingAsync("+1408555010" + i);   // two deliveries each
        }

        var id = (string)hook["id"]!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Sim.GetJsonAsync("v1/webhooks/" + id)).GetProperty("status").GetString() != "inactive")
        {
            Assert.True(DateTime.UtcNow < deadline, "the webhook stayed active");
            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.Http.PutAsJsonAsync("v1/webhooks/" + id, new { name = "Calls", targetUrl = Target, status = "inactive" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.Http.PutAsJsonAsync("v1/webhooks/" + id, new { status = "active" })).StatusCode);
        var put = await Sim.Http.PutAsJsonAsync("v1/webhooks/" + id, new { name = "Renamed", targetUrl = Target, status = "active" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("Renamed", "active"), ((string)(await put.Content.ReadFromJsonAsync<JsonObject>())!["name"]!, (await Sim.GetJsonAsync("v1/webhooks/" + id)).GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.Http.DeleteAsync("v1/webhooks/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Sim.Http.DeleteAsync("v1/webhooks/" + id)).StatusCode);
    }

    [Fact]
    public async Task An_organisation_webhook_gets_members_calls_and_workspaces_only_with_an_interest()
    {
        var seeded = await Sim.PostJson("_simulator/members", """{"members":[{"kind":"person","activeCalls":0},{"kind":"workspace","activeCalls":0}]}""");
        var ids = (await seeded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(id => id.GetString()!).ToList();
        await CreateAsync(ownedBy: "org");
        await Sim.PostJson("_simulator/members/" + ids[1] + "/calls/incoming", """{"number":"+14085550199"}""");
        await Sim.PostJson("_simulator/members/" + ids[0] + "/calls/incoming", """{"number":"+14085550198"}""");
        var deliveries = await ReceivedAsync(2);
        Assert.All(deliveries, delivery => Assert.Equal(ids[0], (string)delivery["actorId"]!));   // the workspace's is not sent

        Assert.Equal(HttpStatusCode.NotFound, (await Sim.Http.GetAsync("v1/telephony/webhookInterestRegistrations")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.PostJson("v1/telephony/webhookInterestRegistrations", """{"interests":[{"actor":"Workspaces","resource":"Agent"}]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("v1/telephony/webhookInterestRegistrations", """{"interests":[{"actor":"Workspaces"}],"duration":30}""")).StatusCode);
        var registration = await Sim.GetJsonAsync("v1/telephony/webhookInterestRegistrations");
        Assert.Equal("Workspaces", registration.GetProperty("interests")[0].GetProperty("actor").GetString());
        _received.Clear();
        await Sim.PostJson("_simulator/members/" + ids[1] + "/calls/incoming", """{"number":"+14085550197"}""");
        Assert.Contains(await ReceivedAsync(1), delivery => (string)delivery["actorId"]! == ids[1]);
    }

    [Fact]
    public async Task The_list_is_paged_by_link_and_bad_bodies_are_refused()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(secret: null);
        }

        var first = await Sim.Http.GetAsync("v1/webhooks?max=2");
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Count);
        var next = first.Headers.GetValues("Link").Single();
        Assert.Matches("^<http://127.0.0.1:\\d+/v1/webhooks\\?max=2&cursor=2>; rel=\"next\"$", next);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.PostJson("v1/webhooks", """{"name":"x","targetUrl":"not a url","resource":"telephony_calls","event":"all"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.PostJson("v1/webhooks", """{"name":"x","targetUrl":"https://e.com","resource":"telephony_calls"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sim.PostJson("v1/webhooks", """{"name":"x","targetUrl":"https://e.com","resource":"telephony_everything","event":"all"}""")).StatusCode);
    }

    [WebhooksSpecFact]
    public async Task Every_field_of_a_webhook_answer_is_in_the_spec_and_the_routes_answer_its_statuses()
    {
        var schema = SpecFile.WebhooksJson["components"]!["schemas"]!["Webhook"]!["properties"]!.AsObject();
        var hook = await CreateAsync(ownedBy: "org");
        Assert.All(hook.Select(pair => pair.Key), key => Assert.True(schema.ContainsKey(key), key + " is not in the spec's Webhook"));
        var paths = SpecFile.WebhooksJson["paths"]!.AsObject();
        Assert.True(paths["/webhooks"]!["post"]!["responses"]!.AsObject().ContainsKey("200"));
        Assert.True(paths["/webhooks/{webhookId}"]!["delete"]!["responses"]!.AsObject().ContainsKey("204"));
        Assert.True(paths["/telephony/webhookInterestRegistrations"]!["post"]!["responses"]!.AsObject().ContainsKey("204"));
        var events = paths["/webhooks"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!["event"]!["enum"]!.AsArray().Select(value => (string)value!);
        Assert.Contains("deleted", events);
        Assert.DoesNotContain("all", events);   // the simulator accepts it anyway, as Webex does
    }
}
