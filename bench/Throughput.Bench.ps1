<#
.SYNOPSIS
    Measures steady-state requests (list, get, hold and resume) and large lists (1,000 and 10,000 calls, time and
    memory per call) through the module against what a user would write without it: Invoke-RestMethod, with and
    without -WebSession, and a raw HttpClient, interleaved in one session against the simulator.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Throughput.Bench.ps1
#>
[CmdletBinding()]
param([switch] $Quick, [string] $OutFile)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$rounds = if ($Quick) { 2 } else { 7 }
$perRound = if ($Quick) { 10 } else { 50 }
$sizes = if ($Quick) { @(1000) } else { @(1000, 10000) }

function Measure-PerOperation([hashtable] $Contenders, [int] $Times) {
    # Median ms per operation for each contender, interleaved round by round, after one warm-up each.
    $samples = @{}
    foreach ($name in $Contenders.Keys) { & $Contenders[$name]; $samples[$name] = [Collections.Generic.List[double]]::new() }
    for ($r = 0; $r -lt $rounds; $r++) {
        foreach ($name in $Contenders.Keys) {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            for ($i = 0; $i -lt $Times; $i++) { & $Contenders[$name] }
            $samples[$name].Add($clock.Elapsed.TotalMilliseconds / $Times)
        }
    }
    return $samples
}

function Add-Calls([string] $Control, [int] $Count) {
    $http = [Net.Http.HttpClient]::new()
    try {
        for ($i = 0; $i -lt $Count; $i++) {
            $body = [Net.Http.StringContent]::new('{"number":"+1408555' + (1000 + $i % 9000) + '","answered":true}', [Text.Encoding]::UTF8, 'application/json')
            $null = $http.PostAsync("$Control/calls/incoming", $body).GetAwaiter().GetResult().EnsureSuccessStatusCode()
        }
    }
    finally { $http.Dispose() }
}

