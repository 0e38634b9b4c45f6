using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>The simulator as a user runs it: its own process, an address printed when ready, Ctrl+C to stop.</summary>
public class SimulatorProcessTests
{
    [UnixFact]
    public async Task Prints_its_address_serves_it_and_stops_cleanly_on_ctrl_c()
    {
        var dll = typeof(SimulatorApp).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            // Generous bounds: they only keep a broken build from hanging the run; nothing here measures speed.
            using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(ready.Token);
            Assert.NotNull(line);
            var match = System.Text.RegularExpressions.Regex.Match(line!, @"listening on (http://127\.0\.0\.1:(\d+)/v1)");
            Assert.True(match.Success, "Unexpected first line: " + line);
            Assert.NotEqual("0", match.Groups[2].Value);

            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new("Bearer", "t");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(match.Groups[1].Value + "/telephony/calls")).StatusCode);

            // A run started as a background job (`cmd &`) has SIGINT ignored, the child inherits that, and .NET keeps
            // it ignored: Ctrl+C cannot reach it then. SIGTERM, which the host stops on in the same way, tests the
            // clean stop in that case.
            var signal = SignalState.SigIntIgnored() ? "-TERM" : "-INT";
            using (var kill = Process.Start("kill", [signal, process.Id.ToString()]))
            {
                await kill.WaitForExitAsync();
            }

            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(stopped.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

internal static class SignalState
{
    /// <summary>True when this process ignores SIGINT (bit 1 of SigIgn in /proc/self/status), as a background job does.</summary>
    public static bool SigIntIgnored()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line != null && (Convert.ToUInt64(line.Substring(7).Trim(), 16) & 0x2) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs a Unix signal (SIGINT sent with kill); skipped, with the reason, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Skip = "Sends SIGINT with kill(1); Windows has no such signal to send to another process.";
        }
    }
}
