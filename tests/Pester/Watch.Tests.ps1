# Watch-WebexCall and Wait-WebexCall against the simulator's far-end events: each kind of change exactly once, for the
# user and for members; how a watch ends (Ctrl+C, Select-Object -First, -Timeout) and that nothing is left running; a
# 429 during a watch; each outcome of a wait.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Start-Watch([string] $Arguments) {
        # The watch runs in a thread job of this process (connections are process-wide), so the test can act between
        # its readings and wait for each change rather than guess at timings.
        $script:Received = [System.Collections.Generic.List[object]]::new()
        Start-ThreadJob -ArgumentList (Get-TestModulePath), $Arguments -ScriptBlock {
            param($module, $arguments)
            Import-Module $module
            Invoke-Expression "Watch-WebexCall $arguments"
        }
    }

    function Wait-Received($Job, [scriptblock] $Until, [int] $TimeoutSec = 15) {
        # Collects what the watch wrote until $Until (given the list) holds; fails the test if it never does.
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while ($clock.Elapsed.TotalSeconds -lt $TimeoutSec) {
            foreach ($item in @(Receive-Job $Job)) { $script:Received.Add($item) }
            if (& $Until $script:Received) { return }
            Start-Sleep -Milliseconds 100
        }
        throw "The watch did not write what was awaited within $TimeoutSec s; it wrote: $($script:Received -join '; ')"
    }

    function Wait-Reading([int] $Count = 1) {
        # Waits until the watch has read the call lists $Count times (since the log was cleared): after that, what the
        # far end does is news to it, however slowly the watch started.
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while ((Get-CallListRequestCount) -lt $Count) {
            if ($clock.Elapsed.TotalSeconds -gt 20) { throw "The watch did not read the calls $Count time(s) within 20 s." }
            Start-Sleep -Milliseconds 50
        }
    }

    function Add-TimelineAfterReading([hashtable[]] $Events, [int] $Reads = 1) {
        # For a watch that runs in this thread: a thread job posts the events once the watch has read $Reads times.
        Clear-SimulatorRequest
        $null = Start-ThreadJob -ArgumentList (Get-ControlUri 'requests'), (Get-ControlUri 'timeline'), (ConvertTo-Json -InputObject @($Events) -Depth 4), $Reads -ScriptBlock {
            param($requests, $timeline, $events, $reads)
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ([DateTime]::UtcNow -lt $deadline) {
                $read = @(Invoke-RestMethod $requests | ForEach-Object { $_ } | Where-Object { $_.method -eq 'GET' -and $_.path -match '^/v1/telephony/calls(/members/[^/]+/calls)?$' })
                if ($read.Count -ge $reads) { break }
                Start-Sleep -Milliseconds 50
            }
            Invoke-RestMethod -Method Post $timeline -ContentType 'application/json' -Body "{`"events`":$events}"
        }
    }

    function Assert-NothingRunning {
        # A stopped watch sends nothing more: no read reaches the simulator over several intervals.
        Clear-SimulatorRequest
        Start-Sleep -Milliseconds 1500
        Get-CallListRequestCount | Should -Be 0
    }
}

Describe 'Watch-WebexCall' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
    }

    It 'writes each kind of change exactly once for a scripted far end, and nothing for the calls already there' {
        $existing = New-SimulatorCall -Number '+14085550101' -Answered
        Clear-SimulatorRequest
        $job = Start-Watch "-IntervalSec 0.5 -Timeout '00:01:00'"
        try {
            Wait-Reading   # the first reading is taken: what is there now is not news

            Add-SimulatorTimeline @(@{ afterMs = 0; event = 'incoming'; callId = 'watch-1'; number = '+14085550100' })
            Wait-Received $job { param($r) $r.Where({ $_.Change -eq 'Added' }).Count -ge 1 }
            Invoke-SimulatorFarEnd -CallId $existing.id -Event hold
            Wait-Received $job { param($r) $r.Where({ $_.Change -eq 'StateChanged' }).Count -ge 1 }
            Invoke-SimulatorFarEnd -CallId $existing.id -Event remoteParty -Number 1234
            Wait-Received $job { param($r) $r.Where({ $_.Change -eq 'Updated' }).Count -ge 1 }
            Invoke-SimulatorFarEnd -CallId 'watch-1' -Event ringOut
            Wait-Received $job { param($r) $r.Where({ $_.Change -eq 'Removed' }).Count -ge 1 }
            Start-Sleep -Milliseconds 1200   # a few more readings: nothing is written twice
            Wait-Received $job { $true }
        }
        finally { $job | Stop-Job; $job | Remove-Job -Force }

        $changes = @($script:Received)
        $changes.Change | Should -Be @('Added', 'StateChanged', 'Updated', 'Removed')
        $changes | ForEach-Object { $_ | Should -BeOfType ([WebexCalls.CallChange]) }
        $changes[0].CallId | Should -Be 'watch-1'
        $changes[0].State | Should -Be 'Alerting'
        $changes[1].CallId | Should -Be $existing.id
        "$($changes[1].PreviousState) -> $($changes[1].State)" | Should -Be 'Connected -> RemoteHeld'
        $changes[2].Changed | Should -Be 'RemoteParty'
        $changes[2].RemoteNumber | Should -Be '1234'
        "$($changes[3].PreviousState) -> $($changes[3].State)" | Should -Be 'Alerting -> Disconnected'
        $changes | ForEach-Object { $_.SeenAt | Should -BeOfType ([DateTimeOffset]) }
        Assert-NothingRunning
    }

    It 'watches several members: each kind of change once, carrying its member, within -ThrottleLimit' {
        $members = @(New-SimulatorMember -Count 3)
        $calls = $members | ForEach-Object { New-MemberCall -MemberId $_ -Answered }
        Clear-SimulatorRequest
        $job = Start-Watch "-MemberId '$($members -join "','")' -IntervalSec 0.5 -ThrottleLimit 2"
        try {
            Wait-Reading 3
            Invoke-SimulatorFarEnd -MemberId $members[1] -CallId $calls[1].id -Event hold
            Invoke-SimulatorFarEnd -MemberId $members[2] -CallId $calls[2].id -Event hangup
            Add-SimulatorTimeline @(@{ afterMs = 0; event = 'incoming'; callId = 'm0-new'; number = '1234'; memberId = $members[0] })
            Invoke-SimulatorFarEnd -MemberId $members[0] -CallId $calls[0].id -Event remoteParty -Number '+14085550100'
            Wait-Received $job { param($r) $r.Count -ge 4 }
            Start-Sleep -Milliseconds 1200
            Wait-Received $job { $true }
        }
        finally { $job | Stop-Job; $job | Remove-Job -Force }

        $script:Received.Count | Should -Be 4
        ($script:Received | Where-Object MemberId -EQ $members[0]).Change | Sort-Object | Should -Be @('Added', 'Updated')
        ($script:Received | Where-Object MemberId -EQ $members[1]).Change | Should -Be 'StateChanged'
        ($script:Received | Where-Object MemberId -EQ $members[2]).Change | Should -Be 'Removed'
        (Invoke-RestMethod (Get-ControlUri 'stats')).maxInFlight | Should -BeLessOrEqual 2
        # One reading of each member per interval: no member is read much more often than another.
        $perMember = Get-SimulatorRequest | Where-Object path -Match '/members/' | Group-Object path
        ($perMember.Count | Measure-Object -Maximum -Minimum | ForEach-Object { $_.Maximum - $_.Minimum }) | Should -BeLessOrEqual 1
    }

    It 'Select-Object -First 1 ends the watch at once and leaves nothing running' {
        Add-TimelineAfterReading @(@{ afterMs = 0; event = 'incoming'; callId = 'ring-1'; number = '+14085550100' })
        $first = Watch-WebexCall -IntervalSec 0.5 -State Alerting -Timeout '00:00:30' | Select-Object -First 1
        $first.CallId | Should -Be 'ring-1'
        Assert-NothingRunning
    }

    It 'Ctrl+C ends the watch at once and leaves nothing running' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; Watch-WebexCall -IntervalSec 0.5")
            $null = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1200
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        Assert-NothingRunning
    }

    It '-Timeout ends the watch quietly; a bare number is refused, not read as ticks' {
        $output = Watch-WebexCall -IntervalSec 0.5 -Timeout '00:00:01.5' -ErrorVariable failures
        $output | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty

        { Watch-WebexCall -Timeout 60 } | Should -Throw -ErrorId 'WebexInvalidTimeout,WebexCalls.Commands.WatchWebexCallCommand'
    }

    It 'a 429 during a watch slows it and loses no change' {
        Clear-SimulatorRequest
        $job = Start-Watch "-IntervalSec 0.5"
        try {
            Wait-Reading
            Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 429 -RetryAfterSeconds 1 -Times 2
            Add-SimulatorTimeline @(@{ afterMs = 0; event = 'incoming'; callId = 'during-429'; number = '1234' })
            Wait-Received $job { param($r) $r.Count -ge 1 }
            Start-Sleep -Milliseconds 1000
            Wait-Received $job { $true }
            $job.Error | Should -BeNullOrEmpty
        }
        finally { $job | Stop-Job; $job | Remove-Job -Force }

        $script:Received.Count | Should -Be 1
        $script:Received[0].CallId | Should -Be 'during-429'
        @(Get-SimulatorRequest | Where-Object status -EQ 429).Count | Should -Be 2
    }

    It 'a read that still fails is an error for that member, and the watch goes on reading it' {
        Connect-TestSimulator -MaxRetryCount 0
        $members = @(New-SimulatorMember -Count 2)
        Add-SimulatorFault -Method GET -Path "/telephony/calls/members/$($members[0])/calls" -Status 503 -Body '{"message":"busy"}' -Times 1
        # Posted after two rounds: the first reading of that member failed, the second is what the change is news to.
        Add-TimelineAfterReading @(@{ afterMs = 0; event = 'incoming'; callId = 'later'; number = '1234'; memberId = $members[0] }) -Reads 4
        $changes = Watch-WebexCall -MemberId $members -IntervalSec 0.5 -Timeout '00:00:04' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be $members[0]
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $changes.CallId | Should -Be 'later'
    }

    It 'stops watching a member Webex refuses, and ends on a token it no longer accepts' {
        $members = @(New-SimulatorMember -Count 2)
        Add-SimulatorFault -Method GET -Path "/telephony/calls/members/$($members[0])/calls" -Status 403 -Body '{"message":"no"}' -Times 0
        $verbose = Watch-WebexCall -MemberId $members -IntervalSec 0.5 -Timeout '00:00:02' -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain "Stopped watching member $($members[0]): Webex refused to read them (403)."
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        @(Get-SimulatorRequest | Where-Object path -Match $members[0]).Count | Should -Be 1

        Reset-Simulator
        Connect-TestSimulator
        Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 401 -Body '{"message":"expired"}' -Times 0
        $failure = { Watch-WebexCall -IntervalSec 0.5 -Timeout '00:00:05' } | Should -Throw -ErrorId 'WebexUnauthorized,WebexCalls.Commands.WatchWebexCallCommand' -PassThru
        $failure.TargetObject | Should -Be "the user's calls"
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.TrackingId | Should -Not -BeNullOrEmpty
        "$failure $($failure.ErrorDetails)" | Should -Not -Match (Get-TestToken)
    }

    It 'piped rows with a blank member id do not add the user''s own calls to a watch of members' {
        $member = New-SimulatorMember
        Clear-SimulatorRequest
        [pscustomobject]@{ PersonId = $member }, [pscustomobject]@{ PersonId = '' } | Watch-WebexCall -IntervalSec 0.5 -Timeout '00:00:01.2'
        @(Get-SimulatorRequest | Where-Object path -EQ '/v1/telephony/calls').Count | Should -Be 0
        @(Get-SimulatorRequest | Where-Object path -Match '/members/').Count | Should -BeGreaterThan 0
    }

    It '-IncludeExisting writes the calls already there; -State keeps the changes into those states' {
        $null = New-SimulatorCall -Answered
        $ringing = New-SimulatorCall
        Add-TimelineAfterReading @(@{ afterMs = 0; event = 'ringOut'; callId = $ringing.id })

        $changes = Watch-WebexCall -IncludeExisting -State Alerting -IntervalSec 0.5 -Timeout '00:00:02.5'

        $changes.Change | Should -Be @('Added', 'Removed')
        $changes.CallId | Should -Be @($ringing.id, $ringing.id)
    }

    It 'shows a log-line table that fits 80 columns, exports flat CSV, and survives a job' {
        $change = Invoke-Command {
            Add-TimelineAfterReading @(@{ afterMs = 0; event = 'incoming'; callId = 'shown'; number = '+14085550100' })
            Watch-WebexCall -IntervalSec 0.5 -Timeout '00:00:30' | Select-Object -First 1
        }
        $table = $change | Format-Table | Out-String -Width 80
        $table | Should -Match 'SeenAt\s+MemberId\s+Change\s+State\s+RemoteParty'
        $table | Should -Match 'Added\s+Alerting\s+Jane Doe'
        ($table -split "`n" | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80

        $csv = $change | ConvertTo-Csv | ConvertFrom-Csv
        $csv.CallId | Should -Be 'shown'
        $csv.RemoteNumber | Should -Be '+14085550100'
        $csv.Change | Should -Be 'Added'

        $back = Start-Job -ArgumentList $change -ScriptBlock { param($c) $c } | Receive-Job -Wait -AutoRemoveJob
        $back | Should -BeOfType ([WebexCalls.CallChange])
        $back.Call.RemoteParty.Name | Should -Be 'Jane Doe'
        $back.SeenAt | Should -Be $change.SeenAt
    }
}

