# Shared by the Pester files: the built module and the simulator that build.ps1 started (WEBEXCALLS_MODULE_PATH and
# WEBEXCALLS_SIMULATOR_URI), and small wrappers over the simulator's control API.

function Get-TestModulePath {
    if (-not $env:WEBEXCALLS_MODULE_PATH) { throw 'WEBEXCALLS_MODULE_PATH is not set: run the tests with ./build.ps1 Test.' }
    return $env:WEBEXCALLS_MODULE_PATH
}

function Get-SimulatorUri {
    if (-not $env:WEBEXCALLS_SIMULATOR_URI) { throw 'WEBEXCALLS_SIMULATOR_URI is not set: run the tests with ./build.ps1 Test.' }
    return $env:WEBEXCALLS_SIMULATOR_URI
}

function Get-ControlUri([string] $path) {
    return (Get-SimulatorUri) -replace '/v1$', "/_simulator/$path"
}

function Reset-Simulator { $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'reset') }

# Invoke-RestMethod writes a JSON array as one object; ForEach-Object unrolls it into one object per request.
function Get-SimulatorRequest { Invoke-RestMethod -Uri (Get-ControlUri 'requests') | ForEach-Object { $_ } }

function Clear-SimulatorRequest { $null = Invoke-RestMethod -Method Delete -Uri (Get-ControlUri 'requests') }

function Add-SimulatorFault {
    param([string] $Method, [string] $Path, [int] $Status, [string] $Body, [string] $ContentType, [int] $RetryAfterSeconds, [int] $Times = 1, [int] $DelayMs)
    $fault = @{ status = $Status; times = $Times; delayMs = $DelayMs }
    if ($Method) { $fault.method = $Method }
    if ($Path) { $fault.path = $Path }
    if ($PSBoundParameters.ContainsKey('Body')) { $fault.body = $Body }
    if ($ContentType) { $fault.contentType = $ContentType }
    if ($RetryAfterSeconds) { $fault.retryAfterSeconds = $RetryAfterSeconds }
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'faults') -ContentType 'application/json' -Body ($fault | ConvertTo-Json)
}

function New-IncomingCall([string] $Number = '+14085550101', [string] $Name) {
    $body = @{ number = $Number }
    if ($Name) { $body.name = $Name }
    Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'calls/incoming') -ContentType 'application/json' -Body ($body | ConvertTo-Json)
}

function Set-SimulatorDelay([int] $AlertingDelayMs, [int] $ConnectingDelayMs) {
    $body = @{ alertingDelayMs = $AlertingDelayMs; connectingDelayMs = $ConnectingDelayMs } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Put -Uri (Get-ControlUri 'delays') -ContentType 'application/json' -Body $body
}

function Register-SimulatorToken([string] $Token, [string[]] $Scopes) {
    $body = @{ token = $Token; scopes = @($Scopes) } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'tokens') -ContentType 'application/json' -Body $body
}

# A token that looks real enough that finding it anywhere would be a leak, never a coincidence.
$script:TestToken = 'PESTER-SECRET-' + [guid]::NewGuid().ToString('N')

function Get-TestToken { $script:TestToken }

function ConvertTo-TestSecureString([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

function Connect-TestSimulator {
    Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString (Get-TestToken))
}

function Invoke-FreshPwsh {
    # Runs a script in a brand-new pwsh process with the module path and simulator address; returns its output.
    param([Parameter(Mandatory)][string] $Script)
    # Under `dotnet pwsh` the process is the dotnet host, and pwsh.dll is its first argument.
    $exe = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $entry = [Environment]::GetCommandLineArgs()[0]
    $arguments = [System.Collections.Generic.List[string]]::new()
    if ($entry -like '*pwsh.dll') { $arguments.Add($entry) }
    $arguments.AddRange([string[]] @('-NoProfile', '-NonInteractive', '-Command', $Script))
    & $exe $arguments 2>&1 | ForEach-Object { "$_" }
}

Export-ModuleMember -Function *
