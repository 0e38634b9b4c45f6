using System.Net;
using System.Security;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>
/// No id can take a request anywhere but its operation's own route: every id argument of every client operation is
/// tried with values that a URI parser might turn into another path (dot segments, escapes, separators) or that no
/// Webex id can be (whitespace, control characters, 10,000 characters). Each request is either exactly the one a
/// harmless id makes, with the value escaped in its place, or it is never sent.
/// </summary>
public class IdSafetyTests
{
    private const string Placeholder = "PLACEHOLDER";

    /// <summary>The values issue 15 lists, and a whitespace-only one.</summary>
    public static readonly string[] Hostile =
    {
        ".", "..", "%2e%2e", "%2E%2E", "../x", "a/../../b", "..%2f..%2fdial", "?x=1", "#", "a b", "a\u0001b", "a\u007fb", new string('x', 10000), "Jürgen-通話", "   ", "\t",
    };

    /// <summary>Every client operation that takes an id, once for each id it takes: (name, argument, act with the id).</summary>
    private static readonly (string Name, string Argument, Func<WebexCallsClient, string, Task> Act)[] Operations =
    {
        ("get call", "callId", (c, id) => c.GetCallAsync(id, null, default)),
        ("get call of a member", "memberId", (c, id) => c.GetCallAsync("c1", CallScope.ForMember(id, null), default)),
        ("get call of a member's org", "orgId", (c, id) => c.GetCallAsync("c1", CallScope.ForMember("m1", id), default)),
        ("get call on a line", "lineOwnerId", (c, id) => c.GetCallAsync("c1", CallScope.ForLine(id), default)),
        ("list of a member", "memberId", (c, id) => c.ListCallsAsync(CallScope.ForMember(id, null), default)),
        ("list of a member's org", "orgId", (c, id) => c.ListCallsAsync(CallScope.ForMember("m1", id), default)),
        ("list on a line", "lineOwnerId", (c, id) => c.ListCallsAsync(CallScope.ForLine(id), default)),
        ("history of a member", "memberId", (c, id) => c.ListHistoryAsync(null, CallScope.ForMember(id, null), default)),
        ("history of a member's org", "orgId", (c, id) => c.ListHistoryAsync(null, CallScope.ForMember("m1", id), default)),
        ("dial for a member", "memberId", (c, id) => c.DialAsync("1234", null, CallScope.ForMember(id, null), default)),
        ("dial for a member's org", "orgId", (c, id) => c.DialAsync("1234", null, CallScope.ForMember("m1", id), default)),
        ("dial on a line", "lineOwnerId", (c, id) => c.DialAsync("1234", null, CallScope.ForLine(id), default)),
        ("dial on an endpoint", "endpointId", (c, id) => c.DialAsync("1234", new NewCallOptions { EndpointId = id }, null, default)),
        ("hold", "callId", (c, id) => c.PerformAsync(CallOperations.Hold, id, null, default)),
        ("hold for a member", "memberId", (c, id) => c.PerformAsync(CallOperations.Hold, "c1", CallScope.ForMember(id, null), default)),
        ("hangup for a member's org", "orgId", (c, id) => c.PerformAsync(CallOperations.Hangup, "c1", CallScope.ForMember("m1", id), default)),
        ("push on a line", "lineOwnerId", (c, id) => c.PerformAsync(CallOperations.Push, "c1", CallScope.ForLine(id), default)),
        ("answer", "callId", (c, id) => c.AnswerAsync(id, null, null, default)),
        ("answer on an endpoint", "endpointId", (c, id) => c.AnswerAsync("c1", id, null, default)),
        ("reject", "callId", (c, id) => c.RejectAsync(id, null, null, default)),
        ("divert", "callId", (c, id) => c.DivertAsync(id, null, true, null, default)),
        ("transfer, first call", "callId1", (c, id) => c.TransferAsync(id, "c2", null, default)),
        ("transfer, second call", "callId2", (c, id) => c.TransferAsync("c1", id, null, default)),
        ("mute transfer", "callId1", (c, id) => c.MuteTransferAsync(id, "1234", null, default)),
        ("park", "callId", (c, id) => c.ParkAsync(id, null, false, null, default)),
        ("dtmf", "callId", (c, id) => c.TransmitDtmfAsync(id, "1", null, default)),
        ("retrieve on an endpoint", "endpointId", (c, id) => c.RetrieveAsync(null, new NewCallOptions { EndpointId = id }, null, default)),
        ("pickup for a member", "memberId", (c, id) => c.PickupAsync(null, null, CallScope.ForMember(id, null), default)),
        ("barge in on an endpoint", "endpointId", (c, id) => c.BargeInAsync("1234", new NewCallOptions { EndpointId = id }, null, default)),
        ("pull on an endpoint", "endpointId", (c, id) => c.PullAsync(new NewCallOptions { EndpointId = id }, null, default)),
        ("wrap-up for a member", "memberId", (c, id) => c.SetWrapUpReasonsAsync(CallScope.ForMember(id, null), new[] { "r" }, default)),
        ("wrap-up for a member's org", "orgId", (c, id) => c.SetWrapUpReasonsAsync(CallScope.ForMember("m1", id), new[] { "r" }, default)),
    };

