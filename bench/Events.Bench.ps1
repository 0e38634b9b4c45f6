<#
.SYNOPSIS
    Measures webhook events: deliveries verified and read per second by ConvertFrom-WebexCallEvent and by
    Receive-WebexCallEvent under concurrent deliveries, against a hand-written PowerShell receiver (HttpListener +
    ConvertFrom-Json + HMACSHA1); event-to-object latency p50/p99; and the requests a second of an event-driven watch
    of 500 members against the polling one.
.DESCRIPTION
    Goals (issue 19): at least 10x the hand-written receiver, and a watch of 500 members at under 1 request a second on
    average. Everything runs in one session, each contender beside its baseline, interleaved.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Events.Bench.ps1
#>
[CmdletBinding()]
param([switch] $Quick, [string] $OutFile)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$rounds = if ($Quick) { 1 } else { 3 }
$events = if ($Quick) { 400 } else { 2000 }
$concurrency = 8
$members = 500
$watchSeconds = if ($Quick) { 8 } else { 20 }
$secretText = 'bench-secret-' + [guid]::NewGuid().ToString('N')
$secret = ConvertTo-SecureString $secretText -AsPlainText -Force
$keyBytes = [Text.Encoding]::UTF8.GetBytes($secretText)
Import-Module $BuiltModule

function New-Delivery([int] $Number, [DateTimeOffset] $At) {
    $body = '{"id":"hook-1","name":"Bench","targetUrl":"https://example.com/webex","resource":"telephony_calls","event":"updated","orgId":"org-1","createdBy":"p","appId":"a","ownedBy":"creator","status":"active","created":"2026-01-01T00:00:00.000Z","actorId":"person-1","data":{"callId":"call-' + $Number + '","callSessionId":"s-' + $Number + '","personality":"terminator","state":"connected","remoteParty":{"name":"Jane Doe","number":"+14085550100","privacyEnabled":false,"callType":"external"},"appearance":1,"created":"2026-12-06T10:00:00.000Z","answered":"2026-12-06T10:00:01.000Z","muteCapable":true,"muted":false,"eventType":"answered","eventTimestamp":"' + $At.UtcDateTime.ToString('o') + '"}}'
    $hmac = [System.Security.Cryptography.HMACSHA1]::new($keyBytes)
    try { [pscustomobject]@{ Body = $body; Signature = [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($body))).ToLowerInvariant() } }
    finally { $hmac.Dispose() }
}

# What a script writes without the module: HMAC the raw body, compare, parse.
function Read-ByHand([string] $Body, [string] $Signature) {
    $hmac = [System.Security.Cryptography.HMACSHA1]::new($keyBytes)
    try { $expected = [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($Body))).ToLowerInvariant() } finally { $hmac.Dispose() }
    if ($expected -ne $Signature.ToLowerInvariant()) { throw 'bad signature' }
    $Body | ConvertFrom-Json
}

# Part 1: reading deliveries already in memory (what a hosted function does per request).
$deliveries = @(1..$events | ForEach-Object { New-Delivery $_ ([DateTimeOffset]::UtcNow) })
$readers = [ordered]@{
    'ConvertFrom-WebexCallEvent, piped' = { $deliveries | ConvertFrom-WebexCallEvent -Secret $secret }
    'ConvertFrom-WebexCallEvent, one call each' = { foreach ($d in $deliveries) { ConvertFrom-WebexCallEvent -Body $d.Body -Signature $d.Signature -Secret $secret } }
    'By hand: HMACSHA1 + ConvertFrom-Json' = { foreach ($d in $deliveries) { Read-ByHand $d.Body $d.Signature } }
}
$readRate = @{}
foreach ($name in $readers.Keys) { $readRate[$name] = [Collections.Generic.List[double]]::new() }
for ($r = 0; $r -lt $rounds; $r++) {
    foreach ($name in $readers.Keys) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $read = @(& $readers[$name])
        $readRate[$name].Add($events / $clock.Elapsed.TotalSeconds)
        if ($read.Count -ne $events) { throw "$name read $($read.Count) of $events." }
    }
}

