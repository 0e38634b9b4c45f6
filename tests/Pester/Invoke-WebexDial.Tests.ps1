BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Invoke-WebexDial' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        Clear-SimulatorRequest
    }

    It 'dials, then reads the new call and returns a full CallSession' {
        $call = Invoke-WebexDial -Destination '+14085550100'

        $call | Should -BeOfType ([WebexCalls.CallSession])
        $call.CallId | Should -Not -BeNullOrEmpty
        $call.CallSessionId | Should -Not -BeNullOrEmpty
        $call.RemoteParty.Name | Should -Be 'Jane Doe'
        $call.StartTime | Should -Not -BeNullOrEmpty
        $requests = Get-SimulatorRequest
        $requests.method | Should -Be @('POST', 'GET')
        $requests[0].path | Should -Be '/v1/telephony/calls/dial'
        ($requests[0].body | ConvertFrom-Json).destination | Should -Be '+14085550100'
        $requests[0].contentType | Should -Match 'application/json'
        $requests[1].path | Should -Be "/v1/telephony/calls/$($call.CallId)"
        $requests.trackingId | ForEach-Object { $_ | Should -Match '^WEBEXCALLS_' }
    }

    It 'finds the call by its session when Webex no longer knows the id Dial returned' {
        Add-SimulatorFault -Method GET -Path '/telephony/calls/' -Status 404 -Body '{"message":"Call not found","errors":[{"description":"Call not found"}],"trackingId":"ROUTER_X"}'
        $call = Invoke-WebexDial '+14085550100'

        $call.RemoteParty.Name | Should -Be 'Jane Doe'
        $requests = Get-SimulatorRequest
        $requests.status | Should -Be @(201, 404, 200)
        $requests[2].path | Should -Be '/v1/telephony/calls'
    }

    It 'sends -EndpointId' {
        $null = Invoke-WebexDial 1234 -EndpointId 'endpoint-7'
        ((Get-SimulatorRequest)[0].body | ConvertFrom-Json).endpointId | Should -Be 'endpoint-7'
    }

    It 'accepts every form the spec lists: <_>' -ForEach @('1234', '+12223334444', '*73', 'tel:+12223334444', 'user@company.domain', 'sip:user@company.domain') {
        { Invoke-WebexDial -Destination $_ } | Should -Not -Throw
    }

    It 'takes a number written the usual way, <_>, and sends it without separators' -ForEach @('+1 (408) 555-0100', '+1 408.555.0100') {
        $null = Invoke-WebexDial -Destination $_
        ((Get-SimulatorRequest)[0].body | ConvertFrom-Json).destination | Should -Be '+14085550100'
    }

    It 'refuses <_> before any request' -ForEach @('call me', '-@clear', 'user@localhost', 'http://example.com', '') {
        $err = { Invoke-WebexDial -Destination $_ } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^ParameterArgument(Validation|ValidationErrorEmptyStringNotAllowed)'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'with -WhatIf sends nothing' {
        Invoke-WebexDial -Destination '+14085550100' -WhatIf
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'dials each row of a CSV piped by property name, and a bad row fails alone' {
        $rows = @'
Name,Number
Jane,+14085550100
Broken,not a number
Desk,1234
'@ | ConvertFrom-Csv

        $calls = $rows | Invoke-WebexDial -ErrorVariable failures -ErrorAction SilentlyContinue

        $calls.RemoteParty.Number | Sort-Object | Should -Be @('+14085550100', '1234')   # concurrent: any order
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Match '^ParameterArgumentValidationError'
        @(Get-SimulatorRequest | Where-Object path -EQ '/v1/telephony/calls/dial').Count | Should -Be 2
    }

    It 'with -WhatIf on a piped CSV sends nothing' {
        'Destination', '+14085550100', '1234' | ConvertFrom-Csv | Invoke-WebexDial -WhatIf
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'with -Wait waits until the call is connected' {
        Set-SimulatorDelay -AlertingDelayMs 300 -ConnectingDelayMs 300
        $call = Invoke-WebexDial '+14085550100' -Wait -TimeoutSec 20
        $call.State | Should -Be 'Connected'
        $call.Personality | Should -Be 'Originator'
        $call.AnswerTime | Should -Not -BeNullOrEmpty
        @(Get-SimulatorRequest | Where-Object method -EQ 'GET').Count | Should -BeGreaterThan 1
    }

    It 'with -Wait reports WebexDialTimeout on timeout and leaves the call as it is' {
        Set-SimulatorDelay -AlertingDelayMs 600000 -ConnectingDelayMs 0
        $call = Invoke-WebexDial '+14085550100' -Wait -TimeoutSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexDialTimeout,WebexCalls.Commands.InvokeWebexDialCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].TargetObject | Should -Be $call.CallId
        $call.State | Should -Be 'Alerting'
        (Get-WebexCall).CallId | Should -Be $call.CallId
        @(Get-SimulatorRequest | Where-Object path -EQ '/v1/telephony/calls/hangup').Count | Should -Be 0
    }

    It 'with -Wait warns and returns nothing when the call ends first' {
        Set-SimulatorDelay -AlertingDelayMs 600000 -ConnectingDelayMs 0
        # Someone else hangs the call up while -Wait polls (the simulator is in open mode, so any token will do).
        $hangup = Start-ThreadJob -ArgumentList (Get-SimulatorUri) -ScriptBlock {
            param($uri)
            Start-Sleep -Milliseconds 1200
            $headers = @{ Authorization = 'Bearer another-client' }
            $id = (Invoke-RestMethod "$uri/telephony/calls" -Headers $headers).items[0].id
            Invoke-RestMethod -Method Post "$uri/telephony/calls/hangup" -Headers $headers -ContentType 'application/json' -Body (@{ callId = $id } | ConvertTo-Json)
        }

        $call = Invoke-WebexDial '+14085550100' -Wait -TimeoutSec 30 -WarningVariable warnings -WarningAction SilentlyContinue
        $hangup | Wait-Job | Receive-Job

        $call | Should -BeNullOrEmpty
        $warnings[0] | Should -Match 'ended before it connected'
    }
}
