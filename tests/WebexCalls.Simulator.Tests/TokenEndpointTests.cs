using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>The simulated OAuth token endpoint: the refresh grant, expiry, revocation and token kinds.</summary>
public class TokenEndpointTests : SimulatorTestBase
{
    private async Task RegisterClientAsync(int expiresInSeconds = 60, bool rotate = false, string scopes = "\"spark:calls_read\",\"spark:calls_write\"") =>
        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("_simulator/clients",
            $$"""{"clientId":"app","clientSecret":"s3cret","refreshToken":"r1","scopes":[{{scopes}}],"expiresInSeconds":{{expiresInSeconds}},"rotateRefreshToken":{{(rotate ? "true" : "false")}}}""")).StatusCode);

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken = "r1", string secret = "s3cret") =>
        Sim.Http.PostAsync("v1/access_token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "app", ["client_secret"] = secret, ["refresh_token"] = refreshToken,
        }));

    private async Task<HttpStatusCode> ListAsAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/telephony/calls");
        request.Headers.Authorization = new("Bearer", token);
        return (await Sim.Http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task The_refresh_grant_issues_an_access_token_that_expires()
    {
        await RegisterClientAsync(expiresInSeconds: 60);

        var response = await RefreshAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal(60, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal("spark:calls_read spark:calls_write", body.GetProperty("scope").GetString());

        Assert.Equal(HttpStatusCode.OK, await ListAsAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListAsAsync("any-other-token"));   // the registry is closed now
        Sim.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListAsAsync(token));
    }

    [Fact]
    public async Task A_revoked_refresh_token_and_a_wrong_secret_are_refused_in_webex_shape()
    {
        await RegisterClientAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(secret: "wrong")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("_simulator/clients/revoke", """{"refreshToken":"r1"}""")).StatusCode);
        var refused = await RefreshAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TokenRegistry.InvalidRefreshToken, body.GetProperty("message").GetString());
        Assert.StartsWith("ROUTER_", body.GetProperty("trackingId").GetString());
    }

    [Fact]
    public async Task A_rotating_client_hands_out_a_new_refresh_token_and_forgets_the_old_one()
    {
        await RegisterClientAsync(rotate: true);
        var first = await (await RefreshAsync()).Content.ReadFromJsonAsync<JsonElement>();
        var next = first.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual("r1", next);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(next)).StatusCode);
    }

    [Fact]
    public async Task The_token_requests_form_never_reaches_the_request_log()
    {
        await RegisterClientAsync();
        await RefreshAsync();
        var logged = Assert.Single((await Sim.GetJsonAsync("_simulator/requests")).EnumerateArray());
        Assert.Equal("/v1/access_token", logged.GetProperty("path").GetString());
        Assert.DoesNotContain("s3cret", logged.GetRawText());
        Assert.DoesNotContain("r1", logged.GetProperty("body").GetString());
    }
}
