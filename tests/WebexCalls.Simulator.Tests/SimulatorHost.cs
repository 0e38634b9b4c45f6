using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace WebexCalls.Simulator.Tests;

/// <summary>A manual clock for the simulator's time-driven transitions.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>The simulator started in-process on a free loopback port, reached over real HTTP.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, string address, ManualClock clock)
    {
        _app = app;
        Clock = clock;
        Address = address;
        Http = new HttpClient { BaseAddress = new Uri(address + "/") };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
    }

    public ManualClock Clock { get; }

    public string Address { get; }

    /// <summary>A client with a bearer token, relative to the server root (paths start with v1/ or _simulator/).</summary>
    public HttpClient Http { get; }

    public static async Task<SimulatorHost> StartAsync(int alertingDelayMs = 1000, int connectingDelayMs = 2000, string[]? extraArgs = null)
    {
        var clock = new ManualClock();
        var app = SimulatorApp.Build(
            ["--urls", "http://127.0.0.1:0", $"--Simulator:AlertingDelayMs={alertingDelayMs}", $"--Simulator:ConnectingDelayMs={connectingDelayMs}", .. extraArgs ?? []],
            services => services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        return new SimulatorHost(app, SimulatorApp.ListeningAddress(app), clock);
    }

    public Task<HttpResponseMessage> PostJson(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<string> DialAsync(string destination = "+14085550100")
    {
        var response = await PostJson("v1/telephony/calls/dial", JsonSerializer.Serialize(new { destination }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString()!;
    }

    public async Task<string> SeedIncomingAsync(string number = "+14085550101")
    {
        var response = await PostJson("_simulator/calls/incoming", JsonSerializer.Serialize(new { number }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
