<#
.SYNOPSIS
    Measures what waiting costs: process CPU over wall time, and progress records written per second, while a
    fan-out waits out a 429's Retry-After, while it waits on slow responses, while Wait-WebexCall waits for a state,
    and while a watch waits between readings; against an idle Start-Sleep of the same length, in the same process.
.DESCRIPTION
    Each case runs in a runspace made with [powershell]::Create(), as schedulers and C# hosts run scripts: such a
    host keeps every progress record, so a cmdlet that wrote progress in a loop would show it here. Warm-up rounds
    run every case first, so the JIT's own work is not counted. The goal: under 2% of one core while waiting, as an
    idle Start-Sleep, and a few progress records a second at most.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Waiting.Bench.ps1
#>
[CmdletBinding()]
param([int] $Members = 20, [int] $ThrottleLimit = 16, [int] $Seconds = 3, [switch] $Quick, [string] $OutFile)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
$rounds = if ($Quick) { 1 } else { 5 }
# .NET's tiered JIT recompiles hot code over the first several runs, at a cost in CPU that is not waiting's.
$warmUp = if ($Quick) { 1 } else { 3 }

$simulator = Start-Simulator
try {
    $base = $simulator.BaseUri
    $control = $base -replace '/v1$', '/_simulator'
    $token = 'bench-token'
    $ids = (Invoke-RestMethod -Method Post "$control/members" -ContentType 'application/json' -Body (@{ count = $Members } | ConvertTo-Json)).ids
    Import-Module $BuiltModule
    Connect-WebexCalling -BaseUri $base -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -Admin

    # One runspace, the module imported once; the connection is the process's, shared by every runspace.
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $import = [powershell]::Create(); $import.Runspace = $runspace
    $null = $import.AddCommand('Import-Module').AddArgument($BuiltModule).Invoke(); $import.Dispose()

    $slow = [Math]::Max(1, [int]($Seconds / 2)) * 1000
    $cases = [ordered]@{
        "Start-Sleep $Seconds s (idle baseline)" = @{ Setup = {}; Script = "Start-Sleep -Seconds $Seconds" }
        "Fan-out: $Members members, no wait (the same work)" = @{ Setup = {}; Script = "Get-WebexCall -MemberId $($ids -join ',') -ThrottleLimit $ThrottleLimit" }
        "Fan-out: $Members members, one 429 with Retry-After $Seconds" = @{
            Setup = { $null = Invoke-RestMethod -Method Post "$control/faults" -ContentType 'application/json' -Body (@{ status = 429; times = 1; retryAfterSeconds = $Seconds; path = '/telephony/calls/members/' } | ConvertTo-Json) }
            Script = "Get-WebexCall -MemberId $($ids -join ',') -ThrottleLimit $ThrottleLimit" }
        "Fan-out: $Members members, $($slow / 1000) s per response" = @{
            Setup = { $null = Invoke-RestMethod -Method Put "$control/latency" -ContentType 'application/json' -Body (@{ method = 'GET'; path = '/telephony/calls/members/'; delayMs = $slow } | ConvertTo-Json) }
            Teardown = { $null = Invoke-RestMethod -Method Put "$control/latency" -ContentType 'application/json' -Body (@{ method = 'GET'; path = '/telephony/calls/members/'; delayMs = 0 } | ConvertTo-Json) }
            Script = "Get-WebexCall -MemberId $($ids -join ',') -ThrottleLimit $([Math]::Max(1, $Members / 2))" }
        "Wait-WebexCall: a ringing call, -TimeoutSec $Seconds" = @{
            Setup = { $script:ringing = (Invoke-RestMethod -Method Post "$control/calls/incoming" -ContentType 'application/json' -Body (@{ number = '+14085550101' } | ConvertTo-Json)).id }
            Script = { "Wait-WebexCall -CallId '$script:ringing' -State Connected -TimeoutSec $Seconds -ErrorAction SilentlyContinue" } }
        "Watch-WebexCall: $Members members, -IntervalSec 1 for $Seconds s" = @{
            Setup = {}
            Script = "Watch-WebexCall -MemberId $($ids -join ',') -IntervalSec 1 -Timeout '00:00:0$Seconds'" }
    }

    $process = [Diagnostics.Process]::GetCurrentProcess()
    $results = @{}
    foreach ($name in $cases.Keys) { $results[$name] = [Collections.Generic.List[object]]::new() }
    # The first rounds warm up (the JIT compiles the HTTP stack and the cmdlets, then recompiles what is hot) and are
    # not counted.
    for ($r = 1 - $warmUp; $r -le $rounds; $r++) {
        foreach ($name in $cases.Keys) {
            & $cases[$name].Setup
            $script = $cases[$name].Script
            if ($script -is [scriptblock]) { $script = & $script }
            $ps = [powershell]::Create(); $ps.Runspace = $runspace
            $null = $ps.AddScript($script)
            $null = Invoke-RestMethod -Method Delete "$control/requests"
            $process.Refresh(); $cpu = $process.TotalProcessorTime
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $null = $ps.Invoke()
            $wall = $clock.Elapsed.TotalSeconds
            $process.Refresh(); $used = ($process.TotalProcessorTime - $cpu).TotalSeconds
            $progress = $ps.Streams.Progress.Count
            $sent = @(Invoke-RestMethod "$control/requests" | ForEach-Object { $_ } | Where-Object path -Like '/v1/*').Count
            $ps.Dispose()
            if ($cases[$name].Teardown) { & $cases[$name].Teardown }
            if ($r -gt 0) { $results[$name].Add([pscustomobject]@{ Wall = $wall; CpuPercent = 100 * $used / $wall; Progress = $progress; ProgressPerSecond = $progress / $wall; Sent = $sent; CpuMs = 1000 * $used }) }
        }
    }
    $runspace.Dispose()
}
finally { Stop-Simulator $simulator }

