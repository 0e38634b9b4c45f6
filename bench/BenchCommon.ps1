# What every benchmark shares: the repository's paths and build helpers (the simulator starter among them),
# statistics, the machine line, and fresh-process probes. Each bench/*.Bench.ps1 dot-sources this first.

$Root = Split-Path $PSScriptRoot
$Out = Join-Path $Root 'out'
$Configuration = 'Release'
. (Join-Path $Root 'build/Common.ps1')
. (Join-Path $Root 'build/Simulator.ps1')
$BuiltModule = Join-Path $Out 'WebexCalls/WebexCalls.psd1'
if (-not (Test-Path $BuiltModule)) { throw "$BuiltModule is missing: run 'dotnet pwsh ./build.ps1 Build' first." }

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $mid = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$mid] }
    return ($sorted[$mid - 1] + $sorted[$mid]) / 2
}

function Format-Spread([double[]] $Values, [string] $Format = 'F0') {
    # min-max: with few samples on a shared machine it says more than an IQR would.
    $m = $Values | Measure-Object -Minimum -Maximum
    return "$($m.Minimum.ToString($Format))-$($m.Maximum.ToString($Format))"
}

function Get-MachineLine {
    "$([Environment]::ProcessorCount) cores, $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion), $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC"
}

function Invoke-FreshProbe([string] $Script) {
    # Runs $Script in a fresh pwsh; returns the numbers of its "RESULT a b ..." line and the process's wall time (ms).
    $pwsh = Get-PwshCommand
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Script
    $wall = $clock.Elapsed.TotalMilliseconds
    $line = $lines | Select-String '^RESULT' | Select-Object -Last 1
    if ($LASTEXITCODE -ne 0) { throw "A probe failed (exit code $LASTEXITCODE): $($lines -join ' ')" }
    $values = if ($line) { @("$line".Split(' ') | Select-Object -Skip 1) } else { @() }
    # @(): an if statement unrolls a one-item array into its item.
    return [pscustomobject]@{ Values = @($values); WallMs = $wall }
}

function Format-RatioRow([string] $Name, [double[]] $Subject, [double[]] $Baseline) {
    # | name | subject median (spread) | baseline median (spread) | ratio |
    $s = Get-Median $Subject; $b = Get-Median $Baseline
    "| $Name | $($s.ToString('F0')) ($(Format-Spread $Subject)) | $($b.ToString('F0')) ($(Format-Spread $Baseline)) | x$(($s / $b).ToString('F2')) |"
}
