<#
.SYNOPSIS
    Measures Watch-WebexCall over many members: that its request rate and concurrency stay within the limits of the
    fan-out, and how soon a change in the simulator becomes a CallChange.
.DESCRIPTION
    Seeds -Members members, starts Watch-WebexCall -MemberId on all of them at the default interval, and after the
    first round schedules -Events incoming calls for random members at times spread over the rest of the watch. From
    the simulator's request log and stats it reports the request rate (per second, against the ceiling of one read per
    member per interval), the most reads in flight (against -ThrottleLimit) and the reads per member (against the
    rounds); from the changes it reports the delay between each event's due time and the CallChange's SeenAt, against
    the bound of one interval plus one request (a request's time measured in the same run).
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Watch.Bench.ps1
#>
[CmdletBinding()]
param([int] $Members = 500, [double] $IntervalSec = 5, [int] $ThrottleLimit = 10, [int] $LatencyMs = 20, [int] $Events = 20, [switch] $Quick, [string] $OutFile)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
$rounds = if ($Quick) { 2 } else { 6 }

$simulator = Start-Simulator -LatencyMs $LatencyMs
try {
    $base = $simulator.BaseUri
    $control = $base -replace '/v1$', '/_simulator'
    $ids = @((Invoke-RestMethod -Method Post "$control/members" -ContentType 'application/json' -Body (@{ count = $Members } | ConvertTo-Json)).ids)
    Import-Module $BuiltModule
    Connect-WebexCalling -BaseUri $base -AccessToken (ConvertTo-SecureString 'bench-token' -AsPlainText -Force)

    # One request's time, side by side on the same simulator: what "one interval plus one request" allows.
    $request = [Collections.Generic.List[double]]::new()
    foreach ($i in 1..20) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-WebexCall -MemberId $ids[$i]
        $request.Add($clock.Elapsed.TotalMilliseconds)
    }

    # The events are spread over rounds - 1 intervals after the first round; the last one may be read up to a whole
    # interval (stretched, on a loaded machine) after it happens, so the watch runs one interval more than that needs.
    $timeout = [TimeSpan]::FromSeconds(($rounds + 2) * $IntervalSec)
    $job = Start-ThreadJob -ArgumentList $BuiltModule, $ids, $IntervalSec, $ThrottleLimit, $timeout -ScriptBlock {
        param($module, $ids, $interval, $limit, $timeout)
        Import-Module $module
        Watch-WebexCall -MemberId $ids -IntervalSec $interval -ThrottleLimit $limit -Timeout $timeout
    }
    # The first round takes the readings that later ones are compared with; measure from the second on.
    Start-Sleep -Seconds ($IntervalSec + 0.5)
    Invoke-RestMethod -Method Delete "$control/requests" | Out-Null
    $windowStart = [DateTimeOffset]::UtcNow
    $spread = ($rounds - 1) * $IntervalSec * 1000
    $schedule = foreach ($n in 1..$Events) {
        @{ afterMs = [int] ($spread * $n / ($Events + 1)); event = 'incoming'; callId = "bench-$n"; number = '1234'; memberId = $ids[(Get-Random -Maximum $ids.Count)] }
    }
    $posted = [DateTimeOffset]::UtcNow
    $null = Invoke-RestMethod -Method Post "$control/timeline" -ContentType 'application/json' -Body (@{ events = @($schedule) } | ConvertTo-Json -Depth 4)
    $changes = @($job | Wait-Job | Receive-Job)
    $job | Remove-Job
    $log = @(Invoke-RestMethod "$control/requests" | ForEach-Object { $_ } | Where-Object path -Like '/v1/telephony/calls/members/*')
    $stats = Invoke-RestMethod "$control/stats"
}
finally { Stop-Simulator $simulator }

# Request rate: reads per whole second of the window, against one read per member per interval.
$ceiling = $Members / $IntervalSec
$perSecond = @($log | Group-Object { [int][Math]::Floor((([DateTimeOffset] $_.time) - $windowStart).TotalSeconds) } |
        Sort-Object { [int] $_.Name } | Select-Object -Skip 1 -SkipLast 1 | ForEach-Object Count)
$windowRounds = ($log.Count / $Members)
$perMember = @($log | Group-Object path | ForEach-Object Count)
# Delay: from the event's due time to the CallChange that reported it.
$delays = foreach ($event in $schedule) {
    $seen = $changes | Where-Object { $_.CallId -eq $event.callId -and $_.Change -eq 'Added' } | Select-Object -First 1
    if (-not $seen) { throw "No CallChange for $($event.callId)." }
    ($seen.SeenAt - $posted.AddMilliseconds($event.afterMs)).TotalMilliseconds
}
$bound = $IntervalSec * 1000 + (Get-Median $request)
$duplicates = @($changes | Group-Object CallId, Change | Where-Object Count -GT 1).Count

$report = @"
## Watch: $Members members at the default interval ($IntervalSec s), -ThrottleLimit $ThrottleLimit, $LatencyMs ms per request

$(Get-MachineLine); $rounds rounds; $Events incoming calls for random members, spread over the watch. Limits are what
the fan-out allows: one read per member per interval, at most -ThrottleLimit in flight.

| Measure | Watch-WebexCall | Limit | Ratio to the limit |
|---|---|---|---|
| Reads per second: median (min-max), whole seconds | $((Get-Median $perSecond).ToString('F0')) ($(Format-Spread $perSecond)) | $($ceiling.ToString('F0')) (members / interval) | x$(((Get-Median $perSecond) / $ceiling).ToString('F2')) (max x$((($perSecond | Measure-Object -Maximum).Maximum / $ceiling).ToString('F2'))) |
| Most reads in flight | $($stats.maxInFlight) | $ThrottleLimit | x$(($stats.maxInFlight / $ThrottleLimit).ToString('F2')) |
| Reads per member in the window (min-max) | $(Format-Spread $perMember) | $($windowRounds.ToString('F1')) rounds | |
| Change seen after: median (min-max) ms | $((Get-Median $delays).ToString('F0')) ($(Format-Spread $delays)) | $($bound.ToString('F0')) (interval + one request of $((Get-Median $request).ToString('F0')) ms) | x$(((Get-Median $delays) / $bound).ToString('F2')) (max x$((($delays | Measure-Object -Maximum).Maximum / $bound).ToString('F2'))) |

Changes written: $($changes.Count) for $Events events; written twice: $duplicates.
"@
if ($OutFile) { $report | Set-Content $OutFile -Encoding utf8 }
$report
