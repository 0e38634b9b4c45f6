using System.Net;
using System.Security;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>Admin mode: every operation goes through /telephony/calls/members/{memberId} with orgId, never lineOwnerId.</summary>
public class MembersRoutingTests
{
    private static readonly CallScope Member = CallScope.ForMember("person/1", "org+9");

    private static (WebexCallsClient Client, StubHandler Stub) Create(StubHandler stub)
    {
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub);
        return (connection.CreateClient(), stub);
    }

    [Fact]
    public async Task Reading_calls_uses_the_members_paths_and_marks_each_call_with_its_member()
    {
        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.OK, """{"items":[{"id":"c1","state":"connected"}]}"""));

        var call = Assert.Single(await client.ListCallsAsync(Member, CancellationToken.None));

        Assert.Equal("/v1/telephony/calls/members/person%2F1/calls?orgId=org%2B9", stub.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.Equal(("person/1", "org+9", null), (call.MemberId, call.OrgId, call.LineOwnerId));
    }

    [Fact]
    public async Task Reading_one_call_and_the_history_use_the_members_paths()
    {
        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.OK, """{"id":"c/1","state":"held"}"""));
        await client.GetCallAsync("c/1", CallScope.ForMember("m1", null), CancellationToken.None);
        Assert.Equal("/v1/telephony/calls/members/m1/calls/c%2F1", stub.Requests[0].Request.RequestUri!.PathAndQuery);

        (client, stub) = Create(StubHandler.Answer(HttpStatusCode.OK, """{"items":[]}"""));
        await client.ListHistoryAsync(CallHistoryType.Placed, Member, CancellationToken.None);
        Assert.Equal("/v1/telephony/calls/members/person%2F1/history?type=placed&orgId=org%2B9", stub.Requests[0].Request.RequestUri!.PathAndQuery);
    }

    public static TheoryData<string, Func<WebexCallsClient, Task>, string> Commands => new()
    {
        { "hold", c => c.PerformAsync(CallOperations.Hold, "c1", Member, CancellationToken.None), """{"callId":"c1"}""" },
        { "answer", c => c.AnswerAsync("c1", "e1", Member, CancellationToken.None), """{"callId":"c1","endpointId":"e1"}""" },
        { "divert", c => c.DivertAsync("c1", null, true, Member, CancellationToken.None), """{"callId":"c1","toVoicemail":true}""" },
        { "transfer", c => c.TransferAsync("a", "b", Member, CancellationToken.None), """{"callId1":"a","callId2":"b"}""" },
        { "transmitDtmf", c => c.TransmitDtmfAsync("c1", "1#", Member, CancellationToken.None), """{"callId":"c1","dtmf":"1#"}""" },
        { "wrapupreasons", c => c.SetWrapUpReasonsAsync(Member, new[] { "Billing", " ", "Sales" }, CancellationToken.None), """{"wrapupReasons":["Billing","Sales"]}""" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_command_posts_to_the_members_path_with_org_id_and_no_line_owner(string operation, Func<WebexCallsClient, Task> act, string expectedBody)
    {
        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.NoContent));
        await act(client);
        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal("/v1/telephony/calls/members/person%2F1/" + operation + "?orgId=org%2B9", request.RequestUri!.PathAndQuery);
        Assert.Equal(expectedBody, body);
    }

    [Fact]
    public async Task A_dial_for_a_member_reads_the_new_call_through_the_member()
    {
        var answers = new Queue<(HttpStatusCode, string)>(new[]
        {
            (HttpStatusCode.Created, """{"callId":"c9","callSessionId":"s9"}"""),
            (HttpStatusCode.OK, """{"id":"c9","callSessionId":"s9","state":"alerting"}"""),
        });
        var (client, stub) = Create(new StubHandler((_, _) =>
        {
            var (status, body) = answers.Dequeue();
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }));

        var started = await client.DialAsync("1234", null, Member, CancellationToken.None);
        var call = await client.GetNewCallAsync(started, Member, CancellationToken.None);

        Assert.Equal("/v1/telephony/calls/members/person%2F1/dial?orgId=org%2B9", stub.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.Equal("""{"destination":"1234"}""", stub.Requests[0].Body);
        Assert.Equal("/v1/telephony/calls/members/person%2F1/calls/c9?orgId=org%2B9", stub.Requests[1].Request.RequestUri!.PathAndQuery);
        Assert.Equal("person/1", call.MemberId);
    }

    [Fact]
    public async Task A_404_from_a_members_route_the_spec_does_not_confirm_says_webex_does_not_offer_it()
    {
        var (client, _) = Create(StubHandler.Answer(HttpStatusCode.NotFound, """{"message":"The requested resource could not be found.","trackingId":"T1"}"""));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.PerformAsync(CallOperations.Mute, "c1", Member, CancellationToken.None));

        Assert.Equal(WebexErrorKind.NotOffered, ex.Kind);
        Assert.Contains("does not offer 'mute'", ex.Message);
        Assert.Equal("T1", ex.TrackingId);
    }

    [Fact]
    public async Task A_404_on_a_confirmed_members_route_or_about_a_call_stays_not_found()
    {
        var (client, _) = Create(StubHandler.Answer(HttpStatusCode.NotFound, """{"message":"Call not found","trackingId":"T1"}"""));
        Assert.Equal(WebexErrorKind.NotFound, (await Assert.ThrowsAsync<WebexApiException>(() => client.PerformAsync(CallOperations.Mute, "c1", Member, CancellationToken.None))).Kind);

        (client, _) = Create(StubHandler.Answer(HttpStatusCode.NotFound, """{"message":"Not found","trackingId":"T1"}"""));
        Assert.Equal(WebexErrorKind.NotFound, (await Assert.ThrowsAsync<WebexApiException>(() => client.PerformAsync(CallOperations.Hangup, "c1", Member, CancellationToken.None))).Kind);

        // On an unconfirmed route, a 404 that says what is missing is about the request, not the route.
        (client, _) = Create(StubHandler.Answer(HttpStatusCode.NotFound, """{"message":"No call is parked against 1000.","trackingId":"T1"}"""));
        Assert.Equal(WebexErrorKind.NotFound, (await Assert.ThrowsAsync<WebexApiException>(() => client.RetrieveAsync("1000", null, Member, CancellationToken.None))).Kind);
    }

    [Theory]
    [InlineData("m", "o", "line", typeof(ArgumentException))]
    [InlineData(null, "o", null, typeof(ArgumentException))]
    public void Contradictory_scopes_are_refused(string? member, string? org, string? line, Type expected) =>
        Assert.Throws(expected, () => CallScope.Of(member, org, line));

    [Fact]
    public async Task Wrap_up_reasons_are_only_for_members_and_need_a_reason()
    {
        var (client, stub) = Create(StubHandler.Answer(HttpStatusCode.NoContent));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SetWrapUpReasonsAsync(CallScope.User, new[] { "x" }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SetWrapUpReasonsAsync(Member, new[] { " " }, CancellationToken.None));
        Assert.Empty(stub.Requests);
    }
}
