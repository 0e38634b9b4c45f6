using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>Starts a fresh simulator (zero dial delays) on a free loopback port for each test, and stops it after.</summary>
public abstract class SimulatorTestBase : IAsyncLifetime
{
    protected SimulatorHost Sim { get; private set; } = null!;

    public async Task InitializeAsync() => Sim = await SimulatorHost.StartAsync(alertingDelayMs: 0, connectingDelayMs: 0);

    public async Task DisposeAsync() => await Sim.DisposeAsync();
}