    public static IEnumerable<object[]> Cases() =>
        from operation in Enumerable.Range(0, Operations.Length)
        from value in Enumerable.Range(0, Hostile.Length)
        select new object[] { operation, value };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_id_reaches_its_own_route_escaped_or_is_never_sent(int operation, int value)
    {
        var (name, argument, act) = Operations[operation];
        var hostile = Hostile[value];
        var reference = await SentBy(act, Placeholder);
        Assert.True(reference.Requests.Count == 1, name + ": the placeholder sends one request");

        var tried = await SentBy(act, hostile);

        if (WebexIdRules.IsValid(hostile))
        {
            // Accepted: the very request the placeholder made, with the value escaped where the placeholder was.
            var expected = reference.Requests[0].Request.RequestUri!.PathAndQuery.Replace(Placeholder, Uri.EscapeDataString(hostile));
            Assert.Equal(expected, Assert.Single(tried.Requests).Request.RequestUri!.PathAndQuery);
        }
        else
        {
            Assert.Empty(tried.Requests);
            var error = Assert.IsType<WebexApiException>(tried.Error);
            Assert.Equal(WebexErrorKind.InvalidId, error.Kind);
            Assert.Equal(argument, error.ArgumentName);
            Assert.False(error.MayHaveBeenProcessed);

            // The message quotes the value short: a 10,000-character id is not echoed whole.
            Assert.True(error.Message.Length < 400, name + ": " + error.Message.Length + " characters");
            Assert.DoesNotContain('\u0001', error.Message);
        }
    }

    [Fact]
    public void The_table_covers_every_id_argument_the_client_names()
    {
        var named = new[] { "callId", "callId1", "callId2", "memberId", "orgId", "lineOwnerId", "endpointId" };
        Assert.Equal(named.OrderBy(x => x), Operations.Select(o => o.Argument).Distinct().OrderBy(x => x));
    }

    [Theory]
    [InlineData("telephony/calls/..", true)]
    [InlineData("telephony/calls/%2e%2e", true)]
    [InlineData("telephony/calls/a/../../dial", true)]
    [InlineData("telephony/calls/./hold", true)]
    [InlineData("telephony/calls/..%2F..%2Fdial", false)]
    [InlineData("telephony/calls/c1?lineOwnerId=a%23b", false)]
    [InlineData("telephony/calls/J%C3%BCrgen", false)]
    public void The_route_guard_refuses_a_path_the_uri_parser_changed(string path, bool refused)
    {
        var baseAddress = new Uri("https://webex.test/v1/");
        if (refused)
        {
            var error = Assert.Throws<WebexApiException>(() => Routes.Resolve(baseAddress, path, "GET"));
            Assert.Equal(WebexErrorKind.InvalidId, error.Kind);
        }
        else
        {
            Assert.Equal("/v1/" + path, Routes.Resolve(baseAddress, path, "GET").PathAndQuery);
        }
    }

    [Theory]
    [InlineData("Y2lzY29zcGFyazovL3VzL0NBTEwvMTIz", true)]
    [InlineData("callhalf-6586-1", true)]
    [InlineData("a/b+c=", true)]
    [InlineData("..", false)]
    [InlineData(" c1", false)]
    [InlineData("c1\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Webex_ids_are_told_from_what_no_id_can_be(string? id, bool valid) =>
        Assert.Equal(valid, WebexIdRules.IsValid(id));

    [Fact]
    public void A_quoted_value_keeps_a_real_id_whole_and_shortens_the_rest()
    {
        var realId = "Y2lzY29zcGFyazovL3VzL0NBTExTLzU0MmIwNzA0LTVkNjctNGI3Zi04NDNmLTIxZWNiMDkxNjRjOQ";
        Assert.Equal(realId, WebexIdRules.Quote(realId));
        var quoted = WebexIdRules.Quote(new string('x', 10000));
        Assert.StartsWith(new string('x', 64) + "...", quoted);
        Assert.Contains("10000 characters", quoted);
        Assert.Equal("a?b", WebexIdRules.Quote("a\u001bb"));
    }

    private static async Task<(List<(HttpRequestMessage Request, string? Body)> Requests, Exception? Error)> SentBy(Func<WebexCallsClient, string, Task> act, string id)
    {
        var stub = StubHandler.Answer(HttpStatusCode.NotFound, """{"message":"Call not found","trackingId":"T"}""");
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub, new RetryPolicy { MaxRetryCount = 0 });
        try
        {
            await act(connection.CreateClient(), id);
            return (stub.Requests, null);
        }
        catch (Exception ex)
        {
            return (stub.Requests, ex);
        }
    }
}
