using System.Net;
using System.Net.Http.Headers;
using System.Security;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>
/// The resilience table, row by row, for GET and POST, counting attempts on a stubbed network with short waits: what
/// Webex says was not processed (429, 423, never sent) is retried for every method; what may have been processed
/// (5xx, 408, timeout, a broken connection after sending) only for GET; any other 4xx never.
/// </summary>
public class RetryTests
{
    private static readonly RetryPolicy Fast = new()
    {
        MaxRetryCount = 3,
        MaxRetryWait = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        DefaultRetryAfter = TimeSpan.FromMilliseconds(20),
        BackoffBase = TimeSpan.FromMilliseconds(10),
    };

    private static (WebexCallsClient Client, WebexHttpConnection Connection, WebexCallsClientTests.RecordingObserver Observer) Create(StubHandler stub, RetryPolicy? policy = null)
    {
        var secure = new SecureString();
        secure.AppendChar('t');
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), null, () => stub, policy ?? Fast);
        var observer = new WebexCallsClientTests.RecordingObserver();
        return (connection.CreateClient(observer), connection, observer);
    }

    /// <summary>Answers with <paramref name="first"/> once, then 200/204 with a fitting body.</summary>
    private static StubHandler FailOnceThenSucceed(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> first)
    {
        var calls = 0;
        return new StubHandler(async (request, cancel) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                return await first(request, cancel);
            }

            return request.Method == HttpMethod.Get
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"items":[]}""") }
                : new HttpResponseMessage(HttpStatusCode.NoContent);
        });
    }

    private static Task<HttpResponseMessage> Status(int status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("""{"message":"x","trackingId":"T"}""") };
        if (retryAfter is TimeSpan wait)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        }

        return Task.FromResult(response);
    }

    private static Task Get(WebexCallsClient client) => client.ListCallsAsync(null, CancellationToken.None);

    private static Task Post(WebexCallsClient client) => client.PerformAsync(CallOperations.Hold, "c1", null, CancellationToken.None);

    public static TheoryData<string> Methods => new() { "GET", "POST" };

    private static Task Send(string method, WebexCallsClient client) => method == "GET" ? Get(client) : Post(client);

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_429_with_Retry_After_is_retried_after_it_for_every_method(string method)
    {
        var stub = FailOnceThenSucceed((_, _) => Status(429, TimeSpan.FromMilliseconds(0)));
        var (client, _, observer) = Create(stub);
        await Send(method, client);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Contains(observer.Lines, line => line.Contains("retry 2/4: 429 (Retry-After)"));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_423_is_retried_like_a_429(string method)
    {
        var stub = FailOnceThenSucceed((_, _) => Status(423, TimeSpan.Zero));
        await Send(method, Create(stub).Client);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_429_without_Retry_After_waits_the_default(string method)
    {
        var stub = FailOnceThenSucceed((_, _) => Status(429));
        var (client, _, observer) = Create(stub);
        await Send(method, client);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Contains(observer.Lines, line => line.Contains("429 (no Retry-After: the default)"));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_request_that_never_left_is_retried_for_every_method(string method)
    {
        var stub = FailOnceThenSucceed((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        await Send(method, Create(stub).Client);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task A_transient_status_is_retried_for_GET_and_never_for_POST(int status)
    {
        var get = FailOnceThenSucceed((_, _) => Status(status));
        await Get(Create(get).Client);
        Assert.Equal(2, get.Requests.Count);

        var post = FailOnceThenSucceed((_, _) => Status(status, TimeSpan.Zero));   // even a 503 with Retry-After
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => Post(Create(post).Client));
        Assert.Single(post.Requests);
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public async Task A_timeout_is_retried_for_GET_and_not_for_POST()
    {
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> hang = async (_, cancel) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancel);
            return new HttpResponseMessage(HttpStatusCode.OK);
        };
        var get = FailOnceThenSucceed(hang);
        await Get(Create(get).Client);
        Assert.Equal(2, get.Requests.Count);

        var post = FailOnceThenSucceed(hang);
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => Post(Create(post).Client));
        Assert.Equal(WebexErrorKind.Timeout, ex.Kind);
        Assert.Single(post.Requests);
        Assert.Contains("No response within 0.3 seconds", ex.Message);
    }

    [Fact]
    public async Task A_connection_broken_after_sending_is_retried_for_GET_and_not_for_POST()
    {
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> reset = (_, _) =>
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely");
        var get = FailOnceThenSucceed(reset);
        await Get(Create(get).Client);
        Assert.Equal(2, get.Requests.Count);

        var post = FailOnceThenSucceed(reset);
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => Post(Create(post).Client));
        Assert.Equal(WebexErrorKind.ConnectionFailed, ex.Kind);
        Assert.Single(post.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Any_other_4xx_fails_at_once(int status)
    {
        var stub = FailOnceThenSucceed((_, _) => Status(status));
        await Assert.ThrowsAsync<WebexApiException>(() => Get(Create(stub).Client));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_budget_fails_at_once_with_the_wait_asked()
    {
        var stub = FailOnceThenSucceed((_, _) => Status(429, TimeSpan.FromSeconds(45)));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => Post(Create(stub).Client));
        Assert.Equal(WebexErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(45), ex.RetryAfter);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Retries_stop_at_MaxRetryCount()
    {
        var stub = new StubHandler((_, _) => Status(503));
        await Assert.ThrowsAsync<WebexApiException>(() => Get(Create(stub).Client));
        Assert.Equal(4, stub.Requests.Count);   // the first try and 3 retries
    }

    [Fact]
    public async Task Every_try_of_one_request_keeps_its_TrackingID()
    {
        var stub = FailOnceThenSucceed((_, _) => Status(429, TimeSpan.Zero));
        await Post(Create(stub).Client);
        var ids = stub.Requests.Select(r => r.Request.Headers.GetValues("TrackingID").Single()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal("""{"callId":"c1"}""", stub.Requests[1].Body);
    }

    [Fact]
    public async Task A_429_closes_the_gate_for_every_request_on_the_connection()
    {
        var first = true;
        var stub = new StubHandler((request, _) =>
        {
            if (Interlocked.Exchange(ref first, false))
            {
                return Status(429, TimeSpan.FromMilliseconds(400));
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"items":[]}""") });
        });
        var (client, connection, _) = Create(stub);
        var other = connection.CreateClient();

        var limited = Get(client);
        // Wait for the 429 to arrive rather than a fixed time: a loaded machine may take longer than any guess.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!(connection.RateLimitedUntil > DateTimeOffset.UtcNow) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(connection.RateLimitedUntil > DateTimeOffset.UtcNow);

        // A request from another client of the same connection waits at the gate rather than meeting its own 429.
        await Get(other);
        await limited;
        Assert.Equal(3, stub.Requests.Count);
        Assert.True(connection.RateLimitedUntil <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Ctrl_C_ends_a_wait_at_once()
    {
        var stub = new StubHandler((_, _) => Status(429, TimeSpan.FromSeconds(5)));
        var (client, _, _) = Create(stub);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListCallsAsync(null, cancel.Token));
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData("NameResolutionError", true)]
    [InlineData("ConnectionError", true)]
    [InlineData("SecureConnectionError", true)]
    [InlineData("ProxyTunnelError", true)]
    [InlineData("ResponseEnded", false)]
    [InlineData("Unknown", false)]
    public void Only_the_errors_of_a_request_that_never_left_count_as_not_sent(string error, bool notSent) =>
        Assert.Equal(notSent, RetryHandler.IsProvablyNotSent(new HttpRequestException(Enum.Parse<HttpRequestError>(error), "x")));

    [Fact]
    public void A_refused_connection_on_older_runtimes_counts_as_not_sent() =>
        Assert.True(RetryHandler.IsProvablyNotSent(new HttpRequestException("x", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))));
}
