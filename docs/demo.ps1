<#
.SYNOPSIS
    A walk through WebexCalls against the simulator: connect, dial, list, hold, resume, hang up.
.DESCRIPTION
    Run by `./build.ps1 Demo`, which builds the module, starts the simulator and sets WEBEXCALLS_MODULE_PATH and
    WEBEXCALLS_SIMULATOR_URI. Every step prints the command, then the objects a user would see.
#>
$ErrorActionPreference = 'Stop'
Import-Module $env:WEBEXCALLS_MODULE_PATH

function Show-Step([string] $command) {
    Write-Host ''
    Write-Host "PS> $command" -ForegroundColor Cyan
    Invoke-Expression $command | Out-Host
}

# The simulator accepts any token; a real one comes from https://developer.webex.com.
$token = ConvertTo-SecureString 'simulator-demo-token' -AsPlainText -Force
Show-Step "Connect-WebexCalling -BaseUri '$env:WEBEXCALLS_SIMULATOR_URI' -AccessToken `$token -PassThru"
Show-Step "`$call = Invoke-WebexDial -Destination +14085550100 -Wait; `$call"
Show-Step "`$second = Invoke-WebexDial -Destination sip:jane.doe@example.com -Wait"
Show-Step 'Get-WebexCall'
Show-Step 'Set-WebexCallHold -CallId $call.CallId -PassThru'
Show-Step 'Get-WebexCall -State Held | Format-List'
Show-Step 'Get-WebexCall -State Held | Set-WebexCallHold -Resume -PassThru'
Show-Step 'Stop-WebexCall -CallId $second.CallId -WhatIf'
Show-Step 'Get-WebexCall | Stop-WebexCall -PassThru'
Show-Step 'Get-WebexCall -CallId $call.CallId -ErrorAction Continue'
Show-Step 'Get-WebexCall | Measure-Object | Select-Object Count'
Show-Step 'Disconnect-WebexCalling'
