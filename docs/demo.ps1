<#
.SYNOPSIS
    A walk through WebexCalls against the simulator: connect, dial, list, hold, resume, hang up.
.DESCRIPTION
    Run by `./build.ps1 Demo`, which builds the module, starts the simulator and sets WEBEXCALLS_MODULE_PATH and
    WEBEXCALLS_SIMULATOR_URI. Every step prints the command, then the objects a user would see.
#>
$ErrorActionPreference = 'Stop'
Import-Module $env:WEBEXCALLS_MODULE_PATH

# The simulator accepts any token; a real one comes from https://developer.webex.com.
$token = ConvertTo-SecureString 'simulator-demo-token' -AsPlainText -Force
$steps = @(
    "Connect-WebexCalling -BaseUri '$env:WEBEXCALLS_SIMULATOR_URI' -AccessToken `$token -PassThru"
    '$call = Invoke-WebexDial -Destination +14085550100 -Wait; $call'
    '$second = Invoke-WebexDial -Destination sip:jane.doe@example.com -Wait'
    'Get-WebexCall'
    'Set-WebexCallHold -CallId $call.CallId -PassThru'
    'Get-WebexCall -State Held | Format-List'
    'Get-WebexCall -State Held | Set-WebexCallHold -Resume -PassThru'
    'Stop-WebexCall -CallId $second.CallId -WhatIf'
    'Get-WebexCall | Stop-WebexCall -PassThru'
    'Get-WebexCall -CallId $call.CallId -ErrorAction Continue'
    'Get-WebexCall | Measure-Object | Select-Object Count'
    'Disconnect-WebexCalling'
)

# A loop, not a function, so that the variables each step sets ($call, $second) live on for the next steps.
foreach ($step in $steps) {
    Write-Host ''
    Write-Host "PS> $step" -ForegroundColor Cyan
    # Rendered at 120 columns, the width the table view is designed for, even when output is redirected.
    Invoke-Expression $step | Out-String -Width 120 -Stream | Write-Host
}
