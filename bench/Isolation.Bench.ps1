<#
.SYNOPSIS
    Measures what dependency isolation costs: import time and the first request, for the module as built (engine in
    its own load context) against the layout before isolation (every DLL in the module root, in PowerShell's shared
    context), side by side in one run.
.DESCRIPTION
    Makes the "before" layout from the built module (engine/ moved into the root, where PowerShell's own resolver
    finds WebexCalls.Client first, so the private context is never used), then starts -Repeat fresh pwsh processes
    per layout, interleaved (isolated, flat, isolated, ...) so both meet the same machine load. Each process times
    Import-Module, then Connect-WebexCalling plus the first Get-WebexCall against the simulator (which builds the
    HTTP stack and loads the engine), and says which load context WebexCalls.Client landed in. Reports medians and
    the ratio; writes out/bench/isolation.md. Absolute times are shown, never used as goals.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Isolation.Bench.ps1
#>
[CmdletBinding()]
param([int] $Repeat = 20, [switch] $Quick, [string] $OutFile)
if ($Quick) { $Repeat = 3 }

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$isolated = Join-Path $Out 'WebexCalls'
if (-not (Test-Path (Join-Path $isolated 'engine'))) { throw "$isolated has no engine folder: run 'dotnet pwsh ./build.ps1 Build' first." }
$benchDir = Join-Path $Out 'bench'
$flat = Join-Path $benchDir 'flat/WebexCalls'
Remove-Item $flat -Recurse -Force -ErrorAction SilentlyContinue
$null = New-Item -ItemType Directory -Path $flat -Force
Copy-Item (Join-Path $isolated '*') $flat -Recurse
Move-Item (Join-Path $flat 'engine/*') $flat
Remove-Item (Join-Path $flat 'engine') -Recurse

$probe = @'
$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module '{0}'
$import = $sw.Elapsed.TotalMilliseconds
$sw.Restart()
Connect-WebexCalling -BaseUri '{1}' -AccessToken (ConvertTo-SecureString 'bench' -AsPlainText -Force)
$null = Get-WebexCall
$first = $sw.Elapsed.TotalMilliseconds
$client = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object {{ $_.GetName().Name -eq 'WebexCalls.Client' }}
'RESULT {{0:F1}} {{1:F1}} {{2}}' -f $import, $first, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($client).Name
'@

function Measure-Layout([string] $ModuleFolder, [string] $BaseUri) {
    $probed = Invoke-FreshProbe ($probe -f (Join-Path $ModuleFolder 'WebexCalls.psd1'), $BaseUri)
    if ($probed.Values.Count -lt 3) { throw "The probe for $ModuleFolder printed no result." }
    [pscustomobject]@{ Import = [double] $probed.Values[0]; First = [double] $probed.Values[1]; Context = $probed.Values[2] }
}

$simulator = Start-Simulator
try {
    $results = @{ Isolated = @(); Flat = @() }
    for ($i = 1; $i -le $Repeat; $i++) {
        Write-Progress -Activity 'Isolation benchmark' -Status "Round $i of $Repeat" -PercentComplete (100 * $i / $Repeat)
        $results.Isolated += Measure-Layout $isolated $simulator.BaseUri
        $results.Flat += Measure-Layout $flat $simulator.BaseUri
    }
}
finally { Stop-Simulator $simulator }

$rows = foreach ($name in 'Flat', 'Isolated') {
    $r = $results[$name]
    [pscustomobject]@{
        Layout = $name; Context = ($r.Context | Sort-Object -Unique) -join ','
        ImportMs = Get-Median $r.Import; FirstRequestMs = Get-Median $r.First
    }
}
$flatRow, $isoRow = $rows
$report = @"
## Dependency isolation: import and first request (median of $Repeat fresh processes each, interleaved)

$(Get-MachineLine).

| Layout | WebexCalls.Client in | Import-Module (ms) | Connect + first Get-WebexCall (ms) |
|---|---|---|---|
$(($rows | ForEach-Object { "| $($_.Layout) | $($_.Context) | $($_.ImportMs.ToString('F0')) | $($_.FirstRequestMs.ToString('F0')) |" }) -join "`n")

Isolated / flat: import x$(($isoRow.ImportMs / $flatRow.ImportMs).ToString('F2')), first request x$(($isoRow.FirstRequestMs / $flatRow.FirstRequestMs).ToString('F2')) ($(($isoRow.FirstRequestMs - $flatRow.FirstRequestMs).ToString('+0;-0')) ms).
"@
$null = New-Item -ItemType Directory -Path $benchDir -Force
$report | Set-Content $(if ($OutFile) { $OutFile } else { Join-Path $benchDir 'isolation.md' })
$report
