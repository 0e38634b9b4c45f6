# Admin mode: every cmdlet through the Call Controls Members API, routing by a piped call's MemberId, and the fan-out
# over many members (concurrency, progress, partial failures, -WhatIf, Ctrl+C).

BeforeDiscovery {
    # Ready: the state of the member's call the action accepts. Body: the fields sent besides callId.
    $script:Cases = @(
        @{ Cmdlet = 'Receive-WebexCall'; Operation = 'answer'; Arguments = @{}; Body = @{}; Ready = 'Ringing' }
        @{ Cmdlet = 'Deny-WebexCall'; Operation = 'reject'; Arguments = @{ Action = 'Busy' }; Body = @{ action = 'busy' }; Ready = 'Ringing' }
        @{ Cmdlet = 'Set-WebexCallHold'; Operation = 'hold'; Arguments = @{}; Body = @{}; Ready = 'Connected' }
        @{ Cmdlet = 'Set-WebexCallMute'; Operation = 'mute'; Arguments = @{}; Body = @{}; Ready = 'Connected' }
        @{ Cmdlet = 'Stop-WebexCall'; Operation = 'hangup'; Arguments = @{}; Body = @{}; Ready = 'Connected' }
        @{ Cmdlet = 'Invoke-WebexDivert'; Operation = 'divert'; Arguments = @{ ToVoicemail = $true }; Body = @{ toVoicemail = $true }; Ready = 'Ringing' }
        @{ Cmdlet = 'Invoke-WebexPark'; Operation = 'park'; Arguments = @{ Destination = '1000' }; Body = @{ destination = '1000' }; Ready = 'Connected' }
        @{ Cmdlet = 'Start-WebexCallRecording'; Operation = 'startRecording'; Arguments = @{}; Body = @{}; Ready = 'Connected' }
        @{ Cmdlet = 'Send-WebexCallDtmf'; Operation = 'transmitDtmf'; Arguments = @{ Digits = '12#' }; Body = @{ dtmf = '12#' }; Ready = 'Connected' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:OrgId = Get-SimulatorOrgId

    function Get-MemberRequest([string] $Operation) {
        # The requests for one operation on any member's route, with the member id taken out of the path.
        Get-SimulatorRequest | Where-Object { $_.path -match "^/v1/telephony/calls/members/[^/]+/$Operation$" }
    }
}

Describe '<Cmdlet> for a member (<Operation>)' -ForEach $Cases {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Member = New-SimulatorMember
        $script:Call = New-MemberCall -MemberId $Member -Answered:($Ready -eq 'Connected')
        Clear-SimulatorRequest
    }

    It 'routes a piped call through its member, with orgId and no lineOwnerId' {
        Get-WebexCall -MemberId $Member -OrgId $OrgId | & $Cmdlet @Arguments -Confirm:$false

        $sent = @(Get-MemberRequest $Operation)
        $sent.Count | Should -Be 1
        $sent[0].path | Should -Be "/v1/telephony/calls/members/$Member/$Operation"
        $sent[0].query | Should -Be "?orgId=$OrgId"
        $received = $sent[0].body | ConvertFrom-Json -AsHashtable
        $expected = @{ callId = $Call.id } + $Body
        ($received.Keys | Sort-Object) | Should -Be ($expected.Keys | Sort-Object)
        foreach ($key in $expected.Keys) { $received[$key] | Should -Be $expected[$key] }
        Get-SentBody $Operation | Should -BeNullOrEmpty   # nothing went to the user-level route
    }

    It 'takes -MemberId and -OrgId directly, and -WhatIf names the member and sends nothing' {
        & $Cmdlet -CallId $Call.id -MemberId $Member @Arguments -WhatIf
        Get-MemberRequest $Operation | Should -BeNullOrEmpty
        & $Cmdlet -CallId $Call.id -MemberId $Member @Arguments -Confirm:$false
        @(Get-MemberRequest $Operation)[0].query | Should -BeNullOrEmpty
    }
}

Describe 'Every call cmdlet''s members route' {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator
        $script:Member = New-SimulatorMember
        $script:Call = (New-MemberCall -MemberId $Member -Answered).id
    }

    BeforeEach { Clear-SimulatorRequest }

    # Whatever Webex answers (some of these need a state the member's call is not in), the request must go to the
    # member's route with orgId, and its body must be the spec's without lineOwnerId.
    It '<Name> posts <Operation> for the member' -ForEach @(
        @{ Name = 'Set-WebexCallHold -Resume'; Operation = 'resume'; Keys = 'callId'; Run = { Set-WebexCallHold $Call -Resume -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Set-WebexCallMute -Unmute'; Operation = 'unmute'; Keys = 'callId'; Run = { Set-WebexCallMute $Call -Unmute -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Stop-WebexCallRecording'; Operation = 'stopRecording'; Keys = 'callId'; Run = { Stop-WebexCallRecording $Call -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Suspend-WebexCallRecording'; Operation = 'pauseRecording'; Keys = 'callId'; Run = { Suspend-WebexCallRecording $Call -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Resume-WebexCallRecording'; Operation = 'resumeRecording'; Keys = 'callId'; Run = { Resume-WebexCallRecording $Call -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Push-WebexCall'; Operation = 'push'; Keys = 'callId'; Run = { Push-WebexCall $Call -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Move-WebexCall -TargetCallId'; Operation = 'transfer'; Keys = 'callId1', 'callId2'; Run = { Move-WebexCall $Call -TargetCallId other -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Move-WebexCall -Auto'; Operation = 'transfer'; Keys = @(); Run = { Move-WebexCall -Auto -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Invoke-WebexRetrieve'; Operation = 'retrieve'; Keys = 'destination'; Run = { Invoke-WebexRetrieve 1000 -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Invoke-WebexPickup'; Operation = 'pickup'; Keys = 'target'; Run = { Invoke-WebexPickup 2001 -MemberId $Member -OrgId $OrgId } }
        @{ Name = 'Invoke-WebexBargeIn'; Operation = 'bargeIn'; Keys = 'target'; Run = { Invoke-WebexBargeIn 2001 -MemberId $Member -OrgId $OrgId -Confirm:$false } }
        @{ Name = 'Invoke-WebexPull'; Operation = 'pull'; Keys = 'endpointId'; Run = { Invoke-WebexPull laptop -MemberId $Member -OrgId $OrgId } }
    ) {
        # Errors are expected for some (their state is wrong); only the request matters here, whatever the preference.
        try { & $Run 2>$null 3>$null | Out-Null } catch { $null = $_ }
        $sent = @(Get-SimulatorRequest | Where-Object method -EQ POST)
        $sent.Count | Should -Be 1
        $sent[0].path | Should -Be "/v1/telephony/calls/members/$Member/$Operation"
        $sent[0].query | Should -Be "?orgId=$OrgId"
        $body = $sent[0].body | ConvertFrom-Json -AsHashtable
        @($body.Keys | Sort-Object) | Should -Be @($Keys | Sort-Object)
    }
}

Describe 'Admin mode' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
    }

    It 'lists the calls of hundreds of members concurrently, each call carrying its MemberId' {
        $members = New-SimulatorMember -Count 300 -ActiveCalls 1
        Clear-SimulatorRequest

        $calls = Get-WebexCall -MemberId $members -OrgId $OrgId -ThrottleLimit 16

        $calls.Count | Should -Be 300
        ($calls.MemberId | Sort-Object -Unique).Count | Should -Be 300
        ($calls | Where-Object OrgId -NE $OrgId) | Should -BeNullOrEmpty
        @(Get-MemberRequest 'calls').Count | Should -Be 300
    }

    It 'acts on each member''s call through its own member: Get-WebexCall -MemberId | Where-Object | Stop-WebexCall' {
        $members = New-SimulatorMember -Count 20 -ActiveCalls 1
        $held = Get-WebexCall -MemberId ($members | Select-Object -First 5) | Set-WebexCallHold -PassThru
        Clear-SimulatorRequest

        Get-WebexCall -MemberId $members | Where-Object State -EQ Held | Stop-WebexCall

        $hangups = @(Get-MemberRequest 'hangup')
        $hangups.Count | Should -Be 5
        foreach ($call in $held) {
            ($hangups | Where-Object path -EQ "/v1/telephony/calls/members/$($call.MemberId)/hangup").body | ConvertFrom-Json |
                Select-Object -ExpandProperty callId | Should -Be $call.CallId
        }
        @(Get-WebexCall -MemberId $members).Count | Should -Be 15
    }

    It 'binds -MemberId from a CSV of people (PersonId), never from a call''s Id' {
        $members = New-SimulatorMember -Count 3
        $rows = $members | ForEach-Object { [pscustomobject]@{ PersonId = $_; Name = 'x' } }

        $calls = $rows | Invoke-WebexDial -Destination 1234
        $calls.Count | Should -Be 3
        ($calls.MemberId | Sort-Object) | Should -Be ($members | Sort-Object)
        (Get-Command Get-WebexCall).Parameters['MemberId'].Aliases | Should -Not -Contain 'Id'
    }

    It 'dials for a member and returns the call read through the member' {
        $member = New-SimulatorMember
        $call = Invoke-WebexDial 1234 -MemberId $member -OrgId $OrgId
        $call.MemberId | Should -Be $member
        (Get-MemberRequest 'dial').query | Should -Be "?orgId=$OrgId"
        (Get-SimulatorRequest | Where-Object path -Like "*/members/$member/calls/*").Count | Should -Be 1
    }

    It 'one member''s failure is that member''s error, and the others are listed' {
        $members = New-SimulatorMember -Count 3 -ActiveCalls 1
        $calls = Get-WebexCall -MemberId ($members + 'nobody') -ErrorVariable failures -ErrorAction SilentlyContinue
        $calls.Count | Should -Be 3
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'nobody'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexNotFound,*'
        "$($failures[0])" | Should -Match 'Member not found'
    }

    It '-WhatIf over a fan-out sends nothing' {
        $members = New-SimulatorMember -Count 50 -ActiveCalls 1
        Clear-SimulatorRequest
        Get-WebexCall -MemberId $members | Stop-WebexCall -WhatIf
        Get-MemberRequest 'hangup' | Should -BeNullOrEmpty
    }

    It 'shows progress n of N while it fans out, and completes it' {
        $members = New-SimulatorMember -Count 40 -ActiveCalls 1
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; `$ProgressPreference = 'Continue'; Get-WebexCall -MemberId `$args[0] -ThrottleLimit 4").AddArgument($members)
            $output = $ps.Invoke()
            $output.Count | Should -Be 40
            $progress = @($ps.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 0
            $progress[-1].RecordType | Should -Be 'Completed'
            $progress[-1].StatusDescription | Should -Be '40 of 40 done'
        }
        finally { $ps.Dispose() }
    }

    It 'Ctrl+C stops a fan-out and cancels what is in flight' {
        $members = New-SimulatorMember -Count 100 -ActiveCalls 1
        Set-SimulatorLatency -Method GET -Path '/telephony/calls/members' -DelayMs 1000
        Clear-SimulatorRequest
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; Get-WebexCall -MemberId `$args[0] -ThrottleLimit 10").AddArgument($members)
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 300
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            Start-Sleep -Milliseconds 1500
            # At most the ten in flight when it stopped could have been answered; the other 90 were never sent.
            @(Get-MemberRequest 'calls').Count | Should -BeLessOrEqual 10
        }
        finally { $ps.Dispose() }
    }

    It 'Set-WebexCallWrapUp sends the reasons for the member''s last call' {
        $member = New-SimulatorMember -ActiveCalls 1
        Get-WebexCall -MemberId $member | Stop-WebexCall
        Set-WebexCallWrapUp -MemberId $member -Reason 'Billing', 'Escalated' -OrgId $OrgId
        $sent = @(Get-MemberRequest 'wrapupreasons')[0]
        $sent.query | Should -Be "?orgId=$OrgId"
        ($sent.body | ConvertFrom-Json).wrapupReasons | Should -Be @('Billing', 'Escalated')
    }

    It 'a members route Webex does not offer is a clear WebexMembersRouteNotOffered error' {
        $member = New-SimulatorMember
        Get-WebexCallHistory -MemberId $member -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexMembersRouteNotOffered,*'
        $failures[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failures[0].TargetObject | Should -Be $member
        "$($failures[0])" | Should -Match "does not offer 'history'"
    }

    It 'refuses -MemberId with -LineOwnerId before any request' {
        Clear-SimulatorRequest
        Stop-WebexCall -CallId x -MemberId m -LineOwnerId l -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidScope,*'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }
}
