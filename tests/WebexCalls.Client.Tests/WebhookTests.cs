using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WebexCalls.Client.Events;
using WebexCalls.Client.Http;
using WebexCalls.Client.Watching;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>
/// Webhooks through the client (the exact requests, secrets never logged), deliveries read and verified, duplicates,
/// and the event watch's ordering and recovery.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "s3cret-of-the-hook";

    // The shape of a real delivery (API notes 5.3), made up values.
    private static string Delivery(string @event = "created", string eventType = "received", string state = "alerting", string callId = "call-1",
        string time = "2026-12-06T10:00:00.123Z", string? ownedBy = null, string actor = "person-1") =>
        new JsonObject
        {
            ["id"] = "hook-1", ["name"] = "Calls", ["targetUrl"] = "https://example.com/webex", ["resource"] = "telephony_calls", ["event"] = @event,
            ["orgId"] = "org-1", ["createdBy"] = "person-1", ["appId"] = "app-1", ["ownedBy"] = ownedBy ?? "creator", ["status"] = "active",
            ["created"] = "2026-01-01T00:00:00.000Z", ["actorId"] = actor,
            ["data"] = new JsonObject
            {
                ["callId"] = callId, ["callSessionId"] = "session-1", ["personality"] = "terminator", ["state"] = state,
                ["remoteParty"] = new JsonObject { ["name"] = "Jane Doe", ["number"] = "+14085550100", ["privacyEnabled"] = false, ["callType"] = "external" },
                ["appearance"] = 1, ["created"] = "2026-12-06T10:00:00.000Z", ["eventType"] = eventType, ["eventTimestamp"] = time,
            },
        }.ToJsonString();

    private static string Sign(string body, string secret = Secret) =>
        Convert.ToHexString(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))).ToLowerInvariant();

    private static byte[] Key => Encoding.UTF8.GetBytes(Secret);

    [Fact]
    public void A_good_signature_passes_in_either_hex_case()
    {
        var body = Delivery();
        WebexEventReader.Verify(Encoding.UTF8.GetBytes(body), Sign(body), Key);
        WebexEventReader.Verify(Encoding.UTF8.GetBytes(body), Sign(body).ToUpperInvariant(), Key);
    }

    public static TheoryData<string, string?, WebexEventProblem> BadSignatures()
    {
        var body = Delivery();
        var good = Sign(body);
        return new()
        {
            { "missing", null, WebexEventProblem.SignatureMissing },
            { "blank", "  ", WebexEventProblem.SignatureMissing },
            { "another secret", Sign(body, "other"), WebexEventProblem.SignatureInvalid },
            { "one digit changed", (good[0] == '0' ? "1" : "0") + good[1..], WebexEventProblem.SignatureInvalid },
            { "cut short", good[..38], WebexEventProblem.SignatureInvalid },
            { "not hex", new string('z', 40), WebexEventProblem.SignatureInvalid },
            { "sha256 length", good + good[..24], WebexEventProblem.SignatureInvalid },
        };
    }

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public void A_bad_or_missing_signature_is_refused_and_the_message_holds_no_secret(string _, string? signature, WebexEventProblem problem)
    {
        var error = Assert.Throws<WebexEventException>(() => WebexEventReader.Verify(Encoding.UTF8.GetBytes(Delivery()), signature, Key));
        Assert.Equal(problem, error.Problem);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void A_tampered_body_fails_even_when_it_means_the_same_json()
    {
        var body = Delivery();
        var signature = Sign(body);
        var reformatted = JsonNode.Parse(body)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var changed = body.Replace("alerting", "connected");
        Assert.Throws<WebexEventException>(() => WebexEventReader.Verify(Encoding.UTF8.GetBytes(reformatted), signature, Key));
        Assert.Throws<WebexEventException>(() => WebexEventReader.Verify(Encoding.UTF8.GetBytes(changed), signature, Key));
    }

    [Fact]
    public void A_delivery_reads_into_an_event_with_its_call_read_from_callId()
    {
        var read = WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery()), DateTimeOffset.UtcNow);
        Assert.Equal(WebexEventKind.Created, read.Event);
        Assert.Equal("received", read.EventType);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 10, 0, 0, 123, TimeSpan.Zero), read.EventTime);
        Assert.Equal(("hook-1", "Calls", WebhookResource.Calls), (read.WebhookId, read.WebhookName, read.Resource));
        Assert.Equal(("person-1", "org-1"), (read.ActorId, read.OrgId));
        Assert.NotNull(read.Call);
        Assert.Equal("call-1", read.Call!.Id);
        Assert.Equal(CallState.Alerting, read.Call.State);
        Assert.Equal("Jane Doe", read.Call.RemoteParty!.Name);
        Assert.Null(read.Call.MemberId);   // the user's own webhook: the call acts as the user's
    }

    [Fact]
    public void An_organisation_webhook_event_carries_its_member_and_unknown_words_are_kept()
    {
        var read = WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery("updated", "somethingNew", ownedBy: "org", actor: "member-7")), DateTimeOffset.UtcNow);
        Assert.Equal("member-7", read.Call!.MemberId);
        Assert.Equal("org-1", read.Call.OrgId);
        Assert.Equal("somethingNew", read.EventType);
        // An admin's webhook without ownedBy org: the actor is not the creator, so the call is the actor's.
        var admins = WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery(actor: "member-8").Replace("\"createdBy\":\"person-1\"", "\"createdBy\":\"admin-1\"")), DateTimeOffset.UtcNow);
        Assert.Equal("member-8", admins.Call!.MemberId);
        var odd = WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery("migrated")), DateTimeOffset.UtcNow);
        Assert.Equal((WebexEventKind.Unknown, "migrated"), (odd.Event, odd.RawEvent));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"id":"hook-1","event":"created"}""")]
    [InlineData("""{"id":"hook-1","data":{"callId":"c"}}""")]
    [InlineData("""{"event":"created","data":"text"}""")]
    public void A_body_that_is_not_an_event_is_refused_as_such(string body)
    {
        var error = Assert.Throws<WebexEventException>(() => WebexEventReader.Read(Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow));
        Assert.Equal(WebexEventProblem.NotAnEvent, error.Problem);
    }

    [Fact]
    public void The_same_event_twice_passes_once_and_the_memory_is_bounded()
    {
        var duplicates = new EventDeduplicator(capacity: 2);
        var first = WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery()), DateTimeOffset.UtcNow);
        var again = WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery()), DateTimeOffset.UtcNow.AddSeconds(1));
        var next = WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery("updated", "answered", "connected", time: "2026-12-06T10:00:05.000Z")), DateTimeOffset.UtcNow);
        Assert.True(duplicates.IsFirst(first));
        Assert.False(duplicates.IsFirst(again));
        Assert.True(duplicates.IsFirst(next));
        Assert.True(duplicates.IsFirst(WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery(callId: "call-2")), DateTimeOffset.UtcNow)));
        Assert.True(duplicates.IsFirst(again));   // forgotten: only the last two are remembered
    }

    [Fact]
    public void A_made_secret_is_64_hex_characters_and_differs_each_time()
    {
        var one = WebhookSecret.ToText(WebhookSecret.Generate());
        var two = WebhookSecret.ToText(WebhookSecret.Generate());
        Assert.Matches("^[0-9a-f]{64}$", one);
        Assert.NotEqual(one, two);
    }

    private sealed class BodyLog : IWebexRequestObserver
    {
        public List<string> Bodies { get; } = new();
        public bool WantsBodies => true;
        public void RequestSending(string method, string path, string? body) { if (body != null) { lock (Bodies) { Bodies.Add(body); } } }
        public void ResponseReceived(string method, string path, int? statusCode, TimeSpan elapsed, string? trackingId, string? body) { if (body != null) { lock (Bodies) { Bodies.Add(body); } } }
        public void RetryWaiting(string method, string path, string cause, TimeSpan wait, string waitSource, int nextTry, int maxTries) { }
    }

    private static (WebexCallsClient Client, StubHandler Stub, BodyLog Log) Create(StubHandler stub)
    {
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub);
        var log = new BodyLog();
        return (connection.CreateClient(log), stub, log);
    }

    private const string Echo = """{"id":"hook-1","name":"Calls","targetUrl":"https://example.com/webex","resource":"telephony_calls","event":"all","secret":"s3cret-of-the-hook","status":"active","created":"2026-12-06T10:00:00Z"}""";

    [Fact]
    public async Task Create_sends_the_spec_fields_and_event_all_and_neither_the_object_nor_a_log_keeps_the_secret()
    {
        var (client, stub, log) = Create(StubHandler.Answer(HttpStatusCode.OK, Echo));
        var made = await client.Webhooks.CreateAsync(new WebhookSpec { Name = "Calls", TargetUrl = new Uri("https://example.com/webex"), OrgWide = true }, Secret, default);
        var (request, body) = stub.Requests.Single();
        Assert.Equal("POST", request.Method.Method);
        Assert.Equal("https://webex.test/v1/webhooks", request.RequestUri!.AbsoluteUri);
        var sent = JsonNode.Parse(body!)!.AsObject();
        Assert.Equal(("Calls", "https://example.com/webex", "telephony_calls", "all", Secret, "org"),
            ((string)sent["name"]!, (string)sent["targetUrl"]!, (string)sent["resource"]!, (string)sent["event"]!, (string)sent["secret"]!, (string)sent["ownedBy"]!));
        Assert.True(made.HasSecret);
        Assert.Null(made.Secret);
        Assert.Equal((WebhookEvent.All, WebhookStatus.Active, WebhookResource.Calls), (made.Event, made.Status, made.Resource));
        Assert.NotEmpty(log.Bodies);
        Assert.All(log.Bodies, logged => Assert.DoesNotContain(Secret, logged));
    }

    [Fact]
    public async Task An_update_without_name_or_target_reads_them_first_since_webex_needs_both()
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.OK, Echo));
        await client.Webhooks.UpdateAsync("hook-1", null, null, null, activate: true, default);
        Assert.Equal(new[] { "GET", "PUT" }, stub.Requests.Select(r => r.Request.Method.Method));
        var sent = JsonNode.Parse(stub.Requests[1].Body!)!.AsObject();
        Assert.Equal(("Calls", "https://example.com/webex", "active"), ((string)sent["name"]!, (string)sent["targetUrl"]!, (string)sent["status"]!));
        Assert.False(sent.ContainsKey("secret"));
    }

    [Fact]
    public async Task The_list_follows_links_and_keeps_only_call_and_conference_webhooks()
    {
        var stub = new StubHandler((request, _) =>
        {
            var second = request.RequestUri!.Query.Contains("cursor");
            var items = second
                ? """[{"id":"h3","resource":"telephony_conference","event":"all","status":"inactive"}]"""
                : """[{"id":"h1","resource":"telephony_calls","event":"created","status":"active"},{"id":"h2","resource":"messages","event":"created"}]""";
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"items\":" + items + "}", Encoding.UTF8, "application/json") };
            if (!second)
            {
                response.Headers.TryAddWithoutValidation("Link", "<https://webex.test/v1/webhooks?max=100&cursor=abc>; rel=\"next\"");
            }

            return Task.FromResult(response);
        });
        var (client, _, _) = Create(stub);
        var seen = new List<WebexWebhook>();
        await client.Webhooks.ListAsync(false, page => seen.AddRange(page), default);
        Assert.Equal(new[] { "h1", "h3" }, seen.Select(hook => hook.Id));
        Assert.Equal(WebhookStatus.Inactive, seen[1].Status);
        Assert.Equal("https://webex.test/v1/webhooks?max=100", stub.Requests[0].Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task No_registration_reads_as_none_and_a_write_sends_actor_and_resource_interests()
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.NotFound, """{"message":"none"}"""));
        Assert.Null(await client.Webhooks.GetInterestsAsync(default));
        var (writer, written, _) = Create(StubHandler.Answer(HttpStatusCode.NoContent));
        await writer.Webhooks.SetInterestsAsync(new[] { "Workspaces", "Virtual Lines" }, new[] { "Queue" }, 30, default);
        Assert.Equal("""{"interests":[{"actor":"Workspaces"},{"actor":"Virtual Lines"},{"resource":"Queue"}],"duration":30}""", written.Requests.Single().Body);
        await Assert.ThrowsAsync<ArgumentException>(() => writer.Webhooks.SetInterestsAsync(Array.Empty<string>(), Array.Empty<string>(), null, default));
    }

    [Fact]
    public void Secrets_are_redacted_from_any_json_a_log_sees()
    {
        Assert.Equal("""{"name":"x","secret":"(redacted)","Secret" : "(redacted)"}""", SecretRedactor.Redact("""{"name":"x","secret":"a\"b","Secret" : "c"}"""));
        Assert.Equal("""{"name":"x"}""", SecretRedactor.Redact("""{"name":"x"}"""));
    }

    // The event watch, over a stub whose call list is scripted.
    private static (CallEventWatcher Watcher, Func<string> List, Action<string> SetList, StubHandler Stub) EventWatch(TimeSpan resync)
    {
        var list = """{"items":[]}""";
        var stub = new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Volatile.Read(ref list), Encoding.UTF8, "application/json") }));
        var (client, _, _) = Create(stub);
        var watcher = new CallEventWatcher(client, new[] { CallScope.User }, new CallEventWatchOptions { ResyncInterval = resync });
        return (watcher, () => list, text => Volatile.Write(ref list, text), stub);
    }

    private static WebexCallEvent Event(string @event, string type, string state, string time, string callId = "call-1") =>
        WebexEventReader.Read(Encoding.UTF8.GetBytes(Delivery(@event, type, state, callId, time)), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Events_out_of_order_and_twice_still_end_in_the_right_state()
    {
        var (watcher, _, setList, _) = EventWatch(TimeSpan.FromHours(1));
        var changes = new List<CallChange>();
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(change => { lock (changes) { changes.Add(change); } }, (_, _) => { }, _ => { }, stop.Token);
        await WaitFor(() => watcher.Reads == 1);

        // The first event is about a call never seen created, so the watch re-reads at once: Webex lists the call then.
        setList("""{"items":[{"id":"call-1","callSessionId":"session-1","personality":"terminator","state":"alerting","remoteParty":{"name":"Jane Doe","number":"+14085550100","privacyEnabled":false,"callType":"external"}}]}""");

        // Delivered: updated before created, answered twice, and a late update after the end.
        watcher.Apply(Event("updated", "updated", "alerting", "2026-12-06T10:00:00.200Z"));
        watcher.Apply(Event("created", "received", "alerting", "2026-12-06T10:00:00.100Z"));
        watcher.Apply(Event("updated", "answered", "connected", "2026-12-06T10:00:05.000Z"));
        watcher.Apply(Event("updated", "answered", "connected", "2026-12-06T10:00:05.000Z"));
        watcher.Apply(Event("deleted", "disconnected", "disconnected", "2026-12-06T10:01:00.000Z"));
        watcher.Apply(Event("updated", "held", "held", "2026-12-06T10:00:30.000Z"));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(new[] { CallChangeKind.Added, CallChangeKind.StateChanged, CallChangeKind.Removed }, changes.Select(change => change.Change));
        Assert.Equal(CallState.Connected, changes[1].State);
        Assert.Equal(CallState.Connected, changes[2].PreviousState);
    }

    [Fact]
    public async Task A_lost_end_is_recovered_by_the_next_re_reading_and_an_unknown_call_asks_for_one_at_once()
    {
        var (watcher, _, setList, stub) = EventWatch(TimeSpan.FromMilliseconds(300));
        var changes = new List<CallChange>();
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(change => { lock (changes) { changes.Add(change); } }, (_, _) => { }, _ => { }, stop.Token);
        await WaitFor(() => watcher.Reads == 1);

        setList("""{"items":[{"id":"call-1","personality":"terminator","state":"connected","remoteParty":{"name":"Jane Doe"}}]}""");
        watcher.Apply(Event("created", "received", "alerting", "2026-12-06T10:00:00.100Z"));
        watcher.Apply(Event("updated", "answered", "connected", "2026-12-06T10:00:01.000Z"));
        // The deleted event never comes; the call is gone from Webex's list.
        setList("""{"items":[]}""");
        await WaitFor(() => { lock (changes) { return changes.Any(change => change.Change == CallChangeKind.Removed); } });

        // An event about a call never seen created is a sign of loss: a re-reading follows at once.
        var before = watcher.Reads;
        watcher.Apply(Event("updated", "held", "held", "2026-12-06T10:02:00.000Z", "call-9"));
        await WaitFor(() => watcher.Reads > before);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.All(stub.Requests, request => Assert.Equal("/v1/telephony/calls", request.Request.RequestUri!.AbsolutePath));
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
