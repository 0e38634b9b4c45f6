# The cmdlets that act on existing calls, one case each: the normal path with the exact JSON body sent, pipeline
# input from Get-WebexCall, a CallSession (live or deserialized) given as -CallId, -WhatIf sending nothing, and the
# error for a call whose state does not allow the action.

BeforeDiscovery {
    # Ready: a call the action accepts. Wrong: a call in a state it refuses. Body: the fields sent besides callId.
    $script:Cases = @(
        @{ Cmdlet = 'Receive-WebexCall'; Operation = 'answer'; Arguments = @{ EndpointId = 'desk-phone' }; Body = @{ endpointId = 'desk-phone' }; Ready = 'Ringing'; Wrong = 'Connected'; After = 'Connected' }
        @{ Cmdlet = 'Deny-WebexCall'; Operation = 'reject'; Arguments = @{ Action = 'TemporarilyUnavailable' }; Body = @{ action = 'temporarilyUnavailable' }; Ready = 'Ringing'; Wrong = 'Connected'; After = $null }
        @{ Cmdlet = 'Set-WebexCallMute'; Operation = 'mute'; Arguments = @{}; Body = @{}; Ready = 'Connected'; Wrong = 'Ringing'; After = 'Connected' }
        @{ Cmdlet = 'Set-WebexCallMute'; Operation = 'unmute'; Arguments = @{ Unmute = $true }; Body = @{}; Ready = 'Connected'; Wrong = 'Ringing'; After = 'Connected' }
        @{ Cmdlet = 'Invoke-WebexDivert'; Operation = 'divert'; Arguments = @{ Destination = '1234' }; Body = @{ destination = '1234' }; Ready = 'Ringing'; Wrong = 'Placing'; After = $null }
        @{ Cmdlet = 'Invoke-WebexDivert'; Operation = 'divert'; Arguments = @{ ToVoicemail = $true }; Body = @{ toVoicemail = $true }; Ready = 'Connected'; Wrong = 'Placing'; After = $null }
        @{ Cmdlet = 'Invoke-WebexPark'; Operation = 'park'; Arguments = @{ Destination = '1000' }; Body = @{ destination = '1000' }; Ready = 'Connected'; Wrong = 'Ringing'; After = $null }
        @{ Cmdlet = 'Invoke-WebexPark'; Operation = 'park'; Arguments = @{ GroupPark = $true }; Body = @{ isGroupPark = $true }; Ready = 'Connected'; Wrong = 'Ringing'; After = $null }
        @{ Cmdlet = 'Start-WebexCallRecording'; Operation = 'startRecording'; Arguments = @{}; Body = @{}; Ready = 'Connected'; Wrong = 'Recording'; After = 'Connected' }
        @{ Cmdlet = 'Stop-WebexCallRecording'; Operation = 'stopRecording'; Arguments = @{}; Body = @{}; Ready = 'Recording'; Wrong = 'Connected'; After = 'Connected' }
        @{ Cmdlet = 'Suspend-WebexCallRecording'; Operation = 'pauseRecording'; Arguments = @{}; Body = @{}; Ready = 'Recording'; Wrong = 'Connected'; After = 'Connected' }
        @{ Cmdlet = 'Resume-WebexCallRecording'; Operation = 'resumeRecording'; Arguments = @{}; Body = @{}; Ready = 'RecordingPaused'; Wrong = 'Recording'; After = 'Connected' }
        @{ Cmdlet = 'Push-WebexCall'; Operation = 'push'; Arguments = @{}; Body = @{}; Ready = 'Assisted'; Wrong = 'Connected'; After = $null }
        @{ Cmdlet = 'Send-WebexCallDtmf'; Operation = 'transmitDtmf'; Arguments = @{ Digits = '1,2#' }; Body = @{ dtmf = '1,2#' }; Ready = 'Connected'; Wrong = 'Ringing'; After = 'Connected' }
        @{ Cmdlet = 'Set-WebexCallHold'; Operation = 'resume'; Arguments = @{ Resume = $true }; Body = @{}; Ready = 'Held'; Wrong = 'Connected'; After = 'Connected' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function New-CallIn([string] $State) {
        # Returns the id of a new call in the named state.
        switch ($State) {
            'Ringing' { (New-SimulatorCall).id }
            'Connected' { (Invoke-WebexDial '+14085550100').CallId }
            'Held' { $id = (Invoke-WebexDial '+14085550100').CallId; $null = Invoke-SimulatorApi hold @{ callId = $id }; $id }
            'Placing' { Set-SimulatorDelay 60000 0; $id = (Invoke-WebexDial '1234').CallId; Set-SimulatorDelay 0 0; $id }
            'Recording' { $id = (Invoke-WebexDial '+14085550100').CallId; $null = Invoke-SimulatorApi startRecording @{ callId = $id }; $id }
            'RecordingPaused' { $id = New-CallIn 'Recording'; $null = Invoke-SimulatorApi pauseRecording @{ callId = $id }; $id }
            'Assisted' { (New-SimulatorCall -ExecutiveNumber 2000).id }
        }
    }
}

Describe '<Cmdlet> (<Operation>)' -ForEach $Cases {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Id = New-CallIn $Ready
        $script:Other = New-CallIn 'Connected'   # a bystander that must not be touched
        Clear-SimulatorRequest
        $script:Expected = @{ callId = $Id } + $Body
    }

    It 'acts on the calls piped from Get-WebexCall and sends exactly the spec''s body' {
        $output = Get-WebexCall | Where-Object CallId -EQ $Id | & $Cmdlet @Arguments -Confirm:$false

        $sent = @(Get-SentBody $Operation)
        $sent.Count | Should -Be 1
        $sent[0] | Should -BeOfType [hashtable]
        ($sent[0].Keys | Sort-Object) | Should -Be ($Expected.Keys | Sort-Object)
        foreach ($key in $Expected.Keys) { $sent[0][$key] | Should -Be $Expected[$key] -Because "body field $key" }
        if ($Cmdlet -eq 'Invoke-WebexPark') {
            $output | Should -BeOfType ([WebexCalls.ParkedCall])
            $output.CallId | Should -Be $Id
            $output.Number | Should -Not -BeNullOrEmpty
        }
        else { $output | Should -BeNullOrEmpty }
        (Get-WebexCall -CallId $Other).State | Should -Be 'Connected'
        if ($null -eq $After) { Get-WebexCall | Where-Object CallId -EQ $Id | Should -BeNullOrEmpty }
        else { (Get-WebexCall -CallId $Id).State | Should -Be $After }
    }

    It 'takes a CallSession, live or from a job, wherever a call id goes' {
        $call = Get-WebexCall -CallId $Id
        $copy = ConvertTo-Deserialized $call
        $copy | Should -BeOfType ([WebexCalls.CallSession])   # brought back to life, as after a job

        & $Cmdlet $copy @Arguments -Confirm:$false
        (Get-SentBody $Operation).callId | Should -Be $Id
    }

    It 'with -WhatIf sends nothing' {
        Get-WebexCall | & $Cmdlet @Arguments -WhatIf
        & $Cmdlet -CallId $Id @Arguments -WhatIf
        Get-SentBody $Operation | Should -BeNullOrEmpty
        Get-WebexCall -CallId $Id | Should -Not -BeNullOrEmpty
    }

    It 'reports a call whose state does not allow it as WebexCallStateConflict, with the call and trackingId' {
        $wrong = New-CallIn $Wrong
        & $Cmdlet -CallId $wrong @Arguments -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexCallStateConflict,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failures[0].TargetObject | Should -Be $wrong
        $failures[0].Exception.TrackingId | Should -Match '^ROUTER_'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Get-WebexCall'
    }
}

Describe 'The call actions with -PassThru' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
    }

    It 'Receive-WebexCall -PassThru returns the answered call' {
        $ringing = New-SimulatorCall
        $answered = Get-WebexCall -State Alerting | Receive-WebexCall -PassThru
        $answered.CallId | Should -Be $ringing.id
        $answered.State | Should -Be 'Connected'
        $answered.AnswerTime | Should -Not -BeNullOrEmpty
    }

    It 'Set-WebexCallMute -PassThru shows Muted, and -Unmute clears it' {
        $call = Invoke-WebexDial '+14085550100'
        ($call | Set-WebexCallMute -PassThru).Muted | Should -BeTrue
        (Set-WebexCallMute $call -Unmute -PassThru).Muted | Should -BeFalse
    }

    It 'the recording cmdlets -PassThru show RecordingState through start, pause, resume and stop' {
        $call = Invoke-WebexDial '+14085550100'
        ($call | Start-WebexCallRecording -PassThru).RecordingState | Should -Be 'Started'
        ($call | Suspend-WebexCallRecording -PassThru).RecordingState | Should -Be 'Paused'
        ($call | Resume-WebexCallRecording -PassThru).RecordingState | Should -Be 'Started'
        ($call | Stop-WebexCallRecording -PassThru).RecordingState | Should -Be 'Stopped'
    }

    It 'a recording mode that forbids starting is refused with the reason' {
        Set-SimulatorRecordingMode never
        $call = Invoke-WebexDial '+14085550100'
        Start-WebexCallRecording $call -ErrorVariable failures -ErrorAction SilentlyContinue
        "$($failures[0])" | Should -Match 'recording mode is never'
    }
}

