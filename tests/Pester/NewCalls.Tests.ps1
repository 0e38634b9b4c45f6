# The cmdlets whose operation starts a new call (201 with ids only): each returns a full CallSession read through the
# same path as Invoke-WebexDial.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Invoke-WebexPark and Invoke-WebexRetrieve' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Call = Invoke-WebexDial '+14085550100'
        Clear-SimulatorRequest
    }

    It 'parks a call, returning where, and retrieves it by piping the ParkedCall' {
        $parked = Invoke-WebexPark $Call -Destination 1000
        $parked.ParkedAgainst.Number | Should -Be '1000'
        Get-WebexCall | Should -BeNullOrEmpty

        $back = $parked | Invoke-WebexRetrieve
        @(Get-SentBody retrieve)[0].destination | Should -Be '1000'
        $back | Should -BeOfType ([WebexCalls.CallSession])
        $back.RemoteParty.Name | Should -Be 'Jane Doe'
        $back.State | Should -Be 'Connected'
        $back.CallSessionId | Should -Be $Call.CallSessionId
    }

    It 'retrieves with -Destination $parked.ParkedAgainst.Number and an endpoint' {
        $parked = Invoke-WebexPark $Call
        $parked.ParkedAgainst.Name | Should -Not -BeNullOrEmpty
        $back = Invoke-WebexRetrieve -Destination $parked.ParkedAgainst.Number -EndpointId desk-phone
        $sent = @(Get-SentBody retrieve)[0]
        ($sent.Keys | Sort-Object) | Should -Be @('destination', 'endpointId')
        $back.RemoteParty.Number | Should -Be '+14085550100'
    }

    It 'retrieves the call parked against the user when no destination is given, sending no field' {
        $null = Invoke-WebexPark $Call
        $back = Invoke-WebexRetrieve
        @(Get-SentBody retrieve)[0].Count | Should -Be 0
        $back.RemoteParty.Number | Should -Be '+14085550100'
    }

    It 'says clearly when nothing is parked there' {
        Invoke-WebexRetrieve 4321 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexNotFound,*'
        $failures[0].TargetObject | Should -Be '4321'
        "$($failures[0])" | Should -Match 'No call is parked against 4321'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'nothing to act on'
    }

    It 'a parked call that nobody retrieves comes back as an alerting recall' {
        Set-SimulatorDelay -ParkRecallDelayMs 1
        $null = Invoke-WebexPark $Call -Destination 1000
        Start-Sleep -Milliseconds 50
        $recall = Get-WebexCall
        $recall.State | Should -Be 'Alerting'
        $recall.Recall.Type | Should -Be 'Park'
        $recall.Recall.Party.Number | Should -Be '1000'
    }
}

