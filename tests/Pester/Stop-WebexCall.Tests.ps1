BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Stop-WebexCall' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Dialled = Invoke-WebexDial '+14085550100'
        $script:Ringing = New-IncomingCall
        Clear-SimulatorRequest
    }

    It 'hangs up every call piped from Get-WebexCall' {
        Get-WebexCall | Stop-WebexCall

        Get-WebexCall | Should -BeNullOrEmpty
        $hangups = Get-SimulatorRequest | Where-Object path -EQ '/v1/telephony/calls/hangup'
        ($hangups.body | ConvertFrom-Json).callId | Sort-Object | Should -Be (@($Dialled.CallId, $Ringing.id) | Sort-Object)
    }

    It 'returns each call marked Disconnected with -PassThru' {
        $ended = Stop-WebexCall -CallId $Dialled.CallId -PassThru
        $ended.CallId | Should -Be $Dialled.CallId
        $ended.State | Should -Be 'Disconnected'
        $ended.RemoteParty.Name | Should -Be 'Jane Doe'
    }

    It 'with -WhatIf sends nothing' {
        Get-WebexCall | Stop-WebexCall -WhatIf
        (Get-SimulatorRequest).path | Should -Be @('/v1/telephony/calls')
        @(Get-WebexCall).Count | Should -Be 2
    }

    It 'reports a call already gone as WebexCallNotFound, and goes on' {
        Stop-WebexCall -CallId $Dialled.CallId
        Stop-WebexCall -CallId $Dialled.CallId, $Ringing.id -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexCallNotFound,WebexCalls.Commands.StopWebexCallCommand'
        $failures[0].TargetObject | Should -Be $Dialled.CallId
        Get-WebexCall | Should -BeNullOrEmpty
    }
}
