using System.Net;
using System.Security;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>
/// The rate-limit gate keeps each request's own -MaxRetryWaitSec budget, and a Retry-After of any shape is read
/// without throwing and without an endless wait.
/// </summary>
public class RateLimitGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30", 30.0)]
    [InlineData("0", 0.0)]
    [InlineData(" 7 ", 7.0)]
    [InlineData("rand(30),add(30)", 60.0)] // seen from Webex: a template for 30-60 s; its longest
    [InlineData("1.5", 1.5)]
    [InlineData("99999999999999999999999", 3600.0)] // huge: an hour at most
    [InlineData("86400", 3600.0)]
    [InlineData("Sun, 06 Dec 2026 12:00:45 GMT", 45.0)]
    [InlineData("Sun, 06 Dec 2026 11:00:00 GMT", 0.0)] // a date gone by: no wait
    [InlineData("Mon, 06 Dec 2027 12:00:00 GMT", 3600.0)]
    public void A_retry_after_of_any_shape_becomes_a_bounded_wait(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterParser.Parse(value, Now));

    [Theory]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData(null)]
    public void A_retry_after_that_asks_for_no_wait_that_can_be_read_counts_as_none(string? value) =>
        Assert.Null(RetryAfterParser.Parse(value, Now));

    [Theory]
    [InlineData("rand(30),add(30)")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public void A_header_dotnet_cannot_parse_is_read_from_its_text(string value)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        Assert.True(response.Headers.TryAddWithoutValidation("Retry-After", value));
        Assert.Equal(RetryAfterParser.Parse(value, Now), RetryAfterParser.Read(response, Now));
    }

    [Fact]
    public async Task A_gate_closed_beyond_the_budget_fails_the_next_request_at_once_saying_how_long_is_left()
    {
        var first = true;
        var stub = new StubHandler((_, _) =>
        {
            if (Interlocked.Exchange(ref first, false))
            {
                var limited = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("""{"message":"slow down","trackingId":"T"}""") };
                limited.Headers.TryAddWithoutValidation("Retry-After", "30");
                return Task.FromResult(limited);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"items":[]}""") });
        });
        var client = Create(stub, TimeSpan.FromSeconds(3));

        // The request that met the 429: its Retry-After is beyond the budget, so it fails at once.
        var met = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, default));
        Assert.Equal(WebexErrorKind.RateLimited, met.Kind);

        // The next one would wait 30 s at the gate, past its 3 s: it fails at once too, and is never sent.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, default));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "it failed at once, not after the gate's 30 s");
        Assert.Equal(WebexErrorKind.RateLimited, next.Kind);
        Assert.Single(stub.Requests);
        Assert.False(next.MayHaveBeenProcessed);
        Assert.InRange(next.RetryAfter!.Value.TotalSeconds, 25, 30);
        Assert.Contains("rate-limit gate", next.Message);
        Assert.Contains("MaxRetryWaitSec 3 s", next.Message);
    }

    [Fact]
    public async Task A_gate_closed_within_the_budget_is_still_waited_for()
    {
        var first = true;
        var stub = new StubHandler((_, _) =>
        {
            if (Interlocked.Exchange(ref first, false))
            {
                var limited = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("""{"message":"slow down"}""") };
                limited.Headers.TryAddWithoutValidation("Retry-After", "1");
                return Task.FromResult(limited);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"items":[]}""") });
        });
        var client = Create(stub, TimeSpan.FromSeconds(30));

        await client.ListCallsAsync(null, default);
        Assert.Equal(2, stub.Requests.Count);
    }

    private static WebexCallsClient Create(StubHandler stub, TimeSpan budget)
    {
        var secure = new SecureString();
        secure.AppendChar('t');
        var policy = new RetryPolicy { MaxRetryCount = 3, MaxRetryWait = budget, AttemptTimeout = TimeSpan.FromSeconds(10) };
        return new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub, policy).CreateClient();
    }
}
