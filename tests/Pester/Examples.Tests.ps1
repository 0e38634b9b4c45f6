# docs/examples: the Azure Functions and Pode receivers. The hosts cannot run here, so each run.ps1 is run as its host
# would run it: with a request object shaped like the host's, and stand-ins for the host's own commands
# (Push-OutputBinding and [HttpResponseContext] for Azure Functions; Get-PodeHeader, Set-PodeResponseStatus and
# Write-PodeTextResponse for Pode), signed and unsigned, good and tampered.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Examples = Join-Path $PSScriptRoot '../../docs/examples'
    $env:WEBEX_WEBHOOK_SECRET = 'example-secret'

    if (-not ('HttpResponseContext' -as [type])) {
        # The Azure Functions PowerShell worker's response type, as far as run.ps1 uses it.
        Add-Type -TypeDefinition 'public class HttpResponseContext { public object StatusCode { get; set; } public object Body { get; set; } public System.Collections.IDictionary Headers { get; set; } }'
    }

    function Get-Signature([string] $Body, [string] $Secret = 'example-secret') {
        $hmac = [System.Security.Cryptography.HMACSHA1]::new([Text.Encoding]::UTF8.GetBytes($Secret))
        try { [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($Body))).ToLowerInvariant() } finally { $hmac.Dispose() }
    }

    $script:Raw = '{"id":"hook-1","name":"Calls","resource":"telephony_calls","event":"updated","orgId":"org-1","actorId":"person-1","data":{"callId":"call-7","callSessionId":"s-7","personality":"terminator","state":"connected","remoteParty":{"name":"Jane Doe","number":"+14085550100","callType":"external"},"eventType":"answered","eventTimestamp":"2026-12-06T10:00:05.000Z"}}'
    $script:Cases = @(
        @{ Case = 'a good delivery'; Body = $Raw; Signature = (Get-Signature $Raw); Status = 200 }
        @{ Case = 'a tampered body'; Body = $Raw.Replace('connected', 'held'); Signature = (Get-Signature $Raw); Status = 401 }
        @{ Case = 'no signature'; Body = $Raw; Signature = $null; Status = 401 }
        @{ Case = 'a body that is not an event'; Body = '{"hello":1}'; Signature = (Get-Signature '{"hello":1}'); Status = 400 }
    )
}

AfterAll {
    Remove-Item Env:WEBEX_WEBHOOK_SECRET -ErrorAction SilentlyContinue
    Remove-Variable ExamplePushed, ExampleAnswer, ExampleSignature -Scope Global -ErrorAction SilentlyContinue
}

Describe 'The Azure Functions example' {
    It 'is an HTTP trigger with an http output and a queue output' {
        $bindings = (Get-Content (Join-Path $Examples 'azure-functions/WebexCallEvents/function.json') -Raw | ConvertFrom-Json).bindings
        ($bindings | Where-Object type -EQ 'httpTrigger').name | Should -Be 'Request'
        ($bindings | Where-Object type -EQ 'http').name | Should -Be 'Response'
        ($bindings | Where-Object type -EQ 'queue').name | Should -Be 'CallEvents'
    }

    It 'answers <Status> to <Case>, and queues only a good event' -ForEach @(
        @{ Case = 'a good delivery'; Status = 200 }, @{ Case = 'a tampered body'; Status = 401 }, @{ Case = 'no signature'; Status = 401 }, @{ Case = 'a body that is not an event'; Status = 400 }
    ) {
        $case = $Cases | Where-Object Case -EQ $Case
        $global:ExamplePushed = @{}
        function Push-OutputBinding([string] $Name, $Value) { $global:ExamplePushed[$Name] = $Value }
        # The worker's request: lower-case header names, the parsed Body, and the RawBody as received.
        $headers = @{ 'content-type' = 'application/json' }
        if ($case.Signature) { $headers['x-spark-signature'] = $case.Signature }
        $request = [pscustomobject]@{ Method = 'POST'; Url = 'https://app.azurewebsites.net/api/WebexCallEvents'; Headers = $headers; Query = @{}; Params = @{}
            Body = ($case.Body | ConvertFrom-Json -AsHashtable); RawBody = $case.Body }
        & (Join-Path $Examples 'azure-functions/WebexCallEvents/run.ps1') -Request $request -TriggerMetadata @{} 3>$null
        $Pushed = $global:ExamplePushed
        [int] $Pushed.Response.StatusCode | Should -Be $Status
        if ($Status -eq 200) {
            $Pushed.CallEvents.callId | Should -Be 'call-7'
            $Pushed.CallEvents.eventType | Should -Be 'answered'
            $Pushed.CallEvents.state | Should -Be 'Connected'
            $Pushed.CallEvents.remote | Should -Be 'Jane Doe <+14085550100>'
        }
        else { $Pushed.Keys | Should -Not -Contain 'CallEvents' }
    }
}

Describe 'The Pode example' {
    It 'answers <Status> to <Case>, and logs only a good event' -ForEach @(
        @{ Case = 'a good delivery'; Status = 200 }, @{ Case = 'a tampered body'; Status = 401 }, @{ Case = 'no signature'; Status = 401 }, @{ Case = 'a body that is not an event'; Status = 400 }
    ) {
        $case = $Cases | Where-Object Case -EQ $Case
        $global:ExampleAnswer = $null
        $global:ExampleSignature = $case.Signature
        function Get-PodeHeader([string] $Name) { if ($Name -eq 'X-Spark-Signature') { $global:ExampleSignature } }
        function Set-PodeResponseStatus([int] $Code, [switch] $NoErrorPage) { $global:ExampleAnswer = $Code }
        function Write-PodeTextResponse([string] $Value, [int] $StatusCode = 200) { $global:ExampleAnswer = $StatusCode }
        $log = Join-Path ([IO.Path]::GetTempPath()) 'webex-call-events.log'
        Remove-Item $log -ErrorAction SilentlyContinue
        # Pode's $WebEvent: Request.Body is the raw body; Data is the parsed one.
        $WebEvent = @{ Method = 'post'; Path = '/webex'; Request = [pscustomobject]@{ Body = $case.Body }; Data = ($case.Body | ConvertFrom-Json -AsHashtable) }
        $route = & ([scriptblock]::Create((Get-Content (Join-Path $Examples 'pode/run.ps1') -Raw)))
        $route | Should -BeOfType [scriptblock] -Because 'Add-PodeRoute -FilePath takes a file holding a scriptblock'
        & $route
        $global:ExampleAnswer | Should -Be $Status
        if ($Status -eq 200) { Get-Content $log -Raw | Should -Match 'updated/answered call-7 Connected Jane Doe' }
        else { Test-Path $log | Should -BeFalse }
        Remove-Item $log -ErrorAction SilentlyContinue
    }
}
