BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Move-WebexCall' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Customer = Invoke-WebexDial '+14085550100'
        $script:Consult = Invoke-WebexDial '1234'
        Clear-SimulatorRequest
    }

    It 'joins two calls given as objects (attended transfer), sending callId1 and callId2, and returns nothing' {
        $third = Invoke-WebexDial '5678'
        Move-WebexCall -CallId $Customer -TargetCallId $Consult | Should -BeNullOrEmpty

        $sent = @(Get-SentBody transfer)
        $sent.Count | Should -Be 1
        ($sent[0].Keys | Sort-Object) | Should -Be @('callId1', 'callId2')
        $sent[0].callId1 | Should -Be $Customer.CallId
        $sent[0].callId2 | Should -Be $Consult.CallId
        (Get-WebexCall).CallId | Should -Be @($third.CallId)
    }

    It 'takes the first call from the pipeline' {
        Get-WebexCall -CallId $Customer.CallId | Move-WebexCall -TargetCallId $Consult.CallId
        @(Get-SentBody transfer)[0].callId1 | Should -Be $Customer.CallId
    }

    It 'mute transfer: sends callId1 and destination, and returns the new call to the destination' {
        Set-SimulatorDelay 0 60000   # the destination keeps ringing, so the transfer is still pending
        $toDestination = Move-WebexCall $Customer -Destination '+14085550101'

        $sent = @(Get-SentBody transfer)[0]
        ($sent.Keys | Sort-Object) | Should -Be @('callId1', 'destination')
        $sent.destination | Should -Be '+14085550101'
        $toDestination | Should -BeOfType ([WebexCalls.CallSession])
        $toDestination.RemoteParty.Name | Should -Be 'John Smith'
        $toDestination.State | Should -Be 'Connecting'
        (Get-WebexCall -CallId $Customer.CallId).State | Should -Be 'Connected'
    }

    It 'mute transfer completes when the destination answers: both calls leave the user' {
        $result = Move-WebexCall $Customer -Destination '+14085550101' -WarningVariable warnings -WarningAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'transfer is complete'
        (Get-WebexCall).CallId | Should -Be @($Consult.CallId)
    }

    It '-Auto sends an empty body and joins the user''s two calls' {
        Move-WebexCall -Auto
        @(Get-SentBody transfer)[0].Count | Should -Be 0
        Get-WebexCall | Should -BeNullOrEmpty
    }

    It '-Auto with three calls is refused by Webex, with its reason' {
        $null = Invoke-WebexDial '5678'
        Move-WebexCall -Auto -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexBadRequest,*'
        "$($failures[0])" | Should -Match 'exactly two'
        @(Get-WebexCall).Count | Should -Be 3
    }

    It 'refuses to transfer a ringing call, as WebexCallStateConflict' {
        $ringing = New-SimulatorCall
        Move-WebexCall -CallId $ringing.id -TargetCallId $Consult -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexCallStateConflict,*'
        $failures[0].TargetObject | Should -Be $ringing.id
        $failures[0].Exception.TrackingId | Should -Match '^ROUTER_'
    }

    It 'with -WhatIf sends nothing, in every form' {
        Move-WebexCall $Customer -TargetCallId $Consult -WhatIf
        Move-WebexCall $Customer -Destination 1000 -WhatIf
        Move-WebexCall -Auto -WhatIf
        Get-SentBody transfer | Should -BeNullOrEmpty
    }

    It 'offers exactly the three forms as parameter sets' {
        (Get-Command Move-WebexCall).ParameterSets.Name | Sort-Object | Should -Be @('Attended', 'Auto', 'MuteTransfer')
        { Move-WebexCall -CallId $Customer -Destination 'not a number' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WebexCalls.Commands.MoveWebexCallCommand'
    }
}
