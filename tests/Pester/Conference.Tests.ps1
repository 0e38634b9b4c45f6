# Conference Controls (issue 18): each cmdlet's exact request for the user, a secondary line and a member, -WhatIf
# sending nothing, wrong-state errors, the pipelines from Get-WebexCall and Get-WebexConference, and a members fan-out.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:OrgId = Get-SimulatorOrgId

    function New-AnsweredCall([string] $Number) { (Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'calls/incoming') -ContentType 'application/json' -Body (@{ number = $Number; answered = $true } | ConvertTo-Json)).id }
    function Get-ConferenceRequest { @(Get-SimulatorRequest | Where-Object path -like '/v1/telephony/conference*') }
}

Describe 'Conference cmdlets' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:First = New-AnsweredCall '+14085550101'
        $script:Second = New-AnsweredCall '+14085550102'
        Clear-SimulatorRequest
    }

    It 'Start-WebexConference merges the piped calls into one conference and returns it read back' {
        $conference = Get-WebexCall | Start-WebexConference -Confirm:$false

        $sent = Get-ConferenceRequest
        ($sent[0].method, $sent[0].rawTarget) | Should -Be @('POST', '/v1/telephony/conference')
        (($sent[0].body | ConvertFrom-Json).callIds | Sort-Object) | Should -Be (@($First, $Second) | Sort-Object)
        $conference.State | Should -Be 'Connected'
        @($conference.Participants).Count | Should -Be 2
        $conference.Type | Should -Be 'None'
        ($conference | Format-Table | Out-String -Width 80) | Should -Match 'Connected\s+False\s+2\s+None\s+\(you\)'
    }

    It 'Start-WebexConference refuses fewer than two calls before any request, and -WhatIf sends nothing' {
        Start-WebexConference -CallId $First -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexConferenceTooFewCalls,*'
        Start-WebexConference -CallId $First, $Second -WhatIf
        Get-ConferenceRequest | Should -BeNullOrEmpty
    }

    It '<Cmdlet> sends <Method> <Path> with <Body> (<Owner>)' -ForEach @(
        @{ Cmdlet = 'Set-WebexConferenceMute'; Owner = 'user'; Arguments = @{}; Method = 'POST'; Path = '/v1/telephony/conference/mute'; Body = '' }
        @{ Cmdlet = 'Set-WebexConferenceMute'; Owner = 'user'; Arguments = @{ CallId = 'SECOND'; Unmute = $true }; Method = 'POST'; Path = '/v1/telephony/conference/unmute'; Body = 'callId' }
        @{ Cmdlet = 'Set-WebexConferenceDeafen'; Owner = 'user'; Arguments = @{ CallId = 'SECOND' }; Method = 'POST'; Path = '/v1/telephony/conference/deafen'; Body = 'callId' }
        @{ Cmdlet = 'Set-WebexConferenceHold'; Owner = 'line'; Arguments = @{}; Method = 'POST'; Path = '/v1/telephony/conference/hold?lineOwnerId=owner-1'; Body = '' }
        @{ Cmdlet = 'Stop-WebexConference'; Owner = 'user'; Arguments = @{}; Method = 'DELETE'; Path = '/v1/telephony/conference'; Body = '' }
        @{ Cmdlet = 'Set-WebexConferenceMode'; Owner = 'user'; Arguments = @{ Mode = 'Coach' }; Method = 'POST'; Path = '/v1/telephony/conference/members/me/supervisorCoach'; Body = '' }
        @{ Cmdlet = 'Add-WebexConferenceParticipant'; Owner = 'line'; Arguments = @{ CallId = 'SECOND' }; Method = 'POST'; Path = '/v1/telephony/conference/addParticipant'; Body = 'callId,lineOwnerId' }
    ) {
        $all = @{}
        foreach ($key in $Arguments.Keys) { $all[$key] = if ($Arguments[$key] -is [string] -and $Arguments[$key] -eq 'SECOND') { $Second } else { $Arguments[$key] } }
        if ($Owner -eq 'line') { $all.LineOwnerId = 'owner-1' }
        & $Cmdlet @all -Confirm:$false -ErrorAction SilentlyContinue

        $sent = @(Get-ConferenceRequest)
        $sent.Count | Should -Be 1
        ($sent[0].method, $sent[0].rawTarget) | Should -Be @($Method, $Path)
        $fields = if ($sent[0].body) { @(($sent[0].body | ConvertFrom-Json -AsHashtable).Keys | Sort-Object) } else { @() }
        ($fields -join ',') | Should -Be $Body
    }

    It 'a member''s conference goes through the members routes with orgId, and -WhatIf sends nothing' {
        $member = New-SimulatorMember -ActiveCalls 2
        $calls = Get-WebexCall -MemberId $member -OrgId $OrgId
        Clear-SimulatorRequest
        $calls | Start-WebexConference -WhatIf
        Get-ConferenceRequest | Should -BeNullOrEmpty

        $conference = $calls | Start-WebexConference -Confirm:$false
        $conference.MemberId | Should -Be $member
        (Get-ConferenceRequest)[0].rawTarget | Should -Be "/v1/telephony/conference/members/$member/conference?orgId=$OrgId"
        $conference | Set-WebexConferenceMode -Mode SilentMonitor -Confirm:$false
        (Get-WebexConference -MemberId $member).Type | Should -Be 'SilentMonitoring'
        (Get-ConferenceRequest | Where-Object method -eq POST)[-1].rawTarget | Should -Be "/v1/telephony/conference/members/$member/silentMonitor?orgId=$OrgId"
    }

    It 'Get-WebexConference returns nothing without a conference, and reads many members at once' {
        Get-WebexConference | Should -BeNullOrEmpty
        $members = New-SimulatorMember -Count 3 -ActiveCalls 2
        Get-WebexCall -MemberId $members[0], $members[1] | Group-Object MemberId | ForEach-Object { $_.Group | Start-WebexConference -Confirm:$false } | Out-Null
        $conferences = Get-WebexConference -MemberId $members
        @($conferences).Count | Should -Be 2
        ($conferences.MemberId | Sort-Object) | Should -Be (@($members[0], $members[1]) | Sort-Object)
    }

    It 'piped conferences act through their owner, and a released conference ends its calls' {
        Get-WebexCall | Start-WebexConference -Confirm:$false | Set-WebexConferenceHold -Confirm:$false
        (Get-WebexConference).State | Should -Be 'Held'
        Get-WebexConference | Set-WebexConferenceHold -Resume -Confirm:$false
        $released = Get-WebexConference | Stop-WebexConference -Confirm:$false -PassThru
        $released.State | Should -Be 'Disconnected'
        Get-WebexCall | Should -BeNullOrEmpty
    }

    It 'an action in the wrong state is an error for that item, with Webex''s status kept' {
        Set-WebexConferenceHold -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue   # no conference
        $failures[0].FullyQualifiedErrorId | Should -BeIn @('WebexCallStateConflict,Microsoft.PowerShell.Commands.WriteErrorCommand', 'WebexCallStateConflict,WebexCalls.Commands.SetWebexConferenceHoldCommand')
        $failures[0].Exception.StatusCode | Should -Be 409
    }

    It '<_> -WhatIf sends nothing' -ForEach @('Set-WebexConferenceMute', 'Set-WebexConferenceHold', 'Stop-WebexConference', 'Set-WebexConferenceMode', 'Add-WebexConferenceParticipant', 'Set-WebexConferenceDeafen') {
        Get-WebexCall | Start-WebexConference -Confirm:$false | Out-Null
        Clear-SimulatorRequest
        $arguments = Get-RequiredArguments $_
        if ($arguments.ContainsKey('CallId')) { $arguments.CallId = $Second }
        & $_ @arguments -WhatIf
        Get-ConferenceRequest | Should -BeNullOrEmpty
    }

    It 'survives a job: enums compare by name again, and it pipes back into the conference cmdlets' {
        $conference = Get-WebexCall | Start-WebexConference -Confirm:$false
        $back = Start-Job { param($c) $c } -ArgumentList $conference | Wait-Job | Receive-Job
        ($back | Where-Object State -eq Connected) | Should -Not -BeNullOrEmpty
        $back.Type | Should -Be 'None'
        @($back.Participants).Count | Should -Be 2
        $back | Set-WebexConferenceHold -Confirm:$false
        (Get-WebexConference).State | Should -Be 'Held'
    }

    It 'shows a list with its participants' {
        $conference = Get-WebexCall | Start-WebexConference -Confirm:$false
        $text = $conference | Format-List | Out-String -Width 80
        $text | Should -Match 'Participants\s*:'
        $text | Should -Match ([regex]::Escape($First.Substring(0, 20)))
        $text | Should -Match '\+14085550101' -Because 'a participant whose call the session has shown is named by who is on it'
    }
}
