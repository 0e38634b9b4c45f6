<#
.SYNOPSIS
    Measures listing an organisation's people (Get-WebexCallingMember -Type Person) against the floor that page latency
    sets and against a hand-written Invoke-RestMethod loop over the Link header: time and bytes allocated, interleaved in one session
    against the simulator with a fixed latency on every page.
.DESCRIPTION
    Pages are sequential by nature (each next link comes with the page before), so the floor is pages x latency. The
    goal (issue 17): at most 1.2x that floor, and less time than the loop.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Directory.Bench.ps1
#>
[CmdletBinding()]
param([switch] $Quick, [string] $OutFile)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$rounds = if ($Quick) { 1 } else { 3 }
$people = if ($Quick) { 2000 } else { 10000 }
$latencyMs = 50
$pageSize = 100   # People's cap with callingData=true

$simulator = Start-Simulator
try {
    $base = $simulator.BaseUri
    $control = $base -replace '/v1$', '/_simulator'
    $token = 'bench-token'
    $headers = @{ Authorization = "Bearer $token" }
    $null = Invoke-RestMethod -Method Post "$control/members" -ContentType 'application/json' -Body (@{ count = $people } | ConvertTo-Json)
    $null = Invoke-RestMethod -Method Put "$control/latency" -ContentType 'application/json' -Body (@{ method = 'GET'; path = '/people'; delayMs = $latencyMs } | ConvertTo-Json)
    Import-Module $BuiltModule
    Connect-WebexCalling -BaseUri $base -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -Admin

    $listers = [ordered]@{
        'WebexCalls (Get-WebexCallingMember -Type Person)' = { Get-WebexCallingMember -Type Person }
        # What a script writes without the module. Invoke-RestMethod -FollowRelLink sends neither -Headers nor
        # -Token past the first page (measured: the second page answers 401), so the loop follows Link itself.
        'Invoke-RestMethod loop over Link' = {
            $uri = "$base/people?callingData=true&max=$pageSize"
            while ($uri) {
                $page = Invoke-RestMethod $uri -Headers $headers -ResponseHeadersVariable responseHeaders
                $page.items | Where-Object { $_.locationId }
                $uri = if ($responseHeaders['Link']) { [regex]::Match("$($responseHeaders['Link'])", '<([^>]+)>\s*;\s*rel="?next"?').Groups[1].Value } else { $null }
            }
        }
    }
    $time = @{}; $bytes = @{}
    foreach ($name in $listers.Keys) { $time[$name] = [Collections.Generic.List[double]]::new(); $bytes[$name] = [Collections.Generic.List[double]]::new() }
    for ($r = 0; $r -lt $rounds; $r++) {
        foreach ($name in $listers.Keys) {
            # Bytes allocated on every thread while listing: the garbage a list makes, which kept-memory figures
            # (GC.GetTotalMemory) could not separate from what the other contender's round left behind.
            $before = [GC]::GetTotalAllocatedBytes($true)
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $kept = @(& $listers[$name])
            $time[$name].Add($clock.Elapsed.TotalMilliseconds)
            $bytes[$name].Add(([GC]::GetTotalAllocatedBytes($true) - $before) / $people)
            if ($kept.Count -ne $people) { throw "$name listed $($kept.Count) people, not $people." }
            $kept = $null
        }
    }
}
finally { Stop-Simulator $simulator }

$pages = [Math]::Ceiling($people / $pageSize)
$floor = $pages * $latencyMs
$module = Get-Median $time[@($listers.Keys)[0]]
$rows = foreach ($name in $listers.Keys) {
    $t = Get-Median $time[$name]
    "| $name | $($t.ToString('F0')) ($(Format-Spread $time[$name])) | x$(($t / $floor).ToString('F2')) | x$(($t / $module).ToString('F2')) | $((Get-Median $bytes[$name]).ToString('F0')) |"
}

$report = @"
## Listing members (directory paging)

$(Get-MachineLine); one session; $($people.ToString('N0')) people in pages of $pageSize ($pages pages), each page delayed
$latencyMs ms by the simulator, so the floor is $pages x $latencyMs ms = $floor ms; $rounds round(s), interleaved.

| Contender | ms: median (min-max) | Ratio to the floor | Ratio to WebexCalls | Bytes allocated per member |
|---|---|---|---|---|
$($rows -join "`n")
"@
if ($OutFile) { $report | Set-Content $OutFile -Encoding utf8 }
$report