$simulator = Start-Simulator
try {
    $base = $simulator.BaseUri
    $control = $base -replace '/v1$', '/_simulator'
    $token = 'bench-token'
    $headers = @{ Authorization = "Bearer $token" }
    Import-Module $BuiltModule
    Connect-WebexCalling -BaseUri $base -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force)
    Add-Calls $control 5
    $id = (Get-WebexCall)[0].CallId
    $session = $null
    $null = Invoke-RestMethod "$base/telephony/calls" -Headers $headers -SessionVariable session
    $raw = [Net.Http.HttpClient]::new()
    $raw.DefaultRequestHeaders.Authorization = [Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
    $holdBody = '{"callId":"' + $id + '"}'

    $ops = [ordered]@{
        'List (5 calls)' = [ordered]@{
            'WebexCalls' = { $null = Get-WebexCall }
            'Invoke-RestMethod' = { $null = (Invoke-RestMethod "$base/telephony/calls" -Headers $headers).items }
            'Invoke-RestMethod -WebSession' = { $null = (Invoke-RestMethod "$base/telephony/calls" -WebSession $session).items }
            'HttpClient (text only)' = { $null = $raw.GetStringAsync("$base/telephony/calls").GetAwaiter().GetResult() }
        }
        'Get one call' = [ordered]@{
            'WebexCalls' = { $null = Get-WebexCall -CallId $id }
            'Invoke-RestMethod' = { $null = Invoke-RestMethod "$base/telephony/calls/$id" -Headers $headers }
            'Invoke-RestMethod -WebSession' = { $null = Invoke-RestMethod "$base/telephony/calls/$id" -WebSession $session }
            'HttpClient (text only)' = { $null = $raw.GetStringAsync("$base/telephony/calls/$id").GetAwaiter().GetResult() }
        }
        'Hold and resume' = [ordered]@{
            'WebexCalls' = { Set-WebexCallHold -CallId $id -Confirm:$false; Set-WebexCallHold -CallId $id -Resume -Confirm:$false }
            'Invoke-RestMethod' = { foreach ($op in 'hold', 'resume') { $null = Invoke-RestMethod -Method Post "$base/telephony/calls/$op" -Headers $headers -ContentType 'application/json' -Body $holdBody } }
            'Invoke-RestMethod -WebSession' = { foreach ($op in 'hold', 'resume') { $null = Invoke-RestMethod -Method Post "$base/telephony/calls/$op" -WebSession $session -ContentType 'application/json' -Body $holdBody } }
            'HttpClient (text only)' = { foreach ($op in 'hold', 'resume') { $null = $raw.PostAsync("$base/telephony/calls/$op", [Net.Http.StringContent]::new($holdBody, [Text.Encoding]::UTF8, 'application/json')).GetAwaiter().GetResult() } }
        }
    }
    $steady = foreach ($op in $ops.Keys) {
        $samples = Measure-PerOperation $ops[$op] $perRound
        $module = Get-Median $samples['WebexCalls']
        foreach ($name in $ops[$op].Keys) {
            $m = Get-Median $samples[$name]
            "| $op | $name | $($m.ToString('F2')) ($(Format-Spread $samples[$name] 'F2')) | x$(($m / $module).ToString('F2')) |"
        }
    }

    # Large lists: the time and the memory each listed call keeps, module against Invoke-RestMethod.
    $large = foreach ($size in $sizes) {
        Add-Calls $control ($size - @(Get-WebexCall).Count)
        # Two forms a script uses: keeping the calls ($x = Get-WebexCall), and streaming them to the next command.
        $listers = [ordered]@{
            'WebexCalls' = { Get-WebexCall }
            'WebexCalls | Measure-Object' = { Get-WebexCall | Measure-Object }
            'Invoke-RestMethod' = { (Invoke-RestMethod "$base/telephony/calls" -Headers $headers).items }
        }
        $time = @{}; $bytes = @{}
        foreach ($name in $listers.Keys) { $null = & $listers[$name]; $time[$name] = [Collections.Generic.List[double]]::new(); $bytes[$name] = [Collections.Generic.List[double]]::new() }
        for ($r = 0; $r -lt $rounds; $r++) {
            foreach ($name in $listers.Keys) {
                $before = [GC]::GetTotalMemory($true)
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $kept = & $listers[$name]
                $time[$name].Add($clock.Elapsed.TotalMilliseconds)
                $bytes[$name].Add(([GC]::GetTotalMemory($true) - $before) / $size)
                $listed = if ($kept -is [Microsoft.PowerShell.Commands.GenericMeasureInfo]) { $kept.Count } else { @($kept).Count }
                if ($listed -ne $size) { throw "$name listed $listed calls, not $size." }
                $kept = $null
            }
        }
        $moduleTime = Get-Median $time['WebexCalls']
        foreach ($name in $listers.Keys) {
            $t = Get-Median $time[$name]
            $kept = if ($name -like '*Measure-Object') { '- (streamed)' } else { (Get-Median $bytes[$name]).ToString('F0') }
            "| $($size.ToString('N0')) | $($name.Replace('|', '\|')) | $($t.ToString('F0')) ($(Format-Spread $time[$name])) | $((1000 * $t / $size).ToString('F1')) | x$(($t / $moduleTime).ToString('F2')) | $kept |"
        }
    }
    $raw.Dispose()
}
finally { Stop-Simulator $simulator }

$report = @"
## Steady state and large lists

$(Get-MachineLine); one session, warmed up; $rounds rounds, interleaved. Ratios are to WebexCalls (below 1 is faster
than the module).

| Operation | Contender | ms per operation: median (min-max) | Ratio to WebexCalls |
|---|---|---|---|
$($steady -join "`n")

| Calls listed | Contender | ms: median (min-max) | µs per call | Ratio to WebexCalls | Bytes kept per call |
|---|---|---|---|---|---|
$($large -join "`n")
"@
if ($OutFile) { $report | Set-Content $OutFile -Encoding utf8 }
$report