# Part 2: receiving over HTTP, $concurrency deliveries at once, each stamped with its send time in eventTimestamp.
# The sender is compiled: a PowerShell loop could not send faster than either receiver reads, and would be what is
# measured. Each delivery is signed and stamped with its send time (eventTimestamp, to the tick) as it leaves.
$senderCode = @'
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public static class BenchEventSender
{
    public static Task SendAsync(string target, int count, int concurrency, string secret)
    {
        return Task.Run(async () =>
        {
            using var http = new HttpClient();
            using var gate = new SemaphoreSlim(concurrency);
            var key = Encoding.UTF8.GetBytes(secret);
            var sends = new List<Task>();
            await Task.Delay(500);
            for (var n = 1; n <= count; n++)
            {
                await gate.WaitAsync();
                var body = "{\"id\":\"hook-1\",\"name\":\"Bench\",\"resource\":\"telephony_calls\",\"event\":\"updated\",\"orgId\":\"org-1\",\"actorId\":\"person-1\",\"ownedBy\":\"creator\",\"data\":{\"callId\":\"call-" + n
                    + "\",\"callSessionId\":\"s\",\"personality\":\"terminator\",\"state\":\"connected\",\"remoteParty\":{\"name\":\"Jane Doe\",\"number\":\"+14085550100\",\"callType\":\"external\"},\"eventType\":\"answered\",\"eventTimestamp\":\""
                    + DateTime.UtcNow.ToString("o") + "\"}}";
                var bytes = Encoding.UTF8.GetBytes(body);
                string signature;
                using (var hmac = new HMACSHA1(key)) { signature = Convert.ToHexString(hmac.ComputeHash(bytes)).ToLowerInvariant(); }
                var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("X-Spark-Signature", signature);
                sends.Add(Task.Run(async () => { try { using var response = await http.SendAsync(request); } finally { gate.Release(); request.Dispose(); } }));
            }

            await Task.WhenAll(sends);
        });
    }
}
'@
Add-Type -TypeDefinition $senderCode

function Get-FreePrefix {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    "http://127.0.0.1:$port/webex/"
}

function Receive-ByHand([string] $Prefix, [int] $Count) {
    # A hand-written receiver: one request at a time, as a script would.
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add($Prefix)
    $listener.Start()
    try {
        for ($i = 0; $i -lt $Count; $i++) {
            $context = $listener.GetContext()
            $reader = [IO.StreamReader]::new($context.Request.InputStream)
            $body = $reader.ReadToEnd(); $reader.Dispose()
            $parsed = Read-ByHand $body $context.Request.Headers['X-Spark-Signature']
            $context.Response.StatusCode = 200
            $context.Response.Close()
            $parsed
        }
    }
    finally { $listener.Close() }
}

$receivers = [ordered]@{
    # Each object becomes (sent, arrived) in ticks: the send time is the event's timestamp.
    'Receive-WebexCallEvent' = { param($p) Receive-WebexCallEvent -Prefix $p -Secret $secret -Count $events -Timeout '00:05:00' | ForEach-Object { , @($_.EventTime.UtcTicks, [DateTime]::UtcNow.Ticks) } }
    'By hand: HttpListener + HMACSHA1 + ConvertFrom-Json' = { param($p) Receive-ByHand $p $events | ForEach-Object { , @(([DateTimeOffset]$_.data.eventTimestamp).UtcTicks, [DateTime]::UtcNow.Ticks) } }
}
$receiveRate = @{}; $latency = @{}
foreach ($name in $receivers.Keys) { $receiveRate[$name] = [Collections.Generic.List[double]]::new(); $latency[$name] = [Collections.Generic.List[double]]::new() }
for ($r = 0; $r -lt $rounds; $r++) {
    foreach ($name in $receivers.Keys) {
        $prefix = Get-FreePrefix
        $sender = [BenchEventSender]::SendAsync($prefix, $events, $concurrency, $secretText)
        $pairs = @(& $receivers[$name] $prefix)
        $null = $sender.Wait(60000)
        if ($pairs.Count -ne $events) { throw "$name received $($pairs.Count) of $events." }
        # Throughput from the first send to the last object out.
        $first = ($pairs | ForEach-Object { $_[0] } | Measure-Object -Minimum).Minimum
        $last = ($pairs | ForEach-Object { $_[1] } | Measure-Object -Maximum).Maximum
        $receiveRate[$name].Add($events / [TimeSpan]::FromTicks($last - $first).TotalSeconds)
        foreach ($pair in $pairs) { $latency[$name].Add([TimeSpan]::FromTicks($pair[1] - $pair[0]).TotalMilliseconds) }
    }
}

