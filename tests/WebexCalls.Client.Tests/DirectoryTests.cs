using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>The directory look-ups: the first query, paging by Link as given and by start/max, and links that are refused.</summary>
public sealed class DirectoryTests
{
    private static (WebexCallsClient Client, StubHandler Stub) Create(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var stub = new StubHandler((request, _) => Task.FromResult(answer(request)));
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub);
        return (connection.CreateClient(), stub);
    }

    private static HttpResponseMessage Json(string body, string? next = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (next != null)
        {
            response.Headers.TryAddWithoutValidation("Link", "<" + next + ">; rel=\"next\"");
        }

        return response;
    }

    private static string People(params (string Id, string? Location)[] people) =>
        "{\"items\":[" + string.Join(",", people.Select(p => "{\"id\":\"" + p.Id + "\",\"emails\":[\"" + p.Id + "@example.com\"],\"displayName\":\"Name " + p.Id + "\""
            + (p.Location is null ? string.Empty : ",\"locationId\":\"" + p.Location + "\",\"extension\":\"1" + p.Id + "\",\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"+1408555" + p.Id + "\",\"primary\":true}]") + "}")) + "]}";

    [Fact]
    public async Task People_are_read_with_calling_data_and_the_next_link_is_followed_exactly_as_given()
    {
        var (client, stub) = Create(request => request.RequestUri!.Query.Contains("cursor=2")
            ? Json(People(("3", "loc")))
            : Json(People(("1", "loc"), ("2", null)), "https://webex.test/v1/people?cursor=2&max=100"));
        var pages = new List<IReadOnlyList<CallingMember>>();

        await client.Directory.ListPeopleAsync("a+b@example.com", null, null, null, pages.Add, CancellationToken.None);

        Assert.Equal("/v1/people?callingData=true&max=100&email=a%2Bb%40example.com", stub.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.Equal("/v1/people?cursor=2&max=100", stub.Requests[1].Request.RequestUri!.PathAndQuery);
        Assert.Equal(2, pages.Count);
        var first = pages[0][0];
        Assert.Equal(("1", CallingMemberType.Person, "1@example.com", "+14085551", "11", "loc", true),
            (first.MemberId, first.Type, first.Email, first.PhoneNumber, first.Extension, first.LocationId, first.HasCalling));
        Assert.False(pages[0][1].HasCalling);   // no calling location: a person without Webex Calling
        Assert.All(stub.Requests, request => Assert.NotNull(request.Request.Headers.Authorization));
    }

    [Fact]
    public async Task A_location_asks_for_pages_of_50_as_the_spec_caps_them()
    {
        var (client, stub) = Create(_ => Json(People()));
        await client.Directory.ListPeopleAsync(null, null, "loc-1", "org-1", _ => { }, CancellationToken.None);
        Assert.Equal("/v1/people?callingData=true&max=50&locationId=loc-1&orgId=org-1", stub.Requests[0].Request.RequestUri!.PathAndQuery);
    }

    [Theory]
    [InlineData("https://elsewhere.test/v1/people?cursor=2")]
    [InlineData("http://webex.test/v1/people?cursor=2")]
    [InlineData("https://webex.test:8443/v1/people?cursor=2")]
    [InlineData("https://webex.test/v2/people?cursor=2")]
    public async Task A_next_link_that_leaves_the_API_is_refused_and_the_token_never_goes_there(string next)
    {
        var (client, stub) = Create(_ => Json(People(("1", "loc")), next));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.Directory.ListPeopleAsync(null, null, null, null, _ => { }, CancellationToken.None));
        Assert.Equal(WebexErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("not followed", ex.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_next_link_that_repeats_a_page_ends_the_list_with_an_error_rather_than_looping()
    {
        var (client, stub) = Create(_ => Json(People(("1", "loc")), "https://webex.test/v1/people?cursor=same"));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.Directory.ListPeopleAsync(null, null, null, null, _ => { }, CancellationToken.None));
        Assert.Equal(WebexErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Workspaces_without_a_Link_are_paged_by_start_while_a_page_comes_back_full()
    {
        string Page(int count, int from) => "{\"items\":[" + string.Join(",", Enumerable.Range(from, count).Select(i => "{\"id\":\"w" + i + "\",\"displayName\":\"Room " + i + "\",\"calling\":{\"type\":\"webexCalling\"}}")) + "]}";
        var (client, stub) = Create(request => request.RequestUri!.Query.Contains("start=100") ? Json(Page(3, 100)) : Json(Page(100, 0)));
        var members = new List<CallingMember>();

        await client.Directory.ListWorkspacesAsync(null, null, null, page => members.AddRange(page), CancellationToken.None);

        Assert.Equal("/v1/workspaces?calling=webexCalling&max=100", stub.Requests[0].Request.RequestUri!.PathAndQuery);
        Assert.Equal("/v1/workspaces?calling=webexCalling&max=100&start=100", stub.Requests[1].Request.RequestUri!.PathAndQuery);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(103, members.Count);
        Assert.All(members, member => Assert.Equal(CallingMemberType.Workspace, member.Type));
    }

    [Fact]
    public async Task Virtual_lines_come_from_the_virtualLines_key_and_a_page_without_it_is_an_invalid_response()
    {
        var (client, _) = Create(_ => Json("{\"virtualLines\":[{\"id\":\"v1\",\"firstName\":\"Help\",\"lastName\":\"Desk\",\"number\":{\"external\":\"+14085550111\",\"extension\":\"111\"},\"location\":{\"id\":\"loc\"}}]}"));
        var members = new List<CallingMember>();
        await client.Directory.ListVirtualLinesAsync(null, null, page => members.AddRange(page), CancellationToken.None);
        var line = Assert.Single(members);
        Assert.Equal(("v1", CallingMemberType.VirtualLine, "Help Desk", "+14085550111", "111", "loc"), (line.MemberId, line.Type, line.DisplayName, line.PhoneNumber, line.Extension, line.LocationId));

        var (wrong, _) = Create(_ => Json("{\"items\":[]}"));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => wrong.Directory.ListVirtualLinesAsync(null, null, _ => { }, CancellationToken.None));
        Assert.Equal(WebexErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public void The_Link_header_reader_finds_next_among_other_relations()
    {
        Assert.Equal("https://x/v1/p?c=2", LinkHeader.NextOf("<https://x/v1/p?c=0>; rel=\"prev\", <https://x/v1/p?c=2>; rel=\"next\""));
        Assert.Equal("https://x/v1/p?c=2", LinkHeader.NextOf("<https://x/v1/p?c=2>;rel=next"));
        Assert.Null(LinkHeader.NextOf("<https://x/v1/p?c=0>; rel=\"prev\""));
        Assert.Null(LinkHeader.NextOf(null));
    }
}
