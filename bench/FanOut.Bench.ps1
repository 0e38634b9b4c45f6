<#
.SYNOPSIS
    Measures admin mode's fan-out: Get-WebexCall -MemberId over many members against ForEach-Object -Parallel with
    Invoke-RestMethod, side by side in one run, against the simulator with a fixed latency per request.
.DESCRIPTION
    Starts the simulator with -LatencyMs on every request, seeds -Members members with one call each, then runs the
    two contenders -Repeat times each, interleaved (module, baseline, module, ...) so that both meet the same machine
    load. Reports the median, min-max and ratios: the module against the ideal (Members x LatencyMs / ThrottleLimit)
    and the baseline against the module. Writes the report to out/bench/fanout.md and prints it. Absolute times are
    shown, never used as goals: this machine is shared and noisy, ratios measured together are what count.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/FanOut.Bench.ps1
#>
[CmdletBinding()]
param(
    [int] $Members = 2000,
    [int] $LatencyMs = 50,
    [int] $ThrottleLimit = 32,
    [int] $Repeat = 3,
    # A small run (200 members, one repetition) that proves the benchmark still works; ./build.ps1 Bench -Quick.
    [switch] $Quick,
    # Where to write the report section; out/bench/fanout.md when not given.
    [string] $OutFile
)
if ($Quick) { $Members = 200; $Repeat = 1 }

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
$outDir = Join-Path $Out 'bench'
$null = New-Item -ItemType Directory -Path $outDir -Force

$simulator = Start-Simulator -LatencyMs $LatencyMs
try {
    $base = $simulator.BaseUri
    $control = $base -replace '/v1$', '/_simulator'

    $ids = (Invoke-RestMethod -Method Post "$control/members" -ContentType 'application/json' -Body (@{ count = $Members; activeCalls = 1 } | ConvertTo-Json)).ids
    Import-Module $BuiltModule
    $token = 'bench-token'
    Connect-WebexCalling -BaseUri $base -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force)

    $contenders = [ordered]@{
        'Get-WebexCall -MemberId (module)' = {
            $calls = Get-WebexCall -MemberId $ids -ThrottleLimit $ThrottleLimit
            if (@($calls).Count -ne $Members) { throw "the module returned $(@($calls).Count) calls, not $Members" }
        }
        'ForEach-Object -Parallel + Invoke-RestMethod (baseline)' = {
            $calls = $ids | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
                (Invoke-RestMethod -Uri "$using:base/telephony/calls/members/$_/calls" -Headers @{ Authorization = "Bearer $using:token" }).items
            }
            if (@($calls).Count -ne $Members) { throw "the baseline returned $(@($calls).Count) calls, not $Members" }
        }
    }

    # One warm-up each (JIT, connection pool), then the measured runs, interleaved.
    foreach ($run in $contenders.Values) { & $run }
    $times = @{}
    $cpu = @{}
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    foreach ($name in $contenders.Keys) {
        $times[$name] = [System.Collections.Generic.List[double]]::new()
        $cpu[$name] = [System.Collections.Generic.List[double]]::new()
    }
    for ($i = 0; $i -lt $Repeat; $i++) {
        foreach ($name in $contenders.Keys) {
            # Both run in this process, so its CPU time is what each costs the machine (the simulator's is apart).
            $self.Refresh()
            $cpuBefore = $self.TotalProcessorTime
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            & $contenders[$name]
            $times[$name].Add($clock.Elapsed.TotalSeconds)
            $self.Refresh()
            $cpu[$name].Add(($self.TotalProcessorTime - $cpuBefore).TotalSeconds)
        }
    }

    $ideal = $Members * $LatencyMs / 1000.0 / $ThrottleLimit
    $names = @($contenders.Keys)
    $moduleMedian = Get-Median $times[$names[0]]
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add("## Fan-out: $Members members, $LatencyMs ms per request, -ThrottleLimit $ThrottleLimit")
    $lines.Add('')
    $lines.Add("$(Get-MachineLine); N = $Repeat each, interleaved, after one warm-up. Ideal = $Members x $LatencyMs ms / $ThrottleLimit = $([math]::Round($ideal, 2)) s.")
    $lines.Add('')
    $moduleCpu = Get-Median $cpu[$names[0]]
    $lines.Add('| contender | median (s) | min-max (s) | ratio to ideal | time ratio to module | CPU median (s) | CPU ratio to module |')
    $lines.Add('|---|---|---|---|---|---|---|')
    foreach ($name in $names) {
        $median = Get-Median $times[$name]
        $cpuMedian = Get-Median $cpu[$name]
        $lines.Add(('| {0} | {1:0.00} | {2:0.00}-{3:0.00} | {4:0.00}x | {5:0.00}x | {6:0.00} | {7:0.00}x |' -f $name, $median,
            ($times[$name] | Measure-Object -Minimum).Minimum, ($times[$name] | Measure-Object -Maximum).Maximum, ($median / $ideal), ($median / $moduleMedian),
            $cpuMedian, ($cpuMedian / $moduleCpu)))
    }

    $report = $lines -join [Environment]::NewLine
    $report | Set-Content $(if ($OutFile) { $OutFile } else { Join-Path $outDir 'fanout.md' }) -Encoding utf8
    $report
}
finally { Stop-Simulator $simulator }
