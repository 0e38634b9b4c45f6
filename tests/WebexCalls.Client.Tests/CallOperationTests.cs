using System.Linq;
using System.Net;
using System.Security;
using WebexCalls.Client.Http;
using WebexCalls.Tests.Shared;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>The exact request each operation sends, and how each answer the spec allows is read.</summary>
public class CallOperationTests
{
    private const string Created = """{"callId":"new-1","callSessionId":"s9"}""";

    private static (WebexCallsClient Client, StubHandler Stub) Create(StubHandler stub)
    {
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub);
        return (connection.CreateClient(), stub);
    }

    private static async Task<(string Path, string? Body)> Sent(HttpStatusCode status, string? answer, Func<WebexCallsClient, Task> act)
    {
        var (client, stub) = Create(StubHandler.Answer(status, answer));
        await act(client);
        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        return (request.RequestUri!.PathAndQuery, body);
    }

    // Every row of the operation table whose body is only a call id: a new such row is covered the day it is added.
    public static TheoryData<string> Actions => new(CallOperations.All.Where(operation => operation.Body == "callId").Select(operation => operation.Name));

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_simple_action_posts_the_call_id_to_its_path(string operation)
    {
        var (path, body) = await Sent(HttpStatusCode.NoContent, null, c => c.PerformAsync(CallOperations.Named(operation), "c1", null, CancellationToken.None));
        Assert.Equal("/v1/telephony/calls/" + operation, path);
        Assert.Equal("""{"callId":"c1"}""", body);
    }

    [Fact]
    public void The_table_has_the_ten_simple_actions_and_refuses_the_others_as_simple()
    {
        Assert.Equal(10, CallOperations.All.Count(operation => operation.Body == "callId"));
        var (client, _) = Create(StubHandler.Answer(HttpStatusCode.NoContent, null));
        foreach (var other in CallOperations.All.Where(operation => operation.Body != "callId"))
        {
            // Refused as the call is made, before any task or request.
            Assert.Throws<ArgumentException>(() => { _ = client.PerformAsync(other, "c1", null, CancellationToken.None); });
        }
    }

    [SpecFact]
    public void The_table_and_Cisco_spec_have_the_same_routes_with_the_same_method_and_success_status()
    {
        var paths = SpecFile.Json["paths"]!.AsObject();
        var routes = CallOperations.All
            .SelectMany(operation => new[] { (operation, path: operation.UserPath), (operation, path: operation.MemberPath) })
            .Where(row => row.path != null)
            .ToList();

        // Every route of the spec is a row; the members routes the spec extract lacks (park, transmitDtmf and
        // wrapupreasons are on Cisco's later per-operation pages; the others are reported, not confirmed) are not checked.
        foreach (var specPath in paths.Select(entry => entry.Key))
        {
            Assert.Contains(routes, row => row.path == specPath);
        }

        foreach (var (operation, path) in routes.Where(row => paths.ContainsKey(row.path!)))
        {
            var verb = paths[path!]![operation.Method.ToLowerInvariant()];
            Assert.True(verb != null, operation.Name + ": the spec has no " + operation.Method + " " + path);
            var responses = verb!["responses"]!.AsObject();
            Assert.True(responses.ContainsKey(operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                operation.Name + " " + path + ": the spec's answers are " + string.Join(", ", responses.Select(r => r.Key)));
            if (path!.Contains("/members/"))
            {
                Assert.True(operation.MemberRouteConfirmed, operation.Name + ": the spec has its members route, so it is confirmed");
            }
        }
    }

    [ConferenceSpecFact]
    public void The_conference_table_and_Cisco_spec_have_the_same_routes_with_the_same_method_and_success_status()
    {
        var paths = SpecFile.ConferenceJson["paths"]!.AsObject();
        var routes = ConferenceOperations.All
            .SelectMany(operation => new[] { (operation, path: operation.UserPath), (operation, path: operation.MemberPath), (operation, path: operation.MemberPath?.Replace("{memberId}", "me")) })
            .Where(row => row.path != null)
            .ToList();

        // Both ways: every (path, method) of the spec is a row, and every row is in the spec with its success status.
        foreach (var (specPath, item) in paths)
        {
            foreach (var (method, _) in item!.AsObject())
            {
                Assert.True(routes.Any(row => row.path == specPath && string.Equals(row.operation.Method, method, StringComparison.OrdinalIgnoreCase)), method + " " + specPath + " has no row");
            }
        }

        foreach (var (operation, path) in routes)
        {
            var verb = paths[path!]?[operation.Method.ToLowerInvariant()];
            Assert.True(verb != null, operation.Name + ": the spec has no " + operation.Method + " " + path);
            Assert.True(verb!["responses"]!.AsObject().ContainsKey(operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)), operation.Name + " " + path);
        }

        Assert.Equal(13, ConferenceOperations.All.Count);
    }

    [Fact]
    public void Every_row_names_its_routes_and_only_201_starts_a_call()
    {
        foreach (var operation in CallOperations.All)
        {
            Assert.Same(operation, CallOperations.Named(operation.Name));
            Assert.True(operation.UserPath != null || operation.MemberPath != null, operation.Name);
            Assert.Equal(operation.SuccessStatus == 201, operation.StartsCall);
            if (operation.LineOwner != LineOwnerPlacement.None)
            {
                // The spec's rule: a GET carries lineOwnerId in its query, a POST in its body.
                Assert.Equal(operation.Method == "GET" ? LineOwnerPlacement.Query : LineOwnerPlacement.Body, operation.LineOwner);
            }
        }

        Assert.Equal(new[] { "dial", "retrieve", "pickup", "bargeIn", "pull" }.OrderBy(n => n), CallOperations.All.Where(o => o.StartsCall).Select(o => o.Name).OrderBy(n => n));
        Assert.Null(CallOperations.WrapUpReasons.UserPath);
        Assert.Equal("/telephony/calls/members/{memberId}/wrapupreasons", CallOperations.WrapUpReasons.MemberPath);
        Assert.Equal("/telephony/calls/{callId}", CallOperations.Details.UserPath);
        Assert.Equal("/telephony/calls", CallOperations.List.UserPath);
        Assert.Equal("/telephony/calls/members/{memberId}/calls", CallOperations.List.MemberPath);
        Assert.Equal("/telephony/calls/members/{memberId}/calls/{callId}", CallOperations.Details.MemberPath);
        Assert.Equal("/telephony/calls/members/{memberId}/hold", CallOperations.Hold.MemberPath);
    }

    [Fact]
    public async Task A_line_owner_goes_in_the_body_of_a_post_and_the_query_of_a_get()
    {
        var (_, body) = await Sent(HttpStatusCode.NoContent, null, c => c.PerformAsync(CallOperations.Hold, "c1", CallScope.ForLine("owner+1"), CancellationToken.None));
        Assert.Equal("""{"callId":"c1","lineOwnerId":"owner+1"}""", body);

        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.OK, """{"items":[{"id":"c1","state":"held"}]}"""));
        var calls = await client.ListCallsAsync(CallScope.ForLine("owner+1"), CancellationToken.None);
        Assert.Equal("/v1/telephony/calls?lineOwnerId=owner%2B1", stub.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.Equal("owner+1", Assert.Single(calls).LineOwnerId);
    }

    [Fact]
    public async Task Answer_and_reject_send_their_optional_fields_only_when_given()
    {
        Assert.Equal("""{"callId":"c1"}""", (await Sent(HttpStatusCode.NoContent, null, c => c.AnswerAsync("c1", null, null, CancellationToken.None))).Body);
        Assert.Equal("""{"callId":"c1","endpointId":"e1"}""", (await Sent(HttpStatusCode.NoContent, null, c => c.AnswerAsync("c1", "e1", null, CancellationToken.None))).Body);
        Assert.Equal("""{"callId":"c1"}""", (await Sent(HttpStatusCode.NoContent, null, c => c.RejectAsync("c1", null, null, CancellationToken.None))).Body);
        Assert.Equal("""{"callId":"c1","action":"temporarilyUnavailable"}""", (await Sent(HttpStatusCode.NoContent, null, c => c.RejectAsync("c1", RejectAction.TemporarilyUnavailable, null, CancellationToken.None))).Body);
    }

    [Fact]
    public async Task Divert_sends_a_destination_or_voicemail_and_refuses_neither_before_sending()
    {
        Assert.Equal("""{"callId":"c1","destination":"1234"}""", (await Sent(HttpStatusCode.NoContent, null, c => c.DivertAsync("c1", "1234", false, null, CancellationToken.None))).Body);
        Assert.Equal("""{"callId":"c1","toVoicemail":true}""", (await Sent(HttpStatusCode.NoContent, null, c => c.DivertAsync("c1", null, true, null, CancellationToken.None))).Body);

        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.NoContent));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DivertAsync("c1", null, false, null, CancellationToken.None));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Transfer_sends_the_attended_and_automatic_forms_and_refuses_half_a_pair()
    {
        Assert.Equal("""{"callId1":"a","callId2":"b"}""", (await Sent(HttpStatusCode.NoContent, null, c => c.TransferAsync("a", "b", null, CancellationToken.None))).Body);
        Assert.Equal("{}", (await Sent(HttpStatusCode.NoContent, null, c => c.TransferAsync(null, null, null, CancellationToken.None))).Body);

        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.NoContent));
        await Assert.ThrowsAsync<ArgumentException>(() => client.TransferAsync("a", null, null, CancellationToken.None));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Mute_transfer_reads_the_201_call_and_understands_a_bare_204()
    {
        DialResult? started = null;
        var (_, body) = await Sent(HttpStatusCode.Created, Created, async c => started = await c.MuteTransferAsync("a", "+14085550100", null, CancellationToken.None));
        Assert.Equal("""{"callId1":"a","destination":"+14085550100"}""", body);
        Assert.Equal(("new-1", "s9"), (started!.CallId, started.CallSessionId));

        await Sent(HttpStatusCode.NoContent, null, async c => started = await c.MuteTransferAsync("a", "1234", null, CancellationToken.None));
        Assert.Null(started);
    }

    [Fact]
    public async Task Park_reads_parked_against_from_the_200_body()
    {
        ParkedCall? parked = null;
        var (path, body) = await Sent(HttpStatusCode.OK, """{"parkedAgainst":{"name":"Lobby","number":"1000","privacyEnabled":false,"callType":"location"}}""",
            async c => parked = await c.ParkAsync("c1", "1000", false, CallScope.ForLine("o1"), CancellationToken.None));
        Assert.Equal("/v1/telephony/calls/park", path);
        Assert.Equal("""{"callId":"c1","destination":"1000","lineOwnerId":"o1"}""", body);
        Assert.Equal(("c1", "1000", "Lobby", "o1"), (parked!.CallId, parked.Number, parked.ParkedAgainst!.Name, parked.LineOwnerId));

        Assert.Equal("""{"callId":"c1","isGroupPark":true}""", (await Sent(HttpStatusCode.OK, """{"parkedAgainst":{"privacyEnabled":false,"callType":"location"}}""",
            c => c.ParkAsync("c1", null, true, null, CancellationToken.None))).Body);
    }

    [Fact]
    public async Task A_park_answer_without_parked_against_is_an_invalid_response()
    {
        var (client, _) = Create(StubHandler.Answer(HttpStatusCode.OK, "{}"));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ParkAsync("c1", null, false, null, CancellationToken.None));
        Assert.Equal(WebexErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task The_new_call_operations_send_their_fields_and_read_the_201_ids()
    {
        var options = new NewCallOptions { SingleNumberReachNumber = "+14085550199" };
        Assert.Equal("""{"destination":"1234","singleNumberReachPhoneNumber":"+14085550199","lineOwnerId":"o1"}""",
            (await Sent(HttpStatusCode.Created, Created, c => c.DialAsync("1234", options, CallScope.ForLine("o1"), CancellationToken.None))).Body);
        Assert.Equal("""{"destination":"1000","endpointId":"e1"}""",
            (await Sent(HttpStatusCode.Created, Created, c => c.RetrieveAsync("1000", new NewCallOptions { EndpointId = "e1" }, null, CancellationToken.None))).Body);
        Assert.Equal("{}", (await Sent(HttpStatusCode.Created, Created, c => c.RetrieveAsync(null, null, null, CancellationToken.None))).Body);
        Assert.Equal("{}", (await Sent(HttpStatusCode.Created, Created, c => c.PickupAsync(null, null, null, CancellationToken.None))).Body);
        Assert.Equal("""{"target":"2001"}""", (await Sent(HttpStatusCode.Created, Created, c => c.PickupAsync("2001", null, null, CancellationToken.None))).Body);
        var (path, body) = await Sent(HttpStatusCode.Created, Created, c => c.BargeInAsync("2001", null, null, CancellationToken.None));
        Assert.Equal(("/v1/telephony/calls/bargeIn", """{"target":"2001"}"""), (path, body));
        Assert.Equal("""{"endpointId":"e1"}""", (await Sent(HttpStatusCode.Created, Created, c => c.PullAsync(new NewCallOptions { EndpointId = "e1" }, null, CancellationToken.None))).Body);
    }

    [Fact]
    public async Task Mutually_exclusive_and_missing_fields_are_refused_before_any_request()
    {
        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.Created, Created));
        var both = new NewCallOptions { EndpointId = "e1", SingleNumberReachNumber = "+14085550199" };
        await Assert.ThrowsAsync<ArgumentException>(() => client.DialAsync("1234", both, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PullAsync(new NewCallOptions { SingleNumberReachNumber = "+1" }, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BargeInAsync("", null, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.TransmitDtmfAsync("c1", "12x", null, CancellationToken.None));
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("1,234", true)]
    [InlineData("*#ABCD0", true)]
    [InlineData("abcd", true)]
    [InlineData(",,9", true)]
    [InlineData("", false)]
    [InlineData(",,", false)]
    [InlineData("12 34", false)]
    [InlineData("E", false)]
    [InlineData("1;2", false)]
    public void Dtmf_digits_follow_the_specs_set(string digits, bool valid) => Assert.Equal(valid, DtmfValidator.IsValid(digits));

    [Fact]
    public async Task Dtmf_letters_are_sent_upper_case()
    {
        var (_, body) = await Sent(HttpStatusCode.NoContent, null, c => c.TransmitDtmfAsync("c1", "1,a#", null, CancellationToken.None));
        Assert.Equal("""{"callId":"c1","dtmf":"1,A#"}""", body);
    }

    [Fact]
    public async Task History_asks_for_one_type_and_returns_newest_first()
    {
        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.OK, """
            {"items":[
              {"type":"missed","name":"Old","number":"1","privacyEnabled":false,"time":"2026-01-01T10:00:00Z"},
              {"type":"missed","number":"2","privacyEnabled":true,"time":"2026-01-02T10:00:00Z"},
              {"type":"voicemail","privacyEnabled":false,"time":"bad time"}
            ]}
            """));

        var records = await client.ListHistoryAsync(CallHistoryType.Missed, null, CancellationToken.None);

        Assert.Equal("/v1/telephony/calls/history?type=missed", stub.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.Equal(new[] { "2", "1", null }, records.Select(r => r.Number));
        Assert.True(records[0].PrivacyEnabled);
        Assert.Equal((CallHistoryType.Unknown, "voicemail", null), (records[2].Type, records[2].RawType, records[2].Time));
        Assert.Equal("Missed: Old <1>", records[1].ToString());
    }

    [Fact]
    public async Task A_new_call_whose_id_is_gone_is_found_by_its_session()
    {
        var answers = new Queue<(HttpStatusCode, string)>(new[]
        {
            (HttpStatusCode.NotFound, """{"message":"Call not found","trackingId":"T1"}"""),
            (HttpStatusCode.OK, """{"items":[{"id":"other","callSessionId":"x","personality":"originator","state":"connected"},{"id":"pulled","callSessionId":"s9","personality":"terminator","state":"connected"},{"id":"joined","callSessionId":"s9","personality":"originator","state":"connected"}]}"""),
        });
        var (client, _) = Create(new StubHandler((_, _) =>
        {
            var (status, body) = answers.Dequeue();
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }));

        var call = await client.GetNewCallAsync(new DialResult("new-1", "s9"), null, CancellationToken.None);
        Assert.Equal("joined", call.Id);
    }
}