Describe 'Invoke-WebexPickup, Invoke-WebexBargeIn and Invoke-WebexPull' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        Clear-SimulatorRequest
    }

    It 'picks up a call ringing the pickup group, sending no target' {
        $null = New-OtherUserCall -Owner 2001 -Caller '+14085550101'
        $call = Invoke-WebexPickup
        @(Get-SentBody pickup)[0].Count | Should -Be 0
        $call.RemoteParty.Name | Should -Be 'John Smith'
        $call.State | Should -Be 'Connected'
    }

    It 'picks up a call ringing one user, on a Single Number Reach number' {
        $null = New-OtherUserCall -Owner 2001 -NotInPickupGroup
        $null = Invoke-WebexPickup -Target 2001 -SingleNumberReachNumber '+14085550199'
        $sent = @(Get-SentBody pickup)[0]
        $sent.target | Should -Be '2001'
        $sent.singleNumberReachPhoneNumber | Should -Be '+14085550199'
    }

    It 'barges in on an answered call, and asks first by default (ConfirmImpact High)' {
        (Get-Command Invoke-WebexBargeIn).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $null = New-OtherUserCall -Owner 2002 -Connected
        $call = Invoke-WebexBargeIn 2002 -Confirm:$false
        @(Get-SentBody bargeIn)[0].target | Should -Be '2002'
        $call.State | Should -Be 'Connected'
    }

    It 'refuses to barge in on a call not yet answered, as WebexCallStateConflict' {
        $null = New-OtherUserCall -Owner 2003
        Invoke-WebexBargeIn 2003 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexCallStateConflict,*'
        $failures[0].TargetObject | Should -Be '2003'
        $failures[0].Exception.TrackingId | Should -Match '^ROUTER_'
    }

    It 'pulls an answered call from another device, returning the pulled call' {
        $onDesk = New-SimulatorCall -Answered -EndpointId desk-phone
        $call = Invoke-WebexPull -EndpointId laptop
        @(Get-SentBody pull)[0].endpointId | Should -Be 'laptop'
        # The temporary call is released once the device joins, so the session finds the pulled call itself.
        $call.CallId | Should -Be $onDesk.id
        @(Get-WebexCall).Count | Should -Be 1
    }

    It 'the new-call cmdlets send nothing with -WhatIf' {
        Invoke-WebexPickup -WhatIf
        Invoke-WebexBargeIn 2002 -WhatIf
        Invoke-WebexPull -WhatIf
        Invoke-WebexRetrieve 1000 -WhatIf
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'refuses -EndpointId with -SingleNumberReachNumber before any request' {
        { Invoke-WebexDial 1234 -EndpointId e1 -SingleNumberReachNumber '+14085550199' } | Should -Throw -ErrorId 'AmbiguousParameterSet,WebexCalls.Commands.InvokeWebexDialCommand'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'Invoke-WebexDial -SingleNumberReachNumber sends singleNumberReachPhoneNumber' {
        $null = Invoke-WebexDial 1234 -SingleNumberReachNumber '+14085550199'
        @(Get-SentBody dial)[0].singleNumberReachPhoneNumber | Should -Be '+14085550199'
    }
}

Describe 'A secondary line (-LineOwnerId)' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        Clear-SimulatorRequest
    }

    It 'is sent in the body, returned on the call, and kept by piping' {
        $call = Invoke-WebexDial 1234 -LineOwnerId 'line-owner-1'
        @(Get-SentBody dial)[0].lineOwnerId | Should -Be 'line-owner-1'
        $call.LineOwnerId | Should -Be 'line-owner-1'
        Get-WebexCall | Should -BeNullOrEmpty   # the user's own line has no call

        $call | Set-WebexCallHold
        @(Get-SentBody hold)[0].lineOwnerId | Should -Be 'line-owner-1'
        $held = Get-WebexCall -LineOwnerId 'line-owner-1'
        $held.State | Should -Be 'Held'
        $held.LineOwnerId | Should -Be 'line-owner-1'
        (Get-SimulatorRequest | Where-Object path -EQ '/v1/telephony/calls' | Select-Object -Last 1).query | Should -Be '?lineOwnerId=line-owner-1'

        $held | Stop-WebexCall
        @(Get-SentBody hangup)[0].lineOwnerId | Should -Be 'line-owner-1'
    }

    It 'a call on another line is not found without it' {
        $call = Invoke-WebexDial 1234 -LineOwnerId 'line-owner-1'
        Stop-WebexCall -CallId $call.CallId -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexCallNotFound,*'
    }
}

Describe 'A CallSession from a real job' {
    It 'still works as -CallId after Start-Job' {
        Reset-Simulator
        Connect-TestSimulator
        $call = Invoke-WebexDial '+14085550100'
        $fromJob = Start-Job -ScriptBlock { param($c) $c } -ArgumentList $call | Receive-Job -Wait -AutoRemoveJob
        $fromJob | Should -BeOfType ([WebexCalls.CallSession])
        Set-WebexCallHold -CallId $fromJob
        (Get-WebexCall -CallId $call.CallId).State | Should -Be 'Held'
    }
}
