<#
.SYNOPSIS
    Measures a 429 storm: admin-mode fan-out while Webex answers the first requests 429 with Retry-After, against
    the floor that Retry-After sets and against ForEach-Object -Parallel + Invoke-RestMethod with its own retries.
.DESCRIPTION
    Each storm round adds a fault (consumed as it fires) so that the first -Storm requests are answered 429 with Retry-After
    -RetryAfterSeconds, then lists the calls of -Members members. The floor is ceil(Storm / ThrottleLimit) waves of
    Retry-After, plus the same work with no storm (measured in the same run). Also reports how many requests each contender sent: a gate that holds the whole
    connection sends fewer than one that lets every request find out for itself.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/RateLimit.Bench.ps1
#>
[CmdletBinding()]
param([int] $Members = 200, [int] $Storm = 50, [int] $RetryAfterSeconds = 1, [int] $ThrottleLimit = 16, [switch] $Quick, [string] $OutFile)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
$rounds = if ($Quick) { 1 } else { 5 }

$simulator = Start-Simulator
try {
    $base = $simulator.BaseUri
    $control = $base -replace '/v1$', '/_simulator'
    $token = 'bench-token'
    $ids = (Invoke-RestMethod -Method Post "$control/members" -ContentType 'application/json' -Body (@{ count = $Members; activeCalls = 1 } | ConvertTo-Json)).ids
    Import-Module $BuiltModule
    Connect-WebexCalling -BaseUri $base -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -MaxRetryCount 10

    $contenders = [ordered]@{
        'WebexCalls (no storm)' = @{ Storm = $false; Run = { Get-WebexCall -MemberId $ids -ThrottleLimit $ThrottleLimit } }
        'WebexCalls' = @{ Storm = $true; Run = { Get-WebexCall -MemberId $ids -ThrottleLimit $ThrottleLimit } }
        'ForEach-Object -Parallel + Invoke-RestMethod -MaximumRetryCount' = @{ Storm = $true; Run = {
                $ids | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
                    (Invoke-RestMethod "$using:base/telephony/calls/members/$_/calls" -Headers @{ Authorization = "Bearer $using:token" } -MaximumRetryCount 10 -RetryIntervalSec 1).items
                } } }
    }
    $time = @{}; $sent = @{}
    foreach ($name in $contenders.Keys) { $time[$name] = [Collections.Generic.List[double]]::new(); $sent[$name] = [Collections.Generic.List[double]]::new() }
    for ($r = 0; $r -lt $rounds; $r++) {
        foreach ($name in $contenders.Keys) {
            Invoke-RestMethod -Method Delete "$control/requests" | Out-Null
            if ($contenders[$name].Storm) {
                $fault = @{ status = 429; times = $Storm; retryAfterSeconds = $RetryAfterSeconds; path = '/telephony/calls/members/' }
                $null = Invoke-RestMethod -Method Post "$control/faults" -ContentType 'application/json' -Body ($fault | ConvertTo-Json)
            }
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $calls = & $contenders[$name].Run
            $time[$name].Add($clock.Elapsed.TotalSeconds)
            if (@($calls).Count -ne $Members) { throw "$name returned $(@($calls).Count) calls, not $Members." }
            # The control API answers one JSON array; ForEach-Object unrolls it.
            $sent[$name].Add(@(Invoke-RestMethod "$control/requests" | ForEach-Object { $_ } | Where-Object path -Like '*/members/*').Count)
        }
    }
}
finally { Stop-Simulator $simulator }

# At most -ThrottleLimit requests are in flight, so burning through the storm takes ceil(Storm / ThrottleLimit) waves,
# each of which must wait Retry-After: that, plus the same work without a storm, is the least any client can take.
$waves = [Math]::Ceiling($Storm / $ThrottleLimit)
$floor = $waves * $RetryAfterSeconds + (Get-Median $time['WebexCalls (no storm)'])
$rows = foreach ($name in $contenders.Keys) {
    $t = Get-Median $time[$name]
    "| $name | $($t.ToString('F2')) ($(Format-Spread $time[$name] 'F2')) | x$(($t / $floor).ToString('F2')) | $((Get-Median $sent[$name]).ToString('F0')) |"
}
$report = @"
## 429 storm: $Members members, the first $Storm requests answered 429 with Retry-After $RetryAfterSeconds s

$(Get-MachineLine); $rounds round(s), interleaved; -ThrottleLimit $ThrottleLimit. Floor = $waves waves x Retry-After + the
same list with no storm = $($floor.ToString('F2')) s.

| Contender | s: median (min-max) | Ratio to the floor | Requests sent |
|---|---|---|---|
$($rows -join "`n")
"@
if ($OutFile) { $report | Set-Content $OutFile -Encoding utf8 }
$report
