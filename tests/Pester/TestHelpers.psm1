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
    param([string] $Method, [string] $Path, [int] $Status, [string] $Body, [string] $ContentType, [int] $RetryAfterSeconds, [int] $Times = 1, [int] $DelayMs,
        [ValidateSet('respond', 'processThenDrop', 'truncate', 'slowBody')][string] $Action, [double] $Fraction, [byte[]] $BodyBytes)
    $fault = @{ status = $Status; times = $Times; delayMs = $DelayMs }
    if ($Method) { $fault.method = $Method }
    if ($Path) { $fault.path = $Path }
    if ($PSBoundParameters.ContainsKey('Body')) { $fault.body = $Body }
    if ($BodyBytes) { $fault.bodyBase64 = [Convert]::ToBase64String($BodyBytes) }
    if ($ContentType) { $fault.contentType = $ContentType }
    if ($PSBoundParameters.ContainsKey('RetryAfterSeconds')) { $fault.retryAfterSeconds = $RetryAfterSeconds }
    if ($Action) { $fault.action = $Action }
    if ($PSBoundParameters.ContainsKey('Fraction')) { $fault.fraction = $Fraction }
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'faults') -ContentType 'application/json' -Body ($fault | ConvertTo-Json)
}

function New-IncomingCall([string] $Number = '+14085550101', [string] $Name) {
    $body = @{ number = $Number }
    if ($Name) { $body.name = $Name }
    Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'calls/incoming') -ContentType 'application/json' -Body ($body | ConvertTo-Json)
}

function Set-SimulatorDelay([int] $AlertingDelayMs, [int] $ConnectingDelayMs, [int] $ParkRecallDelayMs) {
    $body = @{}
    if ($PSBoundParameters.ContainsKey('AlertingDelayMs')) { $body.alertingDelayMs = $AlertingDelayMs }
    if ($PSBoundParameters.ContainsKey('ConnectingDelayMs')) { $body.connectingDelayMs = $ConnectingDelayMs }
    if ($PSBoundParameters.ContainsKey('ParkRecallDelayMs')) { $body.parkRecallDelayMs = $ParkRecallDelayMs }
    $body = $body | ConvertTo-Json
    $null = Invoke-RestMethod -Method Put -Uri (Get-ControlUri 'delays') -ContentType 'application/json' -Body $body
}

function Register-SimulatorToken([string] $Token, [string[]] $Scopes, [string] $Label) {
    $body = @{ token = $Token; scopes = @($Scopes); label = $Label } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'tokens') -ContentType 'application/json' -Body $body
}

# A token that looks real enough that finding it anywhere would be a leak, never a coincidence.
$script:TestToken = 'PESTER-SECRET-' + [guid]::NewGuid().ToString('N')

function Get-TestToken { $script:TestToken }

function ConvertTo-TestSecureString([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

function Connect-TestSimulator {
    # Connects to the simulator with the test token; retry bounds pass through to Connect-WebexCalling when given.
    param([int] $MaxRetryCount, [int] $MaxRetryWaitSec, [int] $TimeoutSec)
    $bounds = @{}
    foreach ($name in 'MaxRetryCount', 'MaxRetryWaitSec', 'TimeoutSec') {
        if ($PSBoundParameters.ContainsKey($name)) { $bounds[$name] = $PSBoundParameters[$name] }
    }
    Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) @bounds
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


function Invoke-SimulatorApi {
    # Sends a call-control request straight to the simulator, as another client would: to set up a state for a test.
    param([Parameter(Mandatory)][string] $Operation, [hashtable] $Body = @{})
    $headers = @{ Authorization = "Bearer $(Get-TestToken)" }
    Invoke-RestMethod -Method Post -Uri "$(Get-SimulatorUri)/telephony/calls/$Operation" -Headers $headers -ContentType 'application/json' -Body ($Body | ConvertTo-Json)
}

function Get-SentBody {
    # The parsed JSON bodies of the requests the simulator received for one operation, oldest first.
    param([Parameter(Mandatory)][string] $Operation)
    Get-SimulatorRequest | Where-Object path -EQ "/v1/telephony/calls/$Operation" | ForEach-Object { $_.body | ConvertFrom-Json -AsHashtable }
}

function New-SimulatorCall {
    # Seeds an incoming call: ringing, or answered; on a device; for an executive (push); redirected.
    param([string] $Number = '+14085550101', [switch] $Answered, [string] $EndpointId, [string] $ExecutiveNumber, [string] $LineOwnerId)
    $body = @{ number = $Number; answered = [bool] $Answered }
    if ($EndpointId) { $body.endpointId = $EndpointId }
    if ($ExecutiveNumber) { $body.executiveNumber = $ExecutiveNumber }
    if ($LineOwnerId) { $body.lineOwnerId = $LineOwnerId }
    Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'calls/incoming') -ContentType 'application/json' -Body ($body | ConvertTo-Json)
}

function New-OtherUserCall {
    # Seeds another user's call: ringing (for pickup) or, with -Connected, answered (for barge-in).
    param([string] $Owner = '2001', [string] $Caller = '+14085550100', [switch] $Connected, [switch] $NotInPickupGroup)
    $body = @{ ownerNumber = $Owner; callerNumber = $Caller; connected = [bool] $Connected; inPickupGroup = -not $NotInPickupGroup } | ConvertTo-Json
    Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'others/calls') -ContentType 'application/json' -Body $body
}

function Set-SimulatorRecordingMode([string] $Mode) {
    $null = Invoke-RestMethod -Method Put -Uri (Get-ControlUri 'recording') -ContentType 'application/json' -Body (@{ mode = $Mode } | ConvertTo-Json)
}

