using System.Net;
using System.Security;
using System.Text;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>The refresh-token sign-in: one renewal for many waiting requests, renewal before expiry and after a 401.</summary>
public class RefreshTokenProviderTests
{
    private DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private int _issued;

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }

    /// <summary>A token endpoint that issues token-1, token-2, ... (slowly, so that waiters pile up) and rotates the refresh token.</summary>
    private StubHandler TokenEndpoint(List<string> forms, int expiresIn = 3600, TimeSpan? slowness = null) =>
        new(async (request, cancel) =>
        {
            forms.Add(await request.Content!.ReadAsStringAsync(cancel));
            await Task.Delay(slowness ?? TimeSpan.Zero, cancel);
            var n = Interlocked.Increment(ref _issued);
            var json = $$"""{"access_token":"token-{{n}}","expires_in":{{expiresIn}},"refresh_token":"refresh-{{n}}","token_type":"Bearer","scope":"spark-admin:calls_read spark-admin:calls_write"}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        });

    private RefreshTokenProvider Provider(StubHandler endpoint) =>
        new(new Uri("https://webex.test/v1"), "client-1", Secure("client-secret-xyz"), Secure("refresh-0"), () => endpoint, () => _now);

    [Fact]
    public async Task The_refresh_grant_is_form_encoded_to_access_token_and_its_scopes_and_expiry_are_kept()
    {
        var forms = new List<string>();
        var endpoint = TokenEndpoint(forms);
        var provider = Provider(endpoint);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));

        var (request, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("https://webex.test/v1/access_token", request.RequestUri!.ToString());
        Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("grant_type=refresh_token&client_id=client-1&client_secret=client-secret-xyz&refresh_token=refresh-0", forms[0]);
        Assert.Equal(new[] { "spark-admin:calls_read", "spark-admin:calls_write" }, provider.Scopes);
        Assert.Equal(_now.AddSeconds(3600 - 300), provider.ExpiresAt);
    }

    [Fact]
    public async Task One_hundred_concurrent_requests_share_one_renewal()
    {
        var endpoint = TokenEndpoint(new List<string>(), slowness: TimeSpan.FromMilliseconds(200));
        var provider = Provider(endpoint);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => provider.GetAccessTokenAsync(CancellationToken.None))));

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Single(endpoint.Requests);
        Assert.Equal(1, provider.RenewalCount);
    }

    [Fact]
    public async Task It_renews_shortly_before_expiry_and_uses_the_new_refresh_token()
    {
        var forms = new List<string>();
        var provider = Provider(TokenEndpoint(forms, expiresIn: 600));
        await provider.GetAccessTokenAsync(CancellationToken.None);

        _now = _now.AddSeconds(600 - 61);   // a tenth of 600 s is the margin
        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        _now = _now.AddSeconds(2);
        Assert.Equal("token-2", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.EndsWith("refresh_token=refresh-1", forms[1]);
    }

    [Fact]
    public async Task After_a_401_concurrent_requests_renew_once_and_retry_once()
    {
        var tokenForms = new List<string>();
        var tokenEndpoint = TokenEndpoint(tokenForms, slowness: TimeSpan.FromMilliseconds(100));
        var provider = Provider(tokenEndpoint);
        var api = new StubHandler((request, _) => Task.FromResult(new HttpResponseMessage(
            request.Headers.Authorization!.Parameter == "token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK)
        {
            Content = new StringContent("""{"items":[]}"""),
        }));
        var client = new WebexHttpConnection(new Uri("https://webex.test/v1"), provider, null, () => api).CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.ListCallsAsync(null, CancellationToken.None)));

        Assert.Equal(2, provider.RenewalCount);   // the first token, and one renewal after the 401s
        Assert.Equal(40, api.Requests.Count);      // each request: once refused, once retried
        var retried = api.Requests.Skip(20).Select(r => r.Request.Headers.GetValues("TrackingID").Single());
        Assert.Equal(20, retried.Distinct().Count());
    }

    [Fact]
    public async Task A_refused_refresh_is_TokenRefreshFailed_with_webexs_words_and_no_secret()
    {
        var endpoint = StubHandler.Answer(HttpStatusCode.BadRequest,
            """{"message":"The refresh token provided is expired, revoked, malformed, or invalid.","errors":[{"description":"invalid_grant"}],"trackingId":"ROUTER_1"}""");
        var provider = Provider(endpoint);

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => provider.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(WebexErrorKind.TokenRefreshFailed, ex.Kind);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("ROUTER_1", ex.TrackingId);
        Assert.Contains("revoked", ex.Message);
        Assert.DoesNotContain("client-secret-xyz", ex.ToString());
        Assert.DoesNotContain("refresh-0", ex.ToString());
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_is_TokenRefreshFailed_too()
    {
        var endpoint = new StubHandler((_, _) => throw new HttpRequestException("connection refused"));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => Provider(endpoint).GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(WebexErrorKind.TokenRefreshFailed, ex.Kind);
        Assert.Contains("connection refused", ex.Message);
    }

    [Fact]
    public async Task A_fixed_access_token_refused_with_401_is_not_retried()
    {
        var api = StubHandler.Answer(HttpStatusCode.Unauthorized, """{"message":"bad token","trackingId":"T"}""");
        var client = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(Secure("t")), null, () => api).CreateClient();
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));
        Assert.Equal(WebexErrorKind.Unauthorized, ex.Kind);
        Assert.Single(api.Requests);
    }
}
