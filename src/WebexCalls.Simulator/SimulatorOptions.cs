using System;
using System.Collections.Generic;

namespace WebexCalls.Simulator;

/// <summary>Tunable behaviour, bound from the "Simulator" configuration section (e.g. --Simulator:AlertingDelayMs=0).</summary>
public sealed class SimulatorOptions
{
    /// <summary>How long a dialled call alerts the user's own devices (clickToDial) before the user "answers" it.</summary>
    public int AlertingDelayMs { get; set; } = 1000;

    /// <summary>How long the far end rings (connecting) before it answers.</summary>
    public int ConnectingDelayMs { get; set; } = 2000;

    /// <summary>How long a parked call waits to be retrieved before it is recalled to the user; 0 never recalls.</summary>
    public int ParkRecallDelayMs { get; set; } = 60_000;

    /// <summary>How long every /v1 request waits before it is answered, to imitate a network (0 by default).</summary>
    public int LatencyMs { get; set; }

    /// <summary>How long a recording stays pending after startRecording before it is started.</summary>
    public int RecordingStartDelayMs { get; set; }

    /// <summary>Faults in force from start-up (Simulator:Faults:0:Status=429 and so on); see <see cref="Fault"/>.</summary>
    public List<FaultOption> Faults { get; set; } = new();

    internal TimeSpan AlertingDelay => TimeSpan.FromMilliseconds(Math.Max(0, AlertingDelayMs));

    internal TimeSpan ConnectingDelay => TimeSpan.FromMilliseconds(Math.Max(0, ConnectingDelayMs));

    internal TimeSpan ParkRecallDelay => TimeSpan.FromMilliseconds(Math.Max(0, ParkRecallDelayMs));

    internal TimeSpan RecordingStartDelay => TimeSpan.FromMilliseconds(Math.Max(0, RecordingStartDelayMs));
}