function ConvertTo-Deserialized($InputObject) {
    # What a job or a remote session hands back: the object serialised and read again as a property bag.
    [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject, 2))
}


function New-SimulatorMember {
    # Seeds members of the simulated organisation; returns their ids.
    param([int] $Count = 1, [int] $ActiveCalls = 0, [string] $Kind = 'person')
    $body = @{ count = $Count; activeCalls = $ActiveCalls; kind = $Kind } | ConvertTo-Json
    (Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'members') -ContentType 'application/json' -Body $body).ids
}

function Get-SimulatorOrgId { 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9zaW11bGF0ZWQtb3Jn' }

function New-MemberCall {
    # Seeds an incoming call for a member: ringing, or answered.
    param([Parameter(Mandatory)][string] $MemberId, [string] $Number = '+14085550101', [switch] $Answered)
    $body = @{ number = $Number; answered = [bool] $Answered } | ConvertTo-Json
    Invoke-RestMethod -Method Post -Uri (Get-ControlUri "members/$MemberId/calls/incoming") -ContentType 'application/json' -Body $body
}

function Set-SimulatorLatency([string] $Method, [string] $Path, [int] $DelayMs) {
    $rule = @{ delayMs = $DelayMs }
    if ($Method) { $rule.method = $Method }
    if ($Path) { $rule.path = $Path }
    $null = Invoke-RestMethod -Method Put -Uri (Get-ControlUri 'latency') -ContentType 'application/json' -Body ($rule | ConvertTo-Json)
}

function Register-SimulatorClient {
    # Registers an integration or Service App whose refresh token the simulated /v1/access_token takes.
    param([string] $ClientId = 'pester-client', [string] $ClientSecret, [string] $RefreshToken, [string[]] $Scopes = @('spark:calls_read', 'spark:calls_write'),
        [int] $ExpiresInSeconds = 3600, [switch] $Rotate)
    $body = @{ clientId = $ClientId; clientSecret = $ClientSecret; refreshToken = $RefreshToken; scopes = @($Scopes); expiresInSeconds = $ExpiresInSeconds; rotateRefreshToken = [bool] $Rotate } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'clients') -ContentType 'application/json' -Body $body
}

function Revoke-SimulatorRefreshToken([string] $RefreshToken) {
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'clients/revoke') -ContentType 'application/json' -Body (@{ refreshToken = $RefreshToken } | ConvertTo-Json)
}

# A client secret and refresh token that look real enough that finding them anywhere would be a leak.
$script:ClientSecret = 'PESTER-CLIENT-SECRET-' + [guid]::NewGuid().ToString('N')
$script:RefreshToken = 'PESTER-REFRESH-' + [guid]::NewGuid().ToString('N')
function Get-TestClientSecret { $script:ClientSecret }
function Get-TestRefreshToken { $script:RefreshToken }

function Get-TestClientCredential([string] $ClientId = 'pester-client') {
    [pscredential]::new($ClientId, (ConvertTo-TestSecureString (Get-TestClientSecret)))
}

function Invoke-SimulatorFarEnd {
    # The far end does something to a call now: answer, hold, resume, hangup, answeredElsewhere, ringOut, remoteParty.
    param([Parameter(Mandatory)][string] $CallId, [Parameter(Mandatory)][string] $Event, [string] $MemberId, [string] $Number)
    $body = @{ event = $Event }
    if ($Number) { $body.number = $Number }
    $path = if ($MemberId) { "members/$MemberId/calls/$CallId/farend" } else { "calls/$CallId/farend" }
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri $path) -ContentType 'application/json' -Body ($body | ConvertTo-Json)
}

function Add-SimulatorTimeline {
    # Schedules far-end events: hashtables with afterMs, event, callId, and number or memberId where needed.
    param([Parameter(Mandatory)][hashtable[]] $Events)
    $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'timeline') -ContentType 'application/json' -Body (@{ events = $Events } | ConvertTo-Json -Depth 4)
}

function Get-CallListRequestCount {
    # How many call-list reads (the user's or any member's) the simulator has received since the log was cleared.
    @(Get-SimulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -match '^/v1/telephony/calls(/members/[^/]+/calls)?$' }).Count
}

function Get-RequiredArguments([string] $Cmdlet) {
    # What a cmdlet needs, besides the parameter a table test is about, to run at all: harmless values, a fresh copy.
    $needs = @{
        'Invoke-WebexDial' = @{ Destination = '1234' }
        'Invoke-WebexDivert' = @{ ToVoicemail = $true }
        'Invoke-WebexBargeIn' = @{ Target = '1234' }
        'Send-WebexCallDtmf' = @{ Digits = '1' }
        'Move-WebexCall' = @{ TargetCallId = 'call-two' }
        'Set-WebexCallWrapUp' = @{ Reason = 'Sales' }
        'Wait-WebexCall' = @{ State = 'Connected'; TimeoutSec = 1 }
        'Watch-WebexCall' = @{ Timeout = [timespan] '00:00:01'; IntervalSec = 1 }
        'Set-WebexConferenceMode' = @{ Mode = 'BargeIn' }
        'Start-WebexConference' = @{ CallId = @('call-ok', 'call-two') }
        'Set-WebexConferenceDeafen' = @{ CallId = 'call-ok' }
        'Add-WebexConferenceParticipant' = @{ CallId = 'call-ok' }
        'Set-WebexCallWebhook' = @{ Name = 'renamed' }
    }
    if ($needs[$Cmdlet]) { $needs[$Cmdlet].Clone() } else { @{} }
}

Export-ModuleMember -Function *
