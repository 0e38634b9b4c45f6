using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using WebexCalls.Client.Http;
using WebexCalls.Client.Watching;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>Watching calls: what counts as a change, how the watcher polls, and how a wait ends.</summary>
public class WatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static CallSession Call(string id, CallState state, string number = "+14085550100", bool? muted = null, string? session = null) => new()
    {
        Id = id,
        CallSessionId = session ?? "session-" + id,
        State = state,
        RawState = state.ToString(),
        Personality = CallPersonality.Terminator,
        Muted = muted,
        RemoteParty = new RemoteParty { Name = "Jane Doe", Number = number },
    };

    [Fact]
    public void Each_kind_of_change_is_named_once_and_unchanged_calls_say_nothing()
    {
        var before = new[] { Call("a", CallState.Alerting), Call("b", CallState.Connected), Call("c", CallState.Connected), Call("d", CallState.Held) };
        var after = new[] { Call("a", CallState.Connected), Call("b", CallState.Connected, muted: true), Call("d", CallState.Held), Call("e", CallState.Alerting) };

        var changes = CallChangeDetector.Compare(before, after, Now);

        Assert.Collection(changes,
            c => Assert.Equal((CallChangeKind.StateChanged, "a", (CallState?)CallState.Alerting, CallState.Connected), (c.Change, c.CallId, c.PreviousState, c.State)),
            c => Assert.Equal((CallChangeKind.Updated, "b", "Muted"), (c.Change, c.CallId, c.Changed)),
            c => Assert.Equal((CallChangeKind.Added, "e", (CallState?)null), (c.Change, c.CallId, c.PreviousState)),
            c => Assert.Equal((CallChangeKind.Removed, "c", (CallState?)CallState.Connected, CallState.Disconnected), (c.Change, c.CallId, c.PreviousState, c.State)));
        Assert.All(changes, c => Assert.Equal(Now, c.SeenAt));
        Assert.Empty(CallChangeDetector.Compare(after, after, Now));
    }

    [Fact]
    public void A_new_remote_party_is_an_update_and_a_call_whose_id_changed_is_followed_by_its_session()
    {
        var changes = CallChangeDetector.Compare(
            new[] { Call("a", CallState.Connected), Call("dial-1", CallState.Alerting, session: "s1") },
            new[] { Call("a", CallState.Connected, number: "1234"), Call("dial-2", CallState.Connecting, session: "s1") },
            Now);

        Assert.Equal((CallChangeKind.Updated, "RemoteParty"), (changes[0].Change, changes[0].Changed));
        Assert.Equal((CallChangeKind.StateChanged, "dial-2", (CallState?)CallState.Alerting), (changes[1].Change, changes[1].CallId, changes[1].PreviousState));
        Assert.Equal(2, changes.Count);
    }

    /// <summary>A network whose answers follow a script per member, counting reads in flight.</summary>
    private sealed class ScriptedOrg
    {
        private readonly ConcurrentDictionary<string, int> _inFlight = new();
        private int _total;

        public ConcurrentDictionary<string, string> Lists { get; } = new();
        public ConcurrentDictionary<string, int> Reads { get; } = new();
        public int MaxTotal { get; private set; }
        public int MaxPerMember { get; private set; }
        public Func<string, HttpStatusCode> Status { get; set; } = _ => HttpStatusCode.OK;

        public StubHandler Handler => new(async (request, token) =>
        {
            // The user's own list is keyed "user"; a member's by its id.
            var member = request.RequestUri!.AbsolutePath.Contains("/members/") ? request.RequestUri.AbsolutePath.Split('/')[^2] : "user";
            lock (this)
            {
                MaxTotal = Math.Max(MaxTotal, ++_total);
                MaxPerMember = Math.Max(MaxPerMember, _inFlight.AddOrUpdate(member, 1, (_, n) => n + 1));
            }

            try
            {
                await Task.Delay(5, token);
                Reads.AddOrUpdate(member, 1, (_, n) => n + 1);
                var status = Status(member);
                var response = new HttpResponseMessage(status)
                {
                    Content = new StringContent(status == HttpStatusCode.OK ? Lists.GetValueOrDefault(member, """{"items":[]}""") : """{"message":"no"}""", Encoding.UTF8),
                };
                response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return response;
            }
            finally
            {
                lock (this)
                {
                    _total--;
                    _inFlight.AddOrUpdate(member, 0, (_, n) => n - 1);
                }
            }
        });
    }

    private static WebexCallsClient Client(StubHandler stub, int maxRetries = 0)
    {
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub,
            new RetryPolicy { MaxRetryCount = maxRetries });
        return connection.CreateClient();
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task A_watch_reads_each_member_once_per_round_within_the_limit_and_reports_changes_and_failures_without_stopping()
    {
        var org = new ScriptedOrg();
        var members = Enumerable.Range(1, 12).Select(i => "m" + i).ToList();
        org.Lists["m1"] = """{"items":[{"id":"old","state":"connected"}]}""";
        org.Status = member => member == "m2" ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
        var watcher = new CallWatcher(Client(org.Handler), members.Select(m => CallScope.ForMember(m, null)).ToList(),
            new CallWatchOptions { Interval = TimeSpan.FromMilliseconds(60), MaxConcurrency = 3 });
        var changes = new ConcurrentQueue<CallChange>();
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var run = watcher.RunAsync(changes.Enqueue, (scope, _) => failures.Enqueue(scope.MemberId!), _ => { }, stop.Token);
        await Until(() => org.Reads.GetValueOrDefault("m12") >= 1);
        Assert.Empty(changes);   // the calls there at the start are not news

        org.Lists["m1"] = """{"items":[{"id":"old","state":"held"},{"id":"new","state":"alerting"}]}""";
        org.Lists["m7"] = """{"items":[{"id":"m7-call","state":"alerting"}]}""";
        await Until(() => changes.Count >= 3);
        await Until(() => org.Reads.GetValueOrDefault("m12") >= 4);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c.CallId == "old" && c.Change == CallChangeKind.StateChanged && c.MemberId == "m1");
        Assert.Contains(changes, c => c.CallId == "new" && c.Change == CallChangeKind.Added);
        Assert.Contains(changes, c => c.CallId == "m7-call" && c.Change == CallChangeKind.Added && c.MemberId == "m7");
        // m2 refused (403): reported once, then no longer read; the others go on.
        Assert.Equal(new[] { "m2" }, failures);
        Assert.Equal(1, org.Reads["m2"]);
        members.Remove("m2");
        Assert.True(org.MaxTotal <= 3, "in flight: " + org.MaxTotal);
        Assert.Equal(1, org.MaxPerMember);
        // Every member is read once per round: the first member is at most one round ahead of the last.
        Assert.All(members, m => Assert.InRange(org.Reads[m], org.Reads["m12"], org.Reads["m12"] + 1));
    }

    [Fact]
    public async Task A_token_webex_no_longer_accepts_ends_the_watch_without_reading_every_member()
    {
        var org = new ScriptedOrg { Status = _ => HttpStatusCode.Unauthorized };
        var watcher = new CallWatcher(Client(org.Handler), Enumerable.Range(1, 200).Select(i => CallScope.ForMember("m" + i, null)).ToList(),
            new CallWatchOptions { Interval = TimeSpan.FromSeconds(1), MaxConcurrency = 2 });
        var failures = 0;

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => watcher.RunAsync(_ => { }, (_, _) => failures++, _ => { }, CancellationToken.None));

        Assert.Equal(WebexErrorKind.Unauthorized, ex.Kind);
        Assert.Equal(0, failures);
        Assert.True(org.Reads.Values.Sum() < 10, "reads: " + org.Reads.Values.Sum());
    }

    [Fact]
    public async Task A_watch_whose_every_owner_is_refused_ends_by_itself()
    {
        var org = new ScriptedOrg { Status = _ => HttpStatusCode.NotFound };
        var watcher = new CallWatcher(Client(org.Handler), [CallScope.ForMember("gone", null)], new CallWatchOptions { Interval = TimeSpan.FromMilliseconds(20) });
        var notes = new ConcurrentQueue<string>();

        await watcher.RunAsync(_ => { }, (_, _) => { }, notes.Enqueue, CancellationToken.None);

        Assert.Contains(notes, n => n.Contains("No owner of calls is left"));
        Assert.Equal(1, org.Reads["gone"]);
    }

    [Fact]
    public async Task With_include_existing_the_first_reading_is_reported_as_added()
    {
        var org = new ScriptedOrg();
        org.Lists["user"] = """{"items":[{"id":"a","state":"connected"},{"id":"b","state":"held"}]}""";
        var watcher = new CallWatcher(Client(org.Handler), [CallScope.User], new CallWatchOptions { Interval = TimeSpan.FromMilliseconds(30), IncludeExisting = true });
        var changes = new ConcurrentQueue<CallChange>();
        var notes = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var run = watcher.RunAsync(changes.Enqueue, (_, _) => { }, notes.Enqueue, stop.Token);
        await Until(() => org.Reads.GetValueOrDefault("user") >= 3);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(new[] { "a", "b" }, changes.Select(c => c.CallId));
        Assert.All(changes, c => Assert.Equal(CallChangeKind.Added, c.Change));
        Assert.Contains(notes, n => n.Contains("the user every 0.03 s"));
    }

    [Fact]
    public async Task A_round_longer_than_the_interval_stretches_it_and_says_so()
    {
        var org = new ScriptedOrg();
        var watcher = new CallWatcher(Client(org.Handler), Enumerable.Range(1, 20).Select(i => CallScope.ForMember("m" + i, null)).ToList(),
            new CallWatchOptions { Interval = TimeSpan.FromMilliseconds(10), MaxConcurrency = 1 });
        var notes = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var run = watcher.RunAsync(_ => { }, (_, _) => { }, notes.Enqueue, stop.Token);
        await Until(() => notes.Any(n => n.Contains("stretches")));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, org.MaxTotal);
    }

    [Fact]
    public async Task A_wait_ends_when_the_state_is_reached_when_the_call_ends_or_when_time_runs_out()
    {
        var reads = 0;
        var stub = new StubHandler((request, _) =>
        {
            var n = Interlocked.Increment(ref reads);
            var response = n switch
            {
                1 => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"a","state":"alerting"}""") },
                2 => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"a","state":"connected"}""") },
                _ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"message":"Call not found"}""") },
            };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(response);
        });
        var client = Client(stub);
        var seen = new List<CallState>();
        var given = new CallSession { Id = "a" };

        var reached = await client.WaitForStateAsync(given, false, CallScope.User, [CallState.Connected], TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30),
            (call, _) => seen.Add(call.State), CancellationToken.None);
        Assert.Equal((CallWaitOutcome.Reached, CallState.Connected), (reached.Outcome, reached.Call.State));
        Assert.Equal(new[] { CallState.Alerting }, seen);

        // The third read (and the session fallback's list) are 404: the call ended; the last call seen comes back.
        var ended = await client.WaitForStateAsync(reached.Call, false, CallScope.User, [CallState.Held], TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30), null, CancellationToken.None);
        Assert.Equal((CallWaitOutcome.Ended, CallState.Connected), (ended.Outcome, ended.Call.State));

        // A fresh reading that is not yet there, and no time: timed out, without a request.
        var before = reads;
        var timedOut = await client.WaitForStateAsync(new CallSession { Id = "a", State = CallState.Alerting }, true, CallScope.User, [CallState.Connected],
            TimeSpan.FromSeconds(1), TimeSpan.Zero, null, CancellationToken.None);
        Assert.Equal((CallWaitOutcome.TimedOut, before), (timedOut.Outcome, reads));
    }
}