Describe 'Wait-WebexCall' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
    }

    It 'returns the call once it reaches the state, then digits can be sent' {
        Set-SimulatorDelay -AlertingDelayMs 300 -ConnectingDelayMs 300
        $call = Invoke-WebexDial 1234 | Wait-WebexCall -State Connected -TimeoutSec 20 -PassThru
        $call.State | Should -Be 'Connected'
        $call | Send-WebexCallDtmf -Digits '12#'
        (Get-SentBody transmitDtmf).dtmf | Should -Be '12#'
    }

    It 'writes WebexCallEnded when the call ends first, unless Disconnected was asked for' {
        $one = New-SimulatorCall
        $two = New-SimulatorCall -Number 1234
        Add-SimulatorTimeline @(@{ afterMs = 600; event = 'ringOut'; callId = $one.id }, @{ afterMs = 600; event = 'ringOut'; callId = $two.id })

        Wait-WebexCall $one.id -State Connected -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexCallEnded,WebexCalls.Commands.WaitWebexCallCommand'
        $failures[0].TargetObject | Should -Be $one.id
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Disconnected'

        $ended = Wait-WebexCall $two.id -State Disconnected -PassThru
        $ended.State | Should -Be 'Disconnected'
        $ended.CallId | Should -Be $two.id   # it had ended before the first reading: only its id is known
    }

    It 'writes WebexWaitTimeout and leaves the call as it is when time runs out' {
        $ringing = New-SimulatorCall
        Wait-WebexCall $ringing.id -State Connected -TimeoutSec 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexWaitTimeout,WebexCalls.Commands.WaitWebexCallCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].Exception.Message | Should -Match 'still Alerting'
        (Get-WebexCall).State | Should -Be 'Alerting'
    }

    It 'waits for many calls at once, for a member, each returned as it gets there' {
        $member = New-SimulatorMember
        $calls = 1..2 | ForEach-Object { New-MemberCall -MemberId $member }
        Add-SimulatorTimeline @(
            @{ afterMs = 1500; event = 'answeredElsewhere'; callId = $calls[0].id; memberId = $member }
            @{ afterMs = 2500; event = 'ringOut'; callId = $calls[1].id; memberId = $member })

        $done = Get-WebexCall -MemberId $member | Wait-WebexCall -State Disconnected -PassThru -TimeoutSec 20
        $done.CallId | Should -Be @($calls[0].id, $calls[1].id)
        $done.MemberId | Should -Be @($member, $member)
    }

    It 'refuses -State Unknown before any request' {
        Clear-SimulatorRequest
        { Wait-WebexCall abc -State Unknown } | Should -Throw -ErrorId 'WebexInvalidState,WebexCalls.Commands.WaitWebexCallCommand'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }
}
