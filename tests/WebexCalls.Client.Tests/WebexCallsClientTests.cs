using System.Net;
using System.Security;
using System.Text.Json;
using WebexCalls.Client.Http;
using Xunit;

namespace WebexCalls.Client.Tests;

public class WebexCallsClientTests
{
    private const string Token = "secret-token-value-1234567890";
    private const string CallJson = """{ "id": "call/1+x", "callSessionId": "s1", "personality": "originator", "state": "connected", "remoteParty": { "name": "Jane Doe", "number": "+14085550100", "privacyEnabled": false, "callType": "external" }, "created": "2024-01-01T00:00:00Z", "muteCapable": true, "muted": false }""";

    private static (WebexCallsClient Client, StubHandler Stub, RecordingObserver Observer) Create(StubHandler stub, TimeSpan? timeout = null)
    {
        var secure = new SecureString();
        foreach (var c in Token)
        {
            secure.AppendChar(c);
        }

        // These tests are about how each answer is read; retrying is RetryTests' subject, so it is off here.
        var connection = new WebexHttpConnection(
            new Uri("https://webex.test/v1"), new SecureStringTokenProvider(secure), timeout, () => stub, new RetryPolicy { MaxRetryCount = 0 });
        var observer = new RecordingObserver();
        return (connection.CreateClient(observer), stub, observer);
    }

