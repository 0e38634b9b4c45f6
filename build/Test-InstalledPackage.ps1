<#
.SYNOPSIS
    Run by the Package task in a fresh pwsh with an empty home: installs WebexCalls from the local package folder
    and checks that the installed copy imports by name, has help, and works against the simulator.
#>
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$repository = 'WebexCallsPackageTest'
Register-PSResourceRepository -Name $repository -Uri $env:WEBEXCALLS_PACKAGE_DIR -Trusted
try {
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        $target = Join-Path $HOME 'Modules'
        $null = New-Item -ItemType Directory -Path $target -Force
        Save-PSResource -Name WebexCalls -Repository $repository -Prerelease -Path $target -TrustRepository
        $env:PSModulePath = $target + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    else {
        Install-PSResource -Name WebexCalls -Repository $repository -Prerelease -Scope CurrentUser -TrustRepository
    }
    $installed = Get-Module WebexCalls -ListAvailable
    if (@($installed).Count -ne 1) { throw "Expected one installed WebexCalls, found $(@($installed).Count)." }
    if (-not $installed.ModuleBase.StartsWith($HOME)) { throw "WebexCalls was found at $($installed.ModuleBase), not in the empty home $HOME." }
    Write-Host "Installed WebexCalls $($installed.Version) at $($installed.ModuleBase)"

    Import-Module WebexCalls
    $help = Get-Help Invoke-WebexDial -Full
    if ($help.Synopsis -notmatch 'call' -or @($help.Examples.Example).Count -eq 0) { throw 'The installed module has no help for Invoke-WebexDial.' }

    $token = ConvertTo-SecureString 'package-test-token' -AsPlainText -Force
    Connect-WebexCalling -BaseUri $env:WEBEXCALLS_SIMULATOR_URI -AccessToken $token
    $call = Invoke-WebexDial -Destination +14085550100 -Confirm:$false
    if ($call -isnot [WebexCalls.CallSession]) { throw "Invoke-WebexDial returned $($call.GetType().FullName), not a CallSession." }
    $call | Stop-WebexCall -Confirm:$false
    Disconnect-WebexCalling
    Write-Host "The installed package imported by name, has help, and dialled and hung up call $($call.CallId) on the simulator."
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
