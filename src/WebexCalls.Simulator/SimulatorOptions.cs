using System;

namespace WebexCalls.Simulator;

/// <summary>Tunable behaviour, bound from the "Simulator" configuration section (e.g. --Simulator:AlertingDelayMs=0).</summary>
public sealed class SimulatorOptions
{
    /// <summary>How long a dialled call alerts the user's own devices (clickToDial) before the user "answers" it.</summary>
    public int AlertingDelayMs { get; set; } = 1000;

    /// <summary>How long the far end rings (connecting) before it answers.</summary>
    public int ConnectingDelayMs { get; set; } = 2000;

    internal TimeSpan AlertingDelay => TimeSpan.FromMilliseconds(Math.Max(0, AlertingDelayMs));

    internal TimeSpan ConnectingDelay => TimeSpan.FromMilliseconds(Math.Max(0, ConnectingDelayMs));
}