$idle = Get-Median @($results["Start-Sleep $Seconds s (idle baseline)"].CpuPercent)
$rows = foreach ($name in $cases.Keys) {
    $r = $results[$name]
    $cpu = Get-Median @($r.CpuPercent)
    $wall = Get-Median @($r.Wall)
    # A case over in a few milliseconds has no rate worth showing: its CPU ms and record count say it all.
    $rates = if ($wall -ge 0.5) {
        "$($cpu.ToString('F1')) ($(Format-Spread @($r.CpuPercent) 'F1')) | $(if ($idle -gt 0) { 'x' + ($cpu / $idle).ToString('F1') } else { '-' })"
    } else { '- | -' }
    $perSecond = if ($wall -ge 0.5) { (Get-Median @($r.ProgressPerSecond)).ToString('F1') } else { '-' }
    "| $name | $($wall.ToString('F2')) | $rates | $((Get-Median @($r.Sent)).ToString('F0')) | $((Get-Median @($r.CpuMs)).ToString('F0')) | $((Get-Median @($r.Progress)).ToString('F0')) | $perSecond |"
}
$report = @"
## Waiting: CPU and progress while a cmdlet waits

$(Get-MachineLine); $rounds round(s) after $warmUp warm-up round(s), each case in a [powershell]::Create() runspace in one
process. CPU is the whole process's (the simulator runs in another), as a percentage of one core over the case's wall
time. Goal: under 2% of one core while waiting, as the idle Start-Sleep, and a few progress records a second. A wait
that reads as it waits (Wait-WebexCall every 0.5 s, a watch every interval) spends CPU on its requests, not on
waiting: compare its CPU ms with the requests it sent, and the 429 row with the same fan-out without a wait.

| Case | Wall s | CPU % of one core: median (min-max) | Ratio to idle | Requests | CPU ms | Progress records | Per second |
|---|---|---|---|---|---|---|---|
$($rows -join "`n")
"@
if ($OutFile) { $report | Set-Content $OutFile -Encoding utf8 }
$report
