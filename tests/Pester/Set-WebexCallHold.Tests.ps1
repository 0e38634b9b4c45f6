BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Set-WebexCallHold' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:First = Invoke-WebexDial '+14085550100'
        $script:Second = Invoke-WebexDial '1234'
        $script:Ringing = New-IncomingCall
        Clear-SimulatorRequest
    }

    It 'holds every connected call from a filtered pipeline' {
        Get-WebexCall | Where-Object State -EQ Connected | Set-WebexCallHold

        (Get-WebexCall -State Held).CallId | Should -Be @($First.CallId, $Second.CallId)   # the list keeps Webex's order
        (Get-WebexCall -CallId $Ringing.id).State | Should -Be 'Alerting'
        $holds = Get-SimulatorRequest | Where-Object path -EQ '/v1/telephony/calls/hold'
        # The holds run concurrently, so they may reach the server in either order.
        ($holds.body | ConvertFrom-Json).callId | Sort-Object | Should -Be (@($First.CallId, $Second.CallId) | Sort-Object)
    }

    It 'resumes with -Resume and returns the updated calls with -PassThru' {
        $held = Set-WebexCallHold -CallId $First.CallId -PassThru
        $held.State | Should -Be 'Held'

        $resumed = $held | Set-WebexCallHold -Resume -PassThru
        $resumed.State | Should -Be 'Connected'
        $resumed.CallId | Should -Be $First.CallId
    }

    It 'returns nothing without -PassThru' {
        Set-WebexCallHold -CallId $First.CallId | Should -BeNullOrEmpty
    }

    It 'with -WhatIf sends nothing' {
        Get-WebexCall | Set-WebexCallHold -WhatIf
        Set-WebexCallHold -CallId $First.CallId -Resume -WhatIf
        (Get-SimulatorRequest).path | Should -Be @('/v1/telephony/calls')
        (Get-WebexCall -State Held) | Should -BeNullOrEmpty
    }

    It 'reports a call whose state does not allow it as WebexCallStateConflict, and goes on' {
        Set-WebexCallHold -CallId $Ringing.id, $First.CallId -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexCallStateConflict,WebexCalls.Commands.SetWebexCallHoldCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failures[0].TargetObject | Should -Be $Ringing.id
        $failures[0].Exception.TrackingId | Should -Match '^ROUTER_'
        (Get-WebexCall -CallId $First.CallId).State | Should -Be 'Held'
    }

    It 'reports an unknown call as WebexCallNotFound, and goes on' {
        Set-WebexCallHold -CallId 'gone', $Second.CallId -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexCallNotFound,WebexCalls.Commands.SetWebexCallHoldCommand'
        (Get-WebexCall -CallId $Second.CallId).State | Should -Be 'Held'
    }

    It 'requires a call id' {
        { Set-WebexCallHold -CallId '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WebexCalls.Commands.SetWebexCallHoldCommand'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }
}