# The receiving process's CPU per delivery, with the sender in another process: only the receiver's work is
# counted (the listener, verifying, reading, writing the object), not the sender's, which shares these cores.
$collectors = [ordered]@{
    'Receive-WebexCallEvent' = { param($p) Receive-WebexCallEvent -Prefix $p -Secret $secret -Count $events -Timeout '00:05:00' }
    'By hand: HttpListener + HMACSHA1 + ConvertFrom-Json' = { param($p) Receive-ByHand $p $events }
}
# A plain process, not a job: a job's remoting channel would spend the receiving process's CPU too.
$pwsh = Get-PwshCommand
$senderScript = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-bench-sender-$PID.ps1"
Set-Content -Path $senderScript -Encoding utf8 -Value @"
param([string] `$Target, [int] `$Count, [int] `$Concurrency, [string] `$Secret)
Add-Type -TypeDefinition @'
$senderCode
'@
`$uri = [uri] `$Target
for (`$i = 0; `$i -lt 400; `$i++) {
    # Sends only once the receiver listens.
    try { `$probe = [Net.Sockets.TcpClient]::new(`$uri.Host, `$uri.Port); `$probe.Dispose(); break } catch { Start-Sleep -Milliseconds 50 }
}
[BenchEventSender]::SendAsync(`$Target, `$Count, `$Concurrency, `$Secret).Wait()
"@
$cpu = @{}
foreach ($name in $collectors.Keys) { $cpu[$name] = [Collections.Generic.List[double]]::new() }
for ($r = 0; $r -lt $rounds; $r++) {
    foreach ($name in $collectors.Keys) {
        $prefix = Get-FreePrefix
        $sender = Start-Process -FilePath $pwsh[0] -PassThru -ArgumentList (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $senderScript, $prefix, $events, $concurrency, $secretText))
        $self = [Diagnostics.Process]::GetCurrentProcess()
        $before = $self.TotalProcessorTime
        $got = @(& $collectors[$name] $prefix)
        $self.Refresh()
        $used = $self.TotalProcessorTime - $before
        $null = $sender.WaitForExit(120000)
        if ($got.Count -ne $events) { throw "$name received $($got.Count) of $events from another process." }
        $cpu[$name].Add($used.TotalMilliseconds * 1000 / $events)
        $got = $null
    }
}
Remove-Item $senderScript -ErrorAction SilentlyContinue

function Get-Percentile([double[]] $Values, [double] $Share) {
    $sorted = @($Values | Sort-Object)
    $sorted[[Math]::Min($sorted.Count - 1, [int][Math]::Floor($sorted.Count * $Share))]
}

# Part 3: watching 500 members, polling against events, over the same time, counting the requests the simulator saw.
$simulator = Start-Simulator
try {
    $base = $simulator.BaseUri
    $control = $base -replace '/v1$', '/_simulator'
    $ids = (Invoke-RestMethod -Method Post "$control/members" -ContentType 'application/json' -Body (@{ count = $members } | ConvertTo-Json)).ids
    Connect-WebexCalling -BaseUri $base -AccessToken (ConvertTo-SecureString 'bench-token' -AsPlainText -Force) -Admin | Out-Null
    $traffic = {
        # A few calls come and go while each watch runs: one every two seconds, to members in turn.
        param($control, $ids, $seconds)
        for ($i = 0; $i -lt $seconds / 2; $i++) {
            Start-Sleep -Seconds 2
            $member = $ids[$i * 37 % $ids.Count]
            $call = Invoke-RestMethod -Method Post "$control/members/$member/calls/incoming" -ContentType 'application/json' -Body '{"number":"+14085550100","answered":true}'
        }
    }
    $watchRate = [ordered]@{}
    $resyncSec = 5
    foreach ($mode in 'Polling (-IntervalSec 5, the default)', "Events (-ResyncIntervalSec $resyncSec)") {
        $null = Invoke-RestMethod -Method Delete "$control/requests"
        $driver = Start-ThreadJob -ScriptBlock $traffic -ArgumentList $control, $ids, $watchSeconds
        $prefix = Get-FreePrefix
        $clock = [Diagnostics.Stopwatch]::StartNew()
        if ($mode -like 'Polling*') { $null = Watch-WebexCall -MemberId $ids -Timeout ([timespan]::FromSeconds($watchSeconds)) -ThrottleLimit 20 }
        else { $null = Watch-WebexCall -MemberId $ids -EventPrefix $prefix -PublicUrl $prefix -ResyncIntervalSec $resyncSec -Timeout ([timespan]::FromSeconds($watchSeconds)) -ThrottleLimit 20 }
        $elapsed = $clock.Elapsed.TotalSeconds
        $null = $driver | Wait-Job -Timeout 60; $driver | Remove-Job -Force
        # Invoke-RestMethod writes a JSON array as one object: enumerate it.
        $log = @(Invoke-RestMethod "$control/requests" | ForEach-Object { $_ })
        $reads = @($log | Where-Object { $_.method -eq 'GET' -and $_.path -like '/v1/telephony/calls/members/*' })
        $watchRate[$mode] = [pscustomobject]@{ Requests = $log.Count; Reads = $reads.Count; Seconds = $elapsed }
    }
}
finally { Stop-Simulator $simulator }

$poll = @($watchRate.Values)[0]; $event = @($watchRate.Values)[1]
$steadyReads = [Math]::Max(0, $event.Reads - $members)
$resyncs = [Math]::Max(1, [Math]::Floor($event.Seconds / $resyncSec))
$perResync = $steadyReads / $resyncs
$hourly = ($members + (3600 / 300) * $perResync + 2) / 3600

$handRead = Get-Median $readRate['By hand: HMACSHA1 + ConvertFrom-Json']
$readRows = foreach ($name in $readers.Keys) {
    $rate = Get-Median $readRate[$name]
    "| $name | $($rate.ToString('F0')) ($(Format-Spread $readRate[$name])) | x$(($rate / $handRead).ToString('F1')) |"
}
$handCpu = Get-Median $cpu['By hand: HttpListener + HMACSHA1 + ConvertFrom-Json']
$cpuRows = foreach ($name in $collectors.Keys) {
    $used = Get-Median $cpu[$name]
    "| $name | $($used.ToString('F0')) ($(Format-Spread $cpu[$name])) | $((1e6 / $used).ToString('F0')) | x$(($handCpu / $used).ToString('F1')) |"
}
$handReceive = Get-Median $receiveRate['By hand: HttpListener + HMACSHA1 + ConvertFrom-Json']
$receiveRows = foreach ($name in $receivers.Keys) {
    $rate = Get-Median $receiveRate[$name]
    "| $name | $($rate.ToString('F0')) ($(Format-Spread $receiveRate[$name])) | x$(($rate / $handReceive).ToString('F1')) | $((Get-Percentile $latency[$name] 0.5).ToString('F1')) | $((Get-Percentile $latency[$name] 0.99).ToString('F1')) |"
}

$report = @"
## Events: reading, receiving, and watching by events

$(Get-MachineLine); one session; $rounds round(s), interleaved; $($events.ToString('N0')) deliveries per contender, each
a real-shaped call event signed with HMAC-SHA1.

Reading deliveries already in memory (what a hosted function does per request):

| Contender | Events a second: median (min-max) | Ratio to by hand |
|---|---|---|
$($readRows -join "`n")

Receiving over loopback HTTP, $concurrency deliveries in flight at once; latency is from the send (the event's
timestamp) to the object reaching the next command:

| Contender | Events a second: median (min-max) | Ratio to by hand | Latency p50 ms | Latency p99 ms |
|---|---|---|---|---|
$($receiveRows -join "`n")

The receiving process's own CPU per delivery, with the sender in another process (so its work is not counted):

| Contender | CPU µs per delivery: median (min-max) | Deliveries per CPU-second | Ratio to by hand |
|---|---|---|---|
$($cpuRows -join "`n")

Watching $members members for $($watchSeconds) s each, with an answered call arriving every 2 s (requests the simulator saw):

| Watch | Requests | Member reads | Requests a second |
|---|---|---|---|
| $(@($watchRate.Keys)[0]) | $($poll.Requests) | $($poll.Reads) | $(($poll.Requests / $poll.Seconds).ToString('F1')) |
| $(@($watchRate.Keys)[1]) | $($event.Requests) | $($event.Reads) | $(($event.Requests / $event.Seconds).ToString('F1')) |

The event watch read each member once to start ($members reads), then $($perResync.ToString('F0')) a re-reading (members
with calls, and a sixth of the idle ones). At its defaults (-ResyncIntervalSec 300) that is, over an hour,
($members + 12 x $($perResync.ToString('F0')) + 2 webhook requests) / 3600 s = **$($hourly.ToString('F2')) requests a second**, against
$(($poll.Requests / $poll.Seconds).ToString('F0')) for the polling watch at its default.
"@
if ($OutFile) { $report | Set-Content $OutFile -Encoding utf8 }
$report