    [Fact]
    public async Task Every_request_carries_the_bearer_token_a_TrackingID_and_goes_under_v1()
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.OK, "{\"items\":[]}"));

        await client.ListCallsAsync(null, CancellationToken.None);

        var (request, _) = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://webex.test/v1/telephony/calls", request.RequestUri!.ToString());
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(Token, request.Headers.Authorization.Parameter);
        Assert.StartsWith("WEBEXCALLS_", Assert.Single(request.Headers.GetValues("TrackingID")));
    }

    [Fact]
    public async Task List_maps_each_item()
    {
        var (client, _, _) = Create(StubHandler.Answer(HttpStatusCode.OK, "{\"items\":[" + CallJson + "," + CallJson.Replace("call/1+x", "two") + "]}"));

        var calls = await client.ListCallsAsync(null, CancellationToken.None);

        Assert.Equal(new[] { "call/1+x", "two" }, calls.Select(c => c.Id));
        Assert.All(calls, c => Assert.Equal(CallState.Connected, c.State));
    }

    [Fact]
    public async Task Get_escapes_the_call_id_in_the_path()
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.OK, CallJson));

        var call = await client.GetCallAsync("call/1+x", null, CancellationToken.None);

        Assert.Equal("/v1/telephony/calls/call%2F1%2Bx", stub.Requests[0].Request.RequestUri!.AbsolutePath);
        Assert.Equal("Jane Doe <+14085550100>", call.RemoteParty!.ToString());
    }

    [Fact]
    public async Task Dial_posts_the_destination_and_reads_the_201_ids()
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.Created, "{\"callId\":\"c1\",\"callSessionId\":\"s1\"}"));

        var result = await client.DialAsync("+14085550100", null, null, CancellationToken.None);

        Assert.Equal("c1", result.CallId);
        Assert.Equal("s1", result.CallSessionId);
        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/telephony/calls/dial", request.RequestUri!.AbsolutePath);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("{\"destination\":\"+14085550100\"}", body);
    }

    [Fact]
    public async Task Dial_sends_endpointId_when_given_and_refuses_a_bad_destination_before_any_request()
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.Created, "{\"callId\":\"c1\",\"callSessionId\":\"s1\"}"));

        await client.DialAsync("1234", new NewCallOptions { EndpointId = "endpoint-9" }, null, CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => client.DialAsync("call me maybe", null, null, CancellationToken.None));

        var (_, body) = Assert.Single(stub.Requests);
        Assert.Equal("{\"destination\":\"1234\",\"endpointId\":\"endpoint-9\"}", body);
    }

    [Theory]
    [InlineData("hold")]
    [InlineData("resume")]
    [InlineData("hangup")]
    public async Task Call_actions_post_the_call_id_and_accept_204(string action)
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.NoContent));

        var task = action switch
        {
            "hold" => client.PerformAsync(CallOperations.Hold, "c1", null, CancellationToken.None),
            "resume" => client.PerformAsync(CallOperations.Resume, "c1", null, CancellationToken.None),
            _ => client.PerformAsync(CallOperations.Hangup, "c1", null, CancellationToken.None),
        };
        await task;

        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal("/v1/telephony/calls/" + action, request.RequestUri!.AbsolutePath);
        Assert.Equal("{\"callId\":\"c1\"}", body);
    }

    [Fact]
    public async Task A_webex_error_body_gives_kind_message_details_and_tracking_id()
    {
        var (client, _, _) = Create(StubHandler.Answer(
            HttpStatusCode.NotFound,
            "{\"message\":\"Call not found\",\"errors\":[{\"description\":\"Call not found\"},{\"description\":\"Check the id\"}],\"trackingId\":\"ROUTER_BODY\"}",
            configure: r => r.Headers.Add("trackingid", "ROUTER_HEADER")));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.GetCallAsync("gone", null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.NotFound, ex.Kind);
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("Call not found", ex.WebexMessage);
        Assert.Equal(new[] { "Call not found", "Check the id" }, ex.Details);
        Assert.Equal("ROUTER_BODY", ex.TrackingId);
        Assert.Equal("gone", ex.CallId);
        Assert.Equal("GET /telephony/calls/gone failed: HTTP 404 (NotFound). Call not found. Check the id. TrackingId: ROUTER_BODY", ex.Message);
    }

    [Fact]
    public async Task A_non_json_error_body_is_still_a_clear_error_with_the_header_tracking_id()
    {
        var (client, _, _) = Create(StubHandler.Answer(
            HttpStatusCode.BadGateway, "<html><body>upstream down</body></html>", "text/html",
            r => r.Headers.Add("TrackingID", "ROUTERGW_123")));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.PerformAsync(CallOperations.Hold, "c1", null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.ServerError, ex.Kind);
        Assert.Equal("ROUTERGW_123", ex.TrackingId);
        Assert.Contains("upstream down", ex.Message);
    }

    [Fact]
    public async Task An_empty_error_body_uses_the_reason_phrase_and_our_own_tracking_id()
    {
        var (client, stub, _) = Create(StubHandler.Answer(HttpStatusCode.Forbidden));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.Forbidden, ex.Kind);
        Assert.Equal("no body (Forbidden)", ex.WebexMessage);
        Assert.Equal(stub.Requests[0].Request.Headers.GetValues("TrackingID").Single(), ex.TrackingId);
        Assert.False(ex.ReachedWebex);   // our own tracking id: nothing for Cisco to find
    }

    [Fact]
    public async Task A_proxys_HTML_page_is_described_in_words_never_as_markup()
    {
        const string Page = "<html><head><title>Access Denied</title><style>body { color: red; font-family: Arial }</style></head><body><h1>Blocked &amp; logged</h1><script>var x = 1;</script></body></html>";
        var (client, _, _) = Create(StubHandler.Answer(HttpStatusCode.Forbidden, Page, "text/html"));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));

        Assert.Equal("an HTML page, not a Webex answer: Access Denied", ex.WebexMessage);
        Assert.DoesNotContain("color", ex.Message);
        Assert.DoesNotContain("<", ex.Message);
        Assert.False(ex.AnswerIsWebexJson);
        Assert.False(ex.ReachedWebex);

        (client, _, _) = Create(StubHandler.Answer(HttpStatusCode.BadGateway, "<html><style>p{}</style><p>Upstream   gone</p></html>", "text/html"));
        ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));
        Assert.Equal("an HTML page, not a Webex answer: Upstream gone", ex.WebexMessage);
    }

    [Fact]
    public async Task A_webex_answer_reached_webex_and_its_tracking_id_is_worth_quoting()
    {
        var (client, _, _) = Create(StubHandler.Answer(HttpStatusCode.Forbidden, """{"message":"Missing scope","trackingId":"ROUTER_9"}"""));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));
        Assert.True(ex.ReachedWebex);
        Assert.True(ex.AnswerIsWebexJson);
        Assert.Equal("ROUTER_9", ex.TrackingId);
    }

    [Fact]
    public async Task Rate_limiting_reports_Retry_After()
    {
        var (client, _, _) = Create(StubHandler.Answer(
            (HttpStatusCode)429, null, configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7))));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
    }

    [Theory]
    [InlineData(400, WebexErrorKind.BadRequest)]
    [InlineData(401, WebexErrorKind.Unauthorized)]
    [InlineData(409, WebexErrorKind.Conflict)]
    [InlineData(410, WebexErrorKind.HttpError)]
    [InlineData(423, WebexErrorKind.RateLimited)]
    [InlineData(503, WebexErrorKind.ServerError)]
    public void Status_codes_map_to_kinds(int status, WebexErrorKind kind) => Assert.Equal(kind, WebexErrorReader.KindOf(status));

    [Theory]
    [InlineData("{\"items\": [ {\"id\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"items\": 5}")]
    [InlineData("{}")]
    [InlineData("{\"items\": [ {\"state\": \"connected\"} ]}")]
    public async Task A_malformed_success_body_is_InvalidResponse_never_a_JsonException(string body)
    {
        var (client, _, _) = Create(StubHandler.Answer(HttpStatusCode.OK, body));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.InvalidResponse, ex.Kind);
        Assert.StartsWith("GET /telephony/calls failed", ex.Message);
    }

    [Fact]
    public async Task A_dial_answer_without_ids_is_InvalidResponse()
    {
        var (client, _, _) = Create(StubHandler.Answer(HttpStatusCode.Created, "{\"callId\":\"c1\"}"));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.DialAsync("1234", null, null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task A_network_failure_is_ConnectionFailed()
    {
        var (client, _, _) = Create(new StubHandler((_, _) => throw new HttpRequestException("Connection refused")));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.ListCallsAsync(null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.ConnectionFailed, ex.Kind);
        Assert.Null(ex.StatusCode);
        Assert.Contains("Connection refused", ex.Message);
        Assert.StartsWith("WEBEXCALLS_", ex.TrackingId);
    }

    [Fact]
    public async Task The_http_timeout_is_Timeout_but_a_cancellation_by_the_caller_stays_a_cancellation()
    {
        var slow = new StubHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var (timingOut, _, _) = Create(slow, TimeSpan.FromMilliseconds(50));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => timingOut.ListCallsAsync(null, CancellationToken.None));
        Assert.Equal(WebexErrorKind.Timeout, ex.Kind);

        var (client, _, _) = Create(slow);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListCallsAsync(null, cancel.Token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bodies_become_text_for_the_observer_only_when_it_wants_them(bool wantsBodies)
    {
        var (client, _, observer) = Create(StubHandler.Answer(HttpStatusCode.OK, "{\"items\":[]}"));
        observer.WantsBodies = wantsBodies;

        await client.ListCallsAsync(null, CancellationToken.None);
        try
        {
            await client.PerformAsync(CallOperations.Hangup, "c9", null, CancellationToken.None);
        }
        catch (WebexApiException)
        {
            // Only what the observer heard matters here, not how the stub's answer reads for a hangup.
        }

        Assert.Equal(wantsBodies, observer.Lines.Contains("POST /telephony/calls/hangup {\"callId\":\"c9\"}"));
        Assert.Equal(wantsBodies ? "{\"items\":[]}" : null, observer.ResponseBodies[0]);
    }

    [Fact]
    public async Task The_observer_hears_method_path_status_and_tracking_id_but_never_the_token()
    {
        var (client, _, observer) = Create(StubHandler.Answer(
            HttpStatusCode.NotFound, "{\"message\":\"Call not found\",\"trackingId\":\"ROUTER_X\"}", configure: r => r.Headers.Add("trackingid", "ROUTER_X")));

        await Assert.ThrowsAsync<WebexApiException>(() => client.PerformAsync(CallOperations.Hangup, "c9", null, CancellationToken.None));

        Assert.Contains("POST /telephony/calls/hangup {\"callId\":\"c9\"}", observer.Lines);
        Assert.Contains(observer.Lines, line => line.StartsWith("POST /telephony/calls/hangup 404 ") && line.EndsWith("ROUTER_X"));
        Assert.DoesNotContain(observer.Lines, line => line.Contains(Token));
    }

    [Fact]
    public void The_http_stack_is_built_on_first_use_only()
    {
        var connection = new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(new SecureString()));
        Assert.False(connection.IsHttpStackBuilt);
        connection.CreateClient();
        Assert.True(connection.IsHttpStackBuilt);
    }

    [Theory]
    [InlineData("ftp://webex.test/v1")]
    [InlineData("/v1")]
    public void The_base_uri_must_be_absolute_http(string uri) =>
        Assert.Throws<ArgumentException>(() => new WebexHttpConnection(new Uri(uri, UriKind.RelativeOrAbsolute), new SecureStringTokenProvider(new SecureString())));

    internal sealed class RecordingObserver : IWebexRequestObserver
    {
        public List<string> Lines { get; } = new();

        public List<string?> ResponseBodies { get; } = new();

        public bool WantsBodies { get; set; } = true;

        public void RequestSending(string method, string path, string? body) => Lines.Add(method + " " + path + (body is null ? "" : " " + body));

        public void ResponseReceived(string method, string path, int? statusCode, TimeSpan elapsed, string? trackingId, string? body)
        {
            Lines.Add(method + " " + path + " " + statusCode + " " + trackingId);
            ResponseBodies.Add(body);
        }

        public void RetryWaiting(string method, string path, string cause, TimeSpan wait, string waitSource, int nextTry, int maxTries) =>
            Lines.Add(method + " " + path + " retry " + nextTry + "/" + maxTries + ": " + cause + " (" + waitSource + ")");
    }
}

public class WebexCallsClientToleranceTests
{
    private static WebexCallsClient Create(StubHandler stub) =>
        new WebexHttpConnection(new Uri("https://webex.test/v1"), new SecureStringTokenProvider(new System.Security.SecureString()), null, () => stub).CreateClient();

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    private static string Call(string id, string session, string personality) =>
        $$"""{ "id": "{{id}}", "callSessionId": "{{session}}", "personality": "{{personality}}", "state": "connecting", "remoteParty": { "privacyEnabled": false, "callType": "external" }, "created": "2024-01-01T00:00:00Z", "muteCapable": false, "muted": false }""";

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Call_not_found_is_NotFound_whatever_the_4xx_status(int status)
    {
        var client = Create(new StubHandler((_, _) => Task.FromResult(Json((HttpStatusCode)status,
            "{\"message\":\"Unable to complete the request\",\"errors\":[{\"description\":\"Call not found\"}],\"trackingId\":\"T\"}"))));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.PerformAsync(CallOperations.Hold, "gone", null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.NotFound, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public async Task Other_400s_stay_BadRequest()
    {
        var client = Create(new StubHandler((_, _) => Task.FromResult(Json(HttpStatusCode.BadRequest, "{\"message\":\"Missing required field: callId\",\"trackingId\":\"T\"}"))));
        var ex = await Assert.ThrowsAsync<WebexApiException>(() => client.PerformAsync(CallOperations.Hold, "x", null, CancellationToken.None));
        Assert.Equal(WebexErrorKind.BadRequest, ex.Kind);
    }

    [Fact]
    public async Task A_dialled_call_whose_id_changed_is_found_by_its_session()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath switch
        {
            "/v1/telephony/calls/dial-id" => Json(HttpStatusCode.NotFound, "{\"message\":\"Call not found\",\"trackingId\":\"T\"}"),
            "/v1/telephony/calls" => Json(HttpStatusCode.OK, "{\"items\":[" + Call("incoming", "S1", "terminator") + "," + Call("other", "S2", "originator") + "," + Call("new-id", "S1", "originator") + "]}"),
            _ => new HttpResponseMessage(HttpStatusCode.InternalServerError),
        }));

        var call = await Create(stub).GetNewCallAsync(new DialResult("dial-id", "S1"), null, CancellationToken.None);

        Assert.Equal("new-id", call.Id);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_dialled_call_that_is_gone_from_the_list_too_is_NotFound()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath == "/v1/telephony/calls"
            ? Json(HttpStatusCode.OK, "{\"items\":[" + Call("x", "S2", "originator") + "]}")
            : Json(HttpStatusCode.NotFound, "{\"message\":\"Call not found\",\"trackingId\":\"T\"}")));

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => Create(stub).GetNewCallAsync(new DialResult("dial-id", "S1"), null, CancellationToken.None));

        Assert.Equal(WebexErrorKind.NotFound, ex.Kind);
        Assert.Equal("dial-id", ex.CallId);
    }

    [Fact]
    public async Task A_dialled_call_found_by_id_needs_no_list()
    {
        var stub = new StubHandler((_, _) => Task.FromResult(Json(HttpStatusCode.OK, Call("dial-id", "S1", "clickToDial"))));
        var call = await Create(stub).GetNewCallAsync(new DialResult("dial-id", "S1"), null, CancellationToken.None);
        Assert.Equal(CallPersonality.ClickToDial, call.Personality);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task The_import_time_rehearsal_completes_quietly_without_the_network()
    {
        // It runs the list and the 404 of the connection check against canned answers; a throw here would be lost
        // on a thread-pool thread, so it must never throw.
        var rehearsal = Warmup.RunAsync();
        Assert.Same(rehearsal, await Task.WhenAny(rehearsal, Task.Delay(TimeSpan.FromSeconds(30))));
        await rehearsal;
    }
}
