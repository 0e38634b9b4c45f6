using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>The directory APIs: People, Workspaces, Virtual Lines and Numbers, as the spec pages and caps them.</summary>
public class DirectoryTests : SimulatorTestBase
{
    private async Task SeedAsync(object request) =>
        Assert.Equal(HttpStatusCode.Created, (await Sim.PostJson("_simulator/members", JsonSerializer.Serialize(request))).StatusCode);

    [Fact]
    public async Task Ten_thousand_people_are_seeded_in_one_request_and_listed_by_Link_pages_capped_at_100_with_calling_data()
    {
        await SeedAsync(new { count = 10_000 });
        var pages = 0;
        var people = 0;
        string? next = "v1/people?callingData=true&max=1000";
        while (next != null)
        {
            var response = await Sim.Http.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            Assert.True(items.GetArrayLength() <= 100, "callingData caps max at 100");
            people += items.GetArrayLength();
            pages++;
            next = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
            Assert.True(next is null || next.Contains("?cursor=", StringComparison.Ordinal), "a next link carries only an opaque cursor");
        }

        Assert.Equal((10_000, 100), (people, pages));
    }

    [Fact]
    public async Task A_person_is_found_by_email_and_one_without_Webex_Calling_has_no_calling_fields()
    {
        await SeedAsync(new { members = new[] { new { name = "Alice Example", email = "alice@example.com", activeCalls = 0 } } });
        await SeedAsync(new { members = new[] { new { name = "Bob Nocall", email = "bob@example.com", activeCalls = 0, hasCalling = false } } });

        var alice = (await Sim.GetJsonAsync("v1/people?callingData=true&email=ALICE@example.com")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Alice Example", alice.GetProperty("displayName").GetString());
        Assert.True(alice.TryGetProperty("locationId", out _));
        var bob = (await Sim.GetJsonAsync("v1/people?callingData=true&email=bob@example.com")).GetProperty("items").EnumerateArray().Single();
        Assert.False(bob.TryGetProperty("locationId", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Sim.Http.GetAsync($"v1/telephony/calls/members/{bob.GetProperty("id").GetString()}/calls")).StatusCode);
        Assert.Equal(0, (await Sim.GetJsonAsync("v1/people?email=nobody@example.com")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_location_caps_people_at_50_and_workspaces_page_by_start_without_a_Link()
    {
        await SeedAsync(new { count = 60 });
        await SeedAsync(new { count = 120, kind = "workspace" });
        var inLocation = await Sim.Http.GetAsync("v1/people?callingData=true&max=100&locationId=Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL21haW4");
        Assert.Equal(50, (await inLocation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());

        var first = await Sim.Http.GetAsync("v1/workspaces?calling=webexCalling&max=100");
        Assert.False(first.Headers.Contains("Link"));
        Assert.Equal(100, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
        Assert.Equal(20, (await Sim.GetJsonAsync("v1/workspaces?calling=webexCalling&max=100&start=100")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Virtual_lines_are_under_virtualLines_and_numbers_name_their_owner()
    {
        await SeedAsync(new { count = 1, kind = "virtualLine" });
        var line = (await Sim.GetJsonAsync("v1/telephony/config/virtualLines")).GetProperty("virtualLines").EnumerateArray().Single();
        var extension = line.GetProperty("number").GetProperty("extension").GetString();
        var number = (await Sim.GetJsonAsync("v1/telephony/config/numbers?extension=" + extension)).GetProperty("phoneNumbers").EnumerateArray().Single();
        Assert.Equal(("VIRTUAL_LINE", line.GetProperty("id").GetString()), (number.GetProperty("owner").GetProperty("type").GetString(), number.GetProperty("owner").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Each_directory_API_needs_its_admin_read_scope()
    {
        await Sim.PostJson("_simulator/tokens", """{ "token": "calls-only", "scopes": ["spark-admin:calls_read"] }""");
        foreach (var (path, scope) in new[] { ("v1/people", "people_read"), ("v1/workspaces", "workspaces_read"), ("v1/telephony/config/virtualLines", "telephony_config_read"), ("v1/telephony/config/numbers", "telephony_config_read") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", "calls-only");
            var response = await Sim.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(scope, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
