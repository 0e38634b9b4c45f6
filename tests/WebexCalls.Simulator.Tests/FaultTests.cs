using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>The faults a test scripts: process-then-drop, truncated and slow bodies, fractions, start-up faults.</summary>
public class FaultTests : SimulatorTestBase
{
    private Task<HttpResponseMessage> Fault(string json) => Sim.PostJson("_simulator/faults", json);

    [Fact]
    public async Task Process_then_drop_carries_the_dial_out_but_the_client_never_hears()
    {
        await Fault("""{"method":"POST","path":"/telephony/calls/dial","status":0,"action":"processThenDrop"}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => Sim.PostJson("v1/telephony/calls/dial", """{"destination":"1234"}"""));

        Assert.Equal(1, (await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").GetArrayLength());   // the call exists

        // The dropped request is logged when its own pipeline ends, which can be after the client has moved on (the
        // GET above may be logged first): find it by its path, and wait for it rather than read the log's first line.
        JsonElement? dial = null;
        for (var tries = 0; dial is null && tries < 200; tries++)
        {
            dial = (await Sim.GetJsonAsync("_simulator/requests")).EnumerateArray()
                .Where(r => r.GetProperty("path").GetString() == "/v1/telephony/calls/dial")
                .Select(r => (JsonElement?)r).FirstOrDefault();
            if (dial is null)
            {
                await Task.Delay(25);
            }
        }

        Assert.NotNull(dial);
        Assert.Equal(201, dial!.Value.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_truncated_body_breaks_off_halfway()
    {
        await Fault("""{"method":"GET","status":200,"body":"{\"items\":[{\"id\":\"a-fairly-long-call-id\"}]}","action":"truncate"}""");
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await Sim.Http.GetAsync("v1/telephony/calls")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_slow_body_arrives_whole_but_slowly()
    {
        await Fault("""{"method":"GET","status":200,"body":"{\"items\":[]}","action":"slowBody","delayMs":300}""");
        using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sim.Http.GetAsync("v1/telephony/calls", impatient.Token));
        }

        await Fault("""{"method":"GET","status":200,"body":"{\"items\":[]}","action":"slowBody","delayMs":100}""");
        Assert.Equal(0, (await Sim.GetJsonAsync("v1/telephony/calls")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_fraction_faults_some_matching_requests_and_spares_the_rest()
    {
        await Fault("""{"method":"GET","status":503,"times":0,"fraction":0.5}""");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await Sim.Http.GetAsync("v1/telephony/calls")).StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable), 8, 32);
        Assert.Contains(HttpStatusCode.OK, statuses);
    }

    [Fact]
    public async Task Unknown_actions_and_fractions_are_refused()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Fault("""{"status":500,"action":"explode"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Fault("""{"status":500,"fraction":2}""")).StatusCode);
    }

    [Fact]
    public async Task Faults_can_be_given_on_the_command_line_and_stay()
    {
        var sim = await SimulatorHost.StartAsync(extraArgs: ["--Simulator:Faults:0:Method=GET", "--Simulator:Faults:0:Status=429", "--Simulator:Faults:0:RetryAfterSeconds=3"]);
        await using (sim)
        {
            for (var i = 0; i < 3; i++)
            {
                var response = await sim.Http.GetAsync("v1/telephony/calls");
                Assert.Equal((HttpStatusCode)429, response.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
            }
        }
    }
}
