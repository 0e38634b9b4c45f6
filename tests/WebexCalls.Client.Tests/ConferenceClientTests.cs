using System.Net;
using System.Security;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>Conference Controls through the client: the exact request of each family, and how each answer is read.</summary>
public sealed class ConferenceClientTests
{
    private static readonly CallScope Member = CallScope.ForMember("m1", "org1");
    private static readonly CallScope Line = CallScope.ForLine("owner1");

    private static (WebexCallsClient Client, StubHandler Stub) Create(HttpStatusCode status = HttpStatusCode.NoContent, string? body = null)
    {
        var stub = StubHandler.Answer(status, body);
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub);
        return (connection.CreateClient(), stub);
    }

    public static TheoryData<string, string, string, string, string?> Requests => new()
    {
        // name, scope, method, path and query, body
        { "start", "user", "POST", "/v1/telephony/conference", """{"callIds":["c1","c2"]}""" },
        { "start", "line", "POST", "/v1/telephony/conference", """{"callIds":["c1","c2"],"lineOwnerId":"owner1"}""" },
        { "start", "member", "POST", "/v1/telephony/conference/members/m1/conference?orgId=org1", """{"callIds":["c1","c2"]}""" },
        { "release", "line", "DELETE", "/v1/telephony/conference?lineOwnerId=owner1", null },
        { "release", "member", "DELETE", "/v1/telephony/conference/members/m1/conference?orgId=org1", null },
        { "addParticipant", "line", "POST", "/v1/telephony/conference/addParticipant", """{"callId":"c3","lineOwnerId":"owner1"}""" },
        { "muteHost", "user", "POST", "/v1/telephony/conference/mute", null },
        { "unmute", "member", "POST", "/v1/telephony/conference/members/m1/unmute?orgId=org1", """{"callId":"c3"}""" },
        { "deafen", "line", "POST", "/v1/telephony/conference/deafen", """{"callId":"c3"}""" },
        { "hold", "line", "POST", "/v1/telephony/conference/hold?lineOwnerId=owner1", null },
        { "resume", "member", "POST", "/v1/telephony/conference/members/m1/resume?orgId=org1", null },
        { "coach", "user", "POST", "/v1/telephony/conference/members/me/supervisorCoach", null },
        { "silentMonitor", "member", "POST", "/v1/telephony/conference/members/m1/silentMonitor?orgId=org1", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Each_operation_sends_its_route_and_puts_lineOwnerId_where_the_spec_does(string name, string owner, string method, string pathAndQuery, string? body)
    {
        var (client, stub) = Create();
        var scope = owner switch { "line" => Line, "member" => Member, _ => CallScope.User };
        var conference = client.Conference;
        await (name switch
        {
            "start" => conference.StartAsync(new[] { "c1", "c2" }, scope, CancellationToken.None),
            "release" => conference.ReleaseAsync(scope, CancellationToken.None),
            "addParticipant" => conference.AddParticipantAsync("c3", scope, CancellationToken.None),
            "muteHost" => conference.MuteAsync(null, true, scope, CancellationToken.None),
            "unmute" => conference.MuteAsync("c3", false, scope, CancellationToken.None),
            "deafen" => conference.DeafenAsync("c3", true, scope, CancellationToken.None),
            "hold" => conference.HoldAsync(false, scope, CancellationToken.None),
            "resume" => conference.HoldAsync(true, scope, CancellationToken.None),
            "coach" => conference.SetModeAsync(ConferenceMode.Coach, scope, CancellationToken.None),
            _ => conference.SetModeAsync(ConferenceMode.SilentMonitor, scope, CancellationToken.None),
        });

        var (request, sent) = Assert.Single(stub.Requests);
        Assert.Equal(method, request.Method.Method);
        Assert.Equal(pathAndQuery, request.RequestUri!.PathAndQuery);
        Assert.Equal(body, sent);
    }

    [Fact]
    public async Task Details_are_read_and_an_empty_object_means_no_conference()
    {
        var (client, stub) = Create(HttpStatusCode.OK, """{"state":"held","appearance":2,"created":"2026-12-06T10:00:00Z","muted":true,"type":"coaching","participants":[{"callId":"c1","muted":false,"deafened":true},{"callId":"c2","muted":true,"deafened":false}]}""");
        var conference = await client.Conference.GetAsync(Member, CancellationToken.None);

        Assert.Equal("/v1/telephony/conference/members/m1/conference?orgId=org1", stub.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.NotNull(conference);
        Assert.Equal((ConferenceState.Held, 2, true, ConferenceType.Coaching, "m1", "org1"), (conference!.State, conference.Appearance, conference.Muted, conference.Type, conference.MemberId, conference.OrgId));
        Assert.Equal(new[] { ("c1", false, true), ("c2", true, false) }, conference.Participants.Select(p => (p.CallId, p.Muted, p.Deafened)));

        var (none, _) = Create(HttpStatusCode.OK, "{}");
        Assert.Null(await none.Conference.GetAsync(null, CancellationToken.None));

        var (standard, _) = Create(HttpStatusCode.OK, """{"state":"connected","created":"2026-12-06T10:00:00Z","muted":false,"participants":[]}""");
        Assert.Equal(ConferenceType.None, (await standard.Conference.GetAsync(Line, CancellationToken.None))!.Type);
    }

    [Fact]
    public async Task An_id_refused_outside_Call_Controls_names_its_own_API_path_not_a_calls_path()
    {
        var (client, stub) = Create();
        var refusals = new (string Path, Func<Task> Act)[]
        {
            ("/telephony/conference", () => client.Conference.StartAsync(new[] { "c1", ".." }, null, CancellationToken.None)),
            ("/telephony/conference/addParticipant", () => client.Conference.AddParticipantAsync("..", null, CancellationToken.None)),
            ("/telephony/conference/mute", () => client.Conference.MuteAsync("..", true, null, CancellationToken.None)),
            ("/telephony/conference/deafen", () => client.Conference.DeafenAsync("..", true, null, CancellationToken.None)),
            ("/people", () => client.Directory.ListPeopleAsync(null, null, "..", null, _ => { }, CancellationToken.None)),
            ("/workspaces", () => client.Directory.ListWorkspacesAsync(null, null, "..", _ => { }, CancellationToken.None)),
            ("/telephony/config/virtualLines", () => client.Directory.ListVirtualLinesAsync("..", null, _ => { }, CancellationToken.None)),
            ("/telephony/config/numbers", () => client.Directory.FindNumberOwnersAsync("+1408", null, null, "..", _ => { }, CancellationToken.None)),
        };
        foreach (var (path, act) in refusals)
        {
            var ex = await Assert.ThrowsAsync<WebexApiException>(act);
            Assert.Equal((WebexErrorKind.InvalidId, path), (ex.Kind, ex.Path));
        }

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Bad_arguments_are_refused_before_any_request()
    {
        var (client, stub) = Create();
        Assert.Throws<ArgumentException>(() => { _ = client.Conference.StartAsync(new[] { "c1", "c1" }, null, CancellationToken.None); });
        Assert.Equal(WebexErrorKind.InvalidId, Assert.Throws<WebexApiException>(() => { _ = client.Conference.StartAsync(new[] { "c1", ".." }, null, CancellationToken.None); }).Kind);
        Assert.Throws<ArgumentException>(() => { _ = client.Conference.SetModeAsync(ConferenceMode.BargeIn, Line, CancellationToken.None); });
        Assert.Empty(stub.Requests);
    }
}
