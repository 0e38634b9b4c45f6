# Pipeline input binds only to what it is: every cmdlet that takes pipeline input gets a string, a CallSession (live
# and deserialized), CSV rows of people (PersonId, WorkspaceId, VirtualLineId), rows with Destination or Number, and a
# row with none of these; the simulator's log shows the exact request each sent, or that nothing was sent. Issue 15:
# a people row used to bind to -CallId as its own ToString() text, so every row of a CSV of people failed.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    # What each cmdlet sends for each kind of input. A string is a real call id; "Refused" means an error and no
    # request. An expectation is the first request, as "METHOD /raw/target field=value": {call}, {member} and {dest}
    # stand for the call id, the member id and the number; any further requests may only read a call back.
    $call = @{ Session = 'Refused'; String = 'Refused'; People = 'Refused'; Destination = 'Refused'; PeopleWithNumber = 'Refused'; None = 'Refused' }
    function Action([string] $Cmdlet, [string] $Operation, [hashtable] $Arguments = @{}, [string] $Body = 'callId={call}') {
        $row = $call.Clone()
        $row.Cmdlet = $Cmdlet; $row.Arguments = $Arguments
        $row.String = $row.Session = "POST /v1/telephony/calls/$Operation $Body"
        $row
    }
    $script:Table = @(
        (Action 'Receive-WebexCall' 'answer')
        (Action 'Deny-WebexCall' 'reject')
        (Action 'Invoke-WebexDivert' 'divert' @{ ToVoicemail = $true })
        (Action 'Invoke-WebexPark' 'park')
        (Action 'Send-WebexCallDtmf' 'transmitDtmf' @{ Digits = '1' })
        (Action 'Move-WebexCall' 'transfer' @{ TargetCallId = 'other-call' } 'callId1={call}')
        @{ Cmdlet = 'Wait-WebexCall'; Arguments = @{ State = 'Connected'; TimeoutSec = 2 }
            String = 'GET /v1/telephony/calls/{call}'; Session = 'GET /v1/telephony/calls/{call}'
            People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Get-WebexCall'; Arguments = @{}
            String = 'GET /v1/telephony/calls/{call}'; Session = 'GET /v1/telephony/calls/{call}'
            People = 'GET /v1/telephony/calls/members/{member}/calls'; PeopleWithNumber = 'GET /v1/telephony/calls/members/{member}/calls'
            Destination = 'Refused'; None = 'Refused' }
        # A call object binds its MemberId (none) and ConnectionId: the history of the user it was read for.
        @{ Cmdlet = 'Get-WebexCallHistory'; Arguments = @{}
            String = 'Refused'; Session = 'GET /v1/telephony/calls/history'
            People = 'GET /v1/telephony/calls/members/{member}/history'; PeopleWithNumber = 'GET /v1/telephony/calls/members/{member}/history'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Watch-WebexCall'; Arguments = @{ Timeout = [timespan] '00:00:01'; IntervalSec = 1 }
            String = 'Refused'; Session = 'GET /v1/telephony/calls'
            People = 'GET /v1/telephony/calls/members/{member}/calls'; PeopleWithNumber = 'GET /v1/telephony/calls/members/{member}/calls'
            Destination = 'Refused'; None = 'Refused' }
        # A call id is no destination, and a call object has none: only a Destination or Number dials.
        @{ Cmdlet = 'Invoke-WebexDial'; Arguments = @{}
            String = 'Refused'; Session = 'Refused'; People = 'Refused'
            Destination = 'POST /v1/telephony/calls/dial destination={dest}'; PeopleWithNumber = 'POST /v1/telephony/calls/members/{member}/dial destination={dest}'
            None = 'Refused' }
        @{ Cmdlet = 'Invoke-WebexRetrieve'; Arguments = @{}
            String = 'Refused'; Session = 'POST /v1/telephony/calls/retrieve'
            People = 'POST /v1/telephony/calls/members/{member}/retrieve'; PeopleWithNumber = 'POST /v1/telephony/calls/members/{member}/retrieve destination={dest}'
            Destination = 'POST /v1/telephony/calls/retrieve destination={dest}'; None = 'Refused' }
        @{ Cmdlet = 'Invoke-WebexPickup'; Arguments = @{}
            String = 'Refused'; Session = 'POST /v1/telephony/calls/pickup'
            People = 'POST /v1/telephony/calls/members/{member}/pickup'; PeopleWithNumber = 'POST /v1/telephony/calls/members/{member}/pickup'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Invoke-WebexBargeIn'; Arguments = @{}
            String = 'Refused'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Invoke-WebexPull'; Arguments = @{}
            String = 'Refused'; Session = 'POST /v1/telephony/calls/pull'
            People = 'POST /v1/telephony/calls/members/{member}/pull'; PeopleWithNumber = 'POST /v1/telephony/calls/members/{member}/pull'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Set-WebexCallWrapUp'; Arguments = @{ Reason = 'Sales' }
            String = 'Refused'; Session = 'Refused'
            People = 'POST /v1/telephony/calls/members/{member}/wrapupreasons'; PeopleWithNumber = 'POST /v1/telephony/calls/members/{member}/wrapupreasons'
            Destination = 'Refused'; None = 'Refused' }
        # Only an object with an address (the PersonId row has Email) finds a member; text must be an address.
        @{ Cmdlet = 'Get-WebexCallingMember'; Arguments = @{}
            String = 'Refused'; Session = 'Refused'; People = 'GET /v1/people'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused'
            Overrides = @{ 'a people row (WorkspaceId)' = 'Refused'; 'a people row (VirtualLineId)' = 'Refused' } }
        # Conference Controls: a call id (or a call) names a participant where the cmdlet takes one; the owner comes from
        # the call's MemberId (none: the user) or a people row's member id.
        @{ Cmdlet = 'Start-WebexConference'; Arguments = @{}
            String = 'Refused'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Get-WebexConference'; Arguments = @{}
            String = 'Refused'; Session = 'GET /v1/telephony/conference'
            People = 'GET /v1/telephony/conference/members/{member}/conference'; PeopleWithNumber = 'GET /v1/telephony/conference/members/{member}/conference'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Stop-WebexConference'; Arguments = @{}
            String = 'Refused'; Session = 'DELETE /v1/telephony/conference'
            People = 'DELETE /v1/telephony/conference/members/{member}/conference'; PeopleWithNumber = 'DELETE /v1/telephony/conference/members/{member}/conference'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Add-WebexConferenceParticipant'; Arguments = @{}
            String = 'POST /v1/telephony/conference/addParticipant callId={call}'; Session = 'POST /v1/telephony/conference/addParticipant callId={call}'
            People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Set-WebexConferenceMute'; Arguments = @{}
            String = 'POST /v1/telephony/conference/mute callId={call}'; Session = 'POST /v1/telephony/conference/mute callId={call}'
            People = 'POST /v1/telephony/conference/members/{member}/mute'; PeopleWithNumber = 'POST /v1/telephony/conference/members/{member}/mute'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Set-WebexConferenceDeafen'; Arguments = @{}
            String = 'POST /v1/telephony/conference/deafen callId={call}'; Session = 'POST /v1/telephony/conference/deafen callId={call}'
            People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Set-WebexConferenceHold'; Arguments = @{}
            String = 'Refused'; Session = 'POST /v1/telephony/conference/hold'
            People = 'POST /v1/telephony/conference/members/{member}/hold'; PeopleWithNumber = 'POST /v1/telephony/conference/members/{member}/hold'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Set-WebexConferenceMode'; Arguments = @{ Mode = 'BargeIn' }
            String = 'Refused'; Session = 'POST /v1/telephony/conference/members/me/bargeIn'
            People = 'POST /v1/telephony/conference/members/{member}/bargeIn'; PeopleWithNumber = 'POST /v1/telephony/conference/members/{member}/bargeIn'
            Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Disconnect-WebexCalling'; Arguments = @{}
            String = 'Refused'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        # Webhooks take webhook ids (or webhooks); a call, a people row or a number is not one, so nothing is sent.
        @{ Cmdlet = 'Get-WebexCallWebhook'; Arguments = @{}
            String = 'GET /v1/webhooks/{call}'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        @{ Cmdlet = 'Remove-WebexCallWebhook'; Arguments = @{}
            String = 'DELETE /v1/webhooks/{call}'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        # Webex needs the name and the target on every update: the ones not given are read first.
        @{ Cmdlet = 'Set-WebexCallWebhook'; Arguments = @{ Name = 'renamed' }
            String = 'GET /v1/webhooks/{call}'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        # Only rows with a TargetUrl create webhooks; none of these has one.
        @{ Cmdlet = 'New-WebexCallWebhook'; Arguments = @{}
            String = 'Refused'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
        # Pure: no request ever; a call id is not an event, and an object is not a raw body.
        @{ Cmdlet = 'ConvertFrom-WebexCallEvent'; Arguments = @{}
            String = 'Refused'; Session = 'Refused'; People = 'Refused'; PeopleWithNumber = 'Refused'; Destination = 'Refused'; None = 'Refused' }
    )

    # A cmdlet whose operation's body is only a call id (hold, hangup, the recording actions, push, ...) gets its row
    # from the operation table: a new such action is covered the day it is added, with no edit here.
    foreach ($command in Get-Command -Module WebexCalls -CommandType Cmdlet | Where-Object Name -NotIn $Table.Cmdlet) {
        $operations = [WebexCalls.Commands.OperationReference]::OperationsOf($command.ImplementingType)
        $callOperations = @($operations | Where-Object { $_ -notlike 'conference/*' })
        if ($operations -and $callOperations.Count -eq $operations.Count -and @($operations | Where-Object { [WebexCalls.Commands.OperationReference]::BodyOf($_) -ne 'callId' }).Count -eq 0) {
            $script:Table += Action $command.Name $operations[0]
        }
    }

    # Each kind of input, and which expectation applies: the three kinds of people row share one.
    $script:Inputs = @(
        @{ Kind = 'a call id string'; Expect = 'String' }
        @{ Kind = 'a live CallSession'; Expect = 'Session' }
        @{ Kind = 'a deserialized CallSession'; Expect = 'Session' }
        @{ Kind = 'a people row (PersonId)'; Expect = 'People' }
        @{ Kind = 'a people row (WorkspaceId)'; Expect = 'People' }
        @{ Kind = 'a people row (VirtualLineId)'; Expect = 'People' }
        @{ Kind = 'a people row with a Number'; Expect = 'PeopleWithNumber' }
        @{ Kind = 'a row with a Destination'; Expect = 'Destination' }
        @{ Kind = 'a row with a Number'; Expect = 'Destination' }
        @{ Kind = 'a row with none of these'; Expect = 'None' }
    )
    $script:Cases = foreach ($row in $Table) {
        foreach ($in in $Inputs) {
            # A row may override one kind of input whose expectation differs from its group's.
            $expected = if ($row.Overrides -and $row.Overrides.ContainsKey($in.Kind)) { $row.Overrides[$in.Kind] } else { $row[$in.Expect] }
            @{ Cmdlet = $row.Cmdlet; Arguments = $row.Arguments; Kind = $in.Kind; Expected = $expected }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Number = '+14085550199'

    function New-PipelineInput([string] $Kind, [string] $CallId, $Call, [string] $Member) {
        switch ($Kind) {
            'a call id string' { $CallId }
            'a live CallSession' { $Call }
            'a deserialized CallSession' { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($Call)) }
            'a people row (PersonId)' { [pscustomobject]@{ PersonId = $Member; DisplayName = 'Alice Example'; Email = 'alice@example.com' } }
            'a people row (WorkspaceId)' { [pscustomobject]@{ WorkspaceId = $Member; DisplayName = 'Lobby' } }
            'a people row (VirtualLineId)' { [pscustomobject]@{ VirtualLineId = $Member; DisplayName = 'Hotline' } }
            'a people row with a Number' { [pscustomobject]@{ PersonId = $Member; DisplayName = 'Alice Example'; Number = $Number } }
            'a row with a Destination' { [pscustomobject]@{ Destination = $Number; Note = 'call back' } }
            'a row with a Number' { [pscustomobject]@{ Name = 'Bob'; Number = $Number } }
            'a row with none of these' { [pscustomobject]@{ Name = 'Carol'; Department = 'Sales' } }
        }
    }

    function Get-V1Request { @(Get-SimulatorRequest | Where-Object path -Like '/v1/*') }
}

Describe 'The pipeline table' {
    It 'has a row for every cmdlet that takes pipeline input, so a new one is covered the day it is added' {
        $takesPipeline = Get-Command -Module WebexCalls -CommandType Cmdlet | Where-Object {
            $_.Parameters.Values.Attributes | Where-Object { $_ -is [Parameter] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) }
        }
        $listed = $Table.Cmdlet
        @($takesPipeline.Name | Where-Object { $_ -notin $listed }) | Should -BeNullOrEmpty -Because 'each needs its expectations in this table'
    }

    It 'gives every string parameter that takes whole piped objects a transformation that refuses other objects' {
        # The class of the defect: a ValueFromPipeline string parameter turns any object into its ToString() text.
        $loose = foreach ($command in Get-Command -Module WebexCalls -CommandType Cmdlet) {
            foreach ($parameter in $command.Parameters.Values) {
                $byValue = $parameter.Attributes | Where-Object { $_ -is [Parameter] -and $_.ValueFromPipeline }
                $strict = $parameter.Attributes | Where-Object { $_.GetType().Name -in 'CallIdTransformationAttribute', 'PlainTextTransformationAttribute', 'WebhookIdTransformationAttribute' }
                if ($byValue -and $parameter.ParameterType -in [string], [string[]] -and -not $strict) { "$($command.Name) -$($parameter.Name)" }
            }
        }
        @($loose) | Should -BeNullOrEmpty
    }
}

Describe '<Cmdlet> given <Kind>' -ForEach $Cases {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator
        $script:Member = New-SimulatorMember
        $script:Seeded = New-SimulatorCall -Answered
        $script:CallId = $Seeded.id
        $script:Live = Get-WebexCall -CallId $CallId
        $script:Piped = New-PipelineInput -Kind $Kind -CallId $CallId -Call $Live -Member $Member
        $script:Extra = @{}
        if ((Get-Command $Cmdlet).Parameters.ContainsKey('Confirm')) { $Extra.Confirm = $false }
        Clear-SimulatorRequest

        $script:Errors = [System.Collections.Generic.List[object]]::new()
        try { $null = $Piped | & $Cmdlet @Arguments @Extra -ErrorAction SilentlyContinue -ErrorVariable +Errors }
        catch { $Errors.Add($_) }
        $script:Sent = Get-V1Request
    }

    It 'sends <Expected>' {
        if ($Expected -eq 'Refused') {
            $Errors.Count | Should -BeGreaterThan 0 -Because 'input that names nothing this cmdlet takes is an error'
            $Sent | Should -BeNullOrEmpty -Because 'nothing may be sent for it'
            if ($Cmdlet -eq 'Disconnect-WebexCalling') { Get-WebexCallingConnection | Should -Not -BeNullOrEmpty }
            return
        }

        $expanded = $Expected.Replace('{call}', $CallId).Replace('{member}', $Member).Replace('{dest}', $Number)
        $method, $target, $fields = $expanded -split ' ', 3
        $Sent.Count | Should -BeGreaterThan 0
        $Sent[0].method | Should -Be $method
        $Sent[0].rawTarget -replace '\?.*$' | Should -Be $target
        if ($fields) {
            $body = $Sent[0].body | ConvertFrom-Json -AsHashtable
            foreach ($field in $fields -split ' ') {
                $name, $value = $field -split '=', 2
                $body[$name] | Should -Be $value
            }
        }
        # Anything after the first request only reads a call back (a new call, a wait, a watch's next reading).
        foreach ($next in ($Sent | Select-Object -Skip 1)) {
            $next.method | Should -Be 'GET'
            $next.rawTarget | Should -BeLike "$($target -replace '/(dial|retrieve|pickup|pull|[^/]+Recording|hold|answer)$', '')*"
        }
        # No request anywhere carries an object's ToString() text.
        ($Sent.rawTarget + $Sent.body) -join ' ' | Should -Not -Match '@\{|PSCustomObject|WebexCalls\.'
    }
}
