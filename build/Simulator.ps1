# Starts and stops the Webex Calling simulator for the Test, Demo and Package tasks.

function Start-Simulator {
    # Starts the simulator on a free loopback port and returns its process and /v1 base URI.
    param([int] $AlertingDelayMs = 0, [int] $ConnectingDelayMs = 0, [int] $LatencyMs = 0)
    $dll = Join-Path $Root "src/WebexCalls.Simulator/bin/$Configuration/net10.0/WebexCalls.Simulator.dll"
    $null = New-Item -ItemType Directory -Path $Out -Force
    $log = Join-Path $Out "simulator-$PID-$([guid]::NewGuid().ToString('N').Substring(0, 8)).log"
    $process = Start-Process -FilePath 'dotnet' -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err" -ArgumentList @(
        $dll, '--urls', 'http://127.0.0.1:0',
        "--Simulator:AlertingDelayMs=$AlertingDelayMs", "--Simulator:ConnectingDelayMs=$ConnectingDelayMs", "--Simulator:LatencyMs=$LatencyMs")
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = Get-Content $log -ErrorAction SilentlyContinue | Select-String 'listening on (\S+/v1)' | Select-Object -First 1
        if ($line) { return [pscustomobject]@{ Process = $process; BaseUri = $line.Matches[0].Groups[1].Value } }
        if ($process.HasExited) { break }
        Start-Sleep -Milliseconds 100
    }
    $process | Stop-Process -Force -ErrorAction SilentlyContinue
    throw "The simulator did not start. Its output: $(Get-Content $log, "$log.err" -Raw -ErrorAction SilentlyContinue)"
}

function Stop-Simulator($Simulator) {
    if ($Simulator -and -not $Simulator.Process.HasExited) { $Simulator.Process | Stop-Process -Force -ErrorAction SilentlyContinue }
}
