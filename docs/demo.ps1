<#
.SYNOPSIS
    A walk through WebexCalls against the simulator: dial, hold and resume; answer a ringing call; park and retrieve
    one; record it and send digits; transfer; merge two calls into a conference; read the history; hang up; watch by
    polling, then receive the same kind of change as webhook events.
.DESCRIPTION
    Run by `./build.ps1 Demo`, which builds the module, starts the simulator and sets WEBEXCALLS_MODULE_PATH and
    WEBEXCALLS_SIMULATOR_URI. Every step prints the command, then the objects a user would see. Lines marked
    "(simulator)" use the simulator's control API to make the world do something, such as a caller ringing in.
#>
$ErrorActionPreference = 'Stop'
Import-Module $env:WEBEXCALLS_MODULE_PATH

# The simulator accepts any token; a real one comes from https://developer.webex.com.
$token = ConvertTo-SecureString 'simulator-demo-token' -AsPlainText -Force
$control = $env:WEBEXCALLS_SIMULATOR_URI -replace '/v1$', '/_simulator'
$steps = @(
    "Connect-WebexCalling -BaseUri '$env:WEBEXCALLS_SIMULATOR_URI' -AccessToken `$token -PassThru"
    '$call = Invoke-WebexDial -Destination +14085550100 -Wait; $call'
    'Set-WebexCallHold $call -PassThru'
    'Get-WebexCall -State Held | Set-WebexCallHold -Resume -PassThru'
    '# (simulator) John Smith rings in:'
    "`$null = Invoke-RestMethod -Method Post '$control/calls/incoming' -ContentType application/json -Body '{""number"":""+14085550101""}'"
    'Get-WebexCall'
    '$incoming = Get-WebexCall -State Alerting | Receive-WebexCall -PassThru; $incoming'
    '$parked = Invoke-WebexPark $call -Destination 1000; $parked'
    '$back = $parked | Invoke-WebexRetrieve; $back'
    '$back = Receive-WebexCall $back -PassThru; $back'
    'Start-WebexCallRecording $back -PassThru | Format-List CallId, State, RecordingState'
    "Send-WebexCallDtmf `$back -Digits '1,234#' -Verbose"
    'Move-WebexCall -CallId $incoming -TargetCallId $back -WhatIf'
    'Move-WebexCall -CallId $incoming -TargetCallId $back'
    'Get-WebexCall | Measure-Object | Select-Object Count'
    '# A three-way call: two calls merged into a conference; one participant muted; then released, which ends both.'
    '$first = Invoke-WebexDial -Destination +14085550111 -Wait; $other = Invoke-WebexDial -Destination +14085550112 -Wait'
    '$conference = Get-WebexCall | Start-WebexConference -Confirm:$false; $conference'
    'Set-WebexConferenceMute -CallId $other -PassThru | Format-List'
    'Stop-WebexConference -Confirm:$false -PassThru'
    '$second = Invoke-WebexDial -Destination sip:jane.doe@example.com -Wait'
    'Get-WebexCall | Stop-WebexCall -PassThru'
    'Get-WebexCall -CallId $second.CallId -ErrorAction Continue'
    'Get-WebexCallHistory'
    '# (simulator) In a second, Jane Doe rings in; she gives up a second later:'
    "`$null = Invoke-RestMethod -Method Post '$control/timeline' -ContentType application/json -Body '{""events"":[{""afterMs"":1000,""event"":""incoming"",""callId"":""demo-ring"",""number"":""+14085550100""},{""afterMs"":2000,""event"":""ringOut"",""callId"":""demo-ring""}]}'"
    "Watch-WebexCall -IntervalSec 0.5 -Timeout '00:00:03'"
    '# Events instead of polling: a webhook to a listener here (the simulator reaches loopback; Webex needs a tunnel),'
    '# made for the receive and removed after it. (simulator) In a second, Jane Doe rings in again and gives up:'
    "`$null = Invoke-RestMethod -Method Post '$control/timeline' -ContentType application/json -Body '{""events"":[{""afterMs"":1000,""event"":""incoming"",""callId"":""demo-event"",""number"":""+14085550100""},{""afterMs"":1500,""event"":""ringOut"",""callId"":""demo-event""}]}'"
    '$prefix = "http://127.0.0.1:{0}/webex/" -f (Get-Random -Minimum 20000 -Maximum 40000); Receive-WebexCallEvent -Prefix $prefix -PublicUrl $prefix -Count 3 -Timeout ''00:00:05'''
    'Get-WebexCallWebhook | Measure-Object | Select-Object Count'
    'Disconnect-WebexCalling'
)

# A loop, not a function, so that the variables each step sets ($call, $back, ...) live on for the next steps.
foreach ($step in $steps) {
    Write-Host ''
    if ($step.StartsWith('#')) { Write-Host $step -ForegroundColor DarkGray; continue }
    Write-Host "PS> $step" -ForegroundColor Cyan
    # Rendered at 120 columns, the width the table view is designed for, even when output is redirected.
    Invoke-Expression $step | Out-String -Width 120 -Stream | Write-Host
}
