<#
.SYNOPSIS
    Measures start-up: what importing WebexCalls costs a process and a session, and a cold first call against a cold
    Invoke-RestMethod doing the same, each side by side with its baseline in fresh processes, interleaved.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Startup.Bench.ps1
#>
[CmdletBinding()]
param([switch] $Quick, [string] $OutFile)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$repeat = if ($Quick) { 3 } else { 15 }
$module = $BuiltModule
# The in-process baseline: a module with nothing in it, so only WebexCalls' own share is compared.
$empty = Join-Path $Out 'bench/EmptyModule'
$null = New-Item -ItemType Directory -Path $empty -Force
New-ModuleManifest -Path (Join-Path $empty 'EmptyModule.psd1')

$timeImport = "`$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '{0}'; 'RESULT ' + `$c.Elapsed.TotalMilliseconds"
$simulator = Start-Simulator
try {
    $uri = $simulator.BaseUri
    $coldModule = "`$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$module'; Connect-WebexCalling -BaseUri '$uri' -AccessToken (ConvertTo-SecureString 'b' -AsPlainText -Force); `$null = Get-WebexCall; 'RESULT ' + `$c.Elapsed.TotalMilliseconds"
    # The same, with the token in WEBEX_ACCESS_TOKEN for both sides, as unattended scripts hold it: no SecureString to
    # build, so neither side pays for loading Microsoft.PowerShell.Security.
    $coldModuleEnv = "`$env:WEBEX_ACCESS_TOKEN = 'b'; `$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$module'; Connect-WebexCalling -BaseUri '$uri'; `$null = Get-WebexCall; 'RESULT ' + `$c.Elapsed.TotalMilliseconds"
    $coldRestEnv = "`$env:WEBEX_ACCESS_TOKEN = 'b'; `$c = [Diagnostics.Stopwatch]::StartNew(); `$null = (Invoke-RestMethod '$uri/telephony/calls' -Headers @{ Authorization = 'Bearer ' + `$env:WEBEX_ACCESS_TOKEN }).items; 'RESULT ' + `$c.Elapsed.TotalMilliseconds"
    $coldRest = "`$c = [Diagnostics.Stopwatch]::StartNew(); `$null = (Invoke-RestMethod '$uri/telephony/calls' -Headers @{ Authorization = 'Bearer b' }).items; 'RESULT ' + `$c.Elapsed.TotalMilliseconds"
    $samples = @{}
    foreach ($key in 'bare', 'imported', 'import', 'empty', 'coldModule', 'coldRest', 'coldModuleEnv', 'coldRestEnv') { $samples[$key] = [Collections.Generic.List[double]]::new() }
    for ($i = 1; $i -le $repeat; $i++) {
        Write-Progress -Activity 'Start-up benchmark' -Status "Round $i of $repeat" -PercentComplete (100 * $i / $repeat)
        $samples.bare.Add((Invoke-FreshProbe 'exit 0').WallMs)
        $samples.imported.Add((Invoke-FreshProbe "Import-Module '$module'").WallMs)
        $samples.import.Add([double] (Invoke-FreshProbe ($timeImport -f $module)).Values[0])
        $samples.empty.Add([double] (Invoke-FreshProbe ($timeImport -f (Join-Path $empty 'EmptyModule.psd1'))).Values[0])
        $samples.coldModule.Add([double] (Invoke-FreshProbe $coldModule).Values[0])
        $samples.coldRest.Add([double] (Invoke-FreshProbe $coldRest).Values[0])
        $samples.coldModuleEnv.Add([double] (Invoke-FreshProbe $coldModuleEnv).Values[0])
        $samples.coldRestEnv.Add([double] (Invoke-FreshProbe $coldRestEnv).Values[0])
    }
}
finally { Stop-Simulator $simulator }

$ownShare = (Get-Median $samples.import) - (Get-Median $samples.empty)
$report = @"
## Start-up

$(Get-MachineLine); N = $repeat per row, fresh processes, interleaved. Times in ms: median (min-max).

| Measure | WebexCalls | Baseline | Ratio |
|---|---|---|---|
$(Format-RatioRow 'Whole process: pwsh + Import-Module WebexCalls vs bare pwsh' $samples.imported $samples.bare)
$(Format-RatioRow 'In-process Import-Module: WebexCalls vs an empty manifest' $samples.import $samples.empty)
$(Format-RatioRow 'Cold first call: import, connect (-AccessToken), list vs Invoke-RestMethod' $samples.coldModule $samples.coldRest)
$(Format-RatioRow 'Cold first call, token in WEBEX_ACCESS_TOKEN for both' $samples.coldModuleEnv $samples.coldRestEnv)

The module's own share of Import-Module (median minus the empty manifest's): $($ownShare.ToString('F0')) ms.
"@
if ($OutFile) { $report | Set-Content $OutFile -Encoding utf8 }
$report