Describe 'Parameters that protect the request' {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator
        $script:Call = Invoke-WebexDial '+14085550100'
        Clear-SimulatorRequest
    }

    It 'Invoke-WebexDivert needs -Destination unless -ToVoicemail is given' {
        $syntax = (Get-Command Invoke-WebexDivert).ParameterSets | Where-Object Name -EQ 'Voicemail'
        ($syntax.Parameters | Where-Object Name -EQ 'Destination').IsMandatory | Should -BeFalse
        ($syntax.Parameters | Where-Object Name -EQ 'ToVoicemail').IsMandatory | Should -BeTrue
    }

    It 'Invoke-WebexDivert -ToVoicemail -Destination sends both, for that person''s voicemail' {
        Invoke-WebexDivert $Call -ToVoicemail -Destination '+14085550101'
        $sent = @(Get-SentBody divert)[-1]
        $sent.destination | Should -Be '+14085550101'
        $sent.toVoicemail | Should -BeTrue
    }

    It 'refuses bad destinations and DTMF digits before any request' {
        Clear-SimulatorRequest
        { Invoke-WebexDivert -CallId x -Destination 'not a number' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WebexCalls.Commands.InvokeWebexDivertCommand'
        { Invoke-WebexPark -CallId x -Destination 'x y' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WebexCalls.Commands.InvokeWebexParkCommand'
        { Send-WebexCallDtmf -CallId x -Digits '12E' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WebexCalls.Commands.SendWebexCallDtmfCommand'
        { Send-WebexCallDtmf -CallId x -Digits ',,' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WebexCalls.Commands.SendWebexCallDtmfCommand'
        { Deny-WebexCall -CallId x -Action Later } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,WebexCalls.Commands.DenyWebexCallCommand'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'Deny-WebexCall without -Action sends no action, so Webex applies busy' {
        $ringing = New-SimulatorCall
        Deny-WebexCall $ringing.id
        @(Get-SentBody reject)[-1].Keys | Should -Be @('callId')
        (Get-WebexCallHistory -Type Missed).Number | Should -Contain '+14085550101'
    }

    It 'Stop-WebexCall takes a CallSession as -CallId, not its text' {
        $other = Invoke-WebexDial 1234
        Stop-WebexCall $other
        @(Get-SentBody hangup)[-1].callId | Should -Be $other.CallId
    }
}
