BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Get-WebexCall' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Incoming = New-IncomingCall -Number '+14085550101'
        $script:Dialled = Invoke-WebexDial -Destination '+14085550100'
        Clear-SimulatorRequest
    }

    It 'lists every active call as a CallSession' {
        $calls = @(Get-WebexCall)
        $calls.Count | Should -Be 2
        $calls | ForEach-Object { $_ | Should -BeOfType ([WebexCalls.CallSession]) }
        $calls[0].CallId | Should -Be $Incoming.id
        $calls[0].State | Should -Be 'Alerting'
        $calls[0].Personality | Should -Be 'Terminator'
        $calls[0].RemoteParty.ToString() | Should -Be 'John Smith <+14085550101>'
        $calls[1].State | Should -Be 'Connected'
        (Get-SimulatorRequest).path | Should -Be '/v1/telephony/calls'
    }

    It 'logs the response body to the debug stream when $DebugPreference shows it, and not otherwise' {
        # -Debug is covered in Errors.Tests.ps1 (in this host it would prompt).
        $DebugPreference = 'Continue'
        (Get-WebexCall 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n" |
            Should -Match 'GET /telephony/calls response body: \{"items"'
        $DebugPreference = 'SilentlyContinue'
        @(Get-WebexCall 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
    }

    It 'keeps only the states asked for with -State' {
        (Get-WebexCall -State Alerting).CallId | Should -Be $Incoming.id
        @(Get-WebexCall -State Connected, Alerting).Count | Should -Be 2
        @(Get-WebexCall -State Held).Count | Should -Be 0
    }

    It 'refuses an unknown -State value before any request' {
        { Get-WebexCall -State Ringing } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,WebexCalls.Commands.GetWebexCallCommand'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'reads each call id given' {
        # Several ids are read concurrently, so the order of answers is not the order given.
        $calls = Get-WebexCall -CallId $Incoming.id, $Dialled.CallId
        $calls.CallId | Sort-Object | Should -Be (@($Incoming.id, $Dialled.CallId) | Sort-Object)
        (Get-SimulatorRequest).path | Sort-Object | Should -Be (@("/v1/telephony/calls/$($Incoming.id)", "/v1/telephony/calls/$($Dialled.CallId)") | Sort-Object)
    }

    It 'binds CallId by property name from the pipeline, and never a bare Id (a person''s, a connection''s)' {
        ([pscustomobject]@{ CallId = $Incoming.id }, [pscustomobject]@{ CallId = $Dialled.CallId } | Get-WebexCall).CallId | Sort-Object |
            Should -Be (@($Incoming.id, $Dialled.CallId) | Sort-Object)
        (Get-WebexCall | Get-WebexCall).Count | Should -Be 2
        Clear-SimulatorRequest
        [pscustomobject]@{ Id = $Incoming.id } | Get-WebexCall -ErrorVariable unbound -ErrorAction SilentlyContinue
        $unbound.Count | Should -Be 1
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'reports an unknown id as a non-terminating WebexCallNotFound with the trackingId, and goes on' {
        $calls = Get-WebexCall -CallId $Incoming.id, 'no-such-call', $Dialled.CallId -ErrorVariable failures -ErrorAction SilentlyContinue

        $calls.CallId | Sort-Object | Should -Be (@($Incoming.id, $Dialled.CallId) | Sort-Object)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexCallNotFound,WebexCalls.Commands.GetWebexCallCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'no-such-call'
        $failures[0].Exception.TrackingId | Should -Match '^ROUTER_'
        $failures[0].Exception.Message | Should -Match 'Call not found'
        $failures[0].Exception.Message | Should -Match $failures[0].Exception.TrackingId
        $failures[0].Exception.StatusCode | Should -Be 404
    }

    It 'completes -CallId from the active calls' {
        $line = 'Get-WebexCall -CallId '
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches.CompletionText | Should -Contain $Incoming.id
        ($completions.CompletionMatches | Where-Object CompletionText -EQ $Incoming.id).ToolTip | Should -Match 'John Smith'
        # The list says who is on each call and its state, by its handle; what is inserted is the full id.
        ($completions.CompletionMatches | Where-Object CompletionText -EQ $Incoming.id).ListItemText | Should -Match '^callhalf-\d+\s+Alerting\s+John Smith <\+14085550101>$'
        $byHandle = TabExpansion2 -inputScript 'Stop-WebexCall -CallId callhalf' -cursorColumn 'Stop-WebexCall -CallId callhalf'.Length
        $byHandle.CompletionMatches.CompletionText | Should -Contain $Incoming.id
    }

    It 'keeps an unknown state from the server readable' {
        Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 200 -Body '{"items":[{"id":"x1","callSessionId":"s","personality":"observer","state":"parkedSomewhere","remoteParty":{"privacyEnabled":false,"callType":"external"},"created":"2026-01-01T00:00:00.000Z","muteCapable":false,"muted":false,"brandNewField":{"a":1}}]}'
        $call = Get-WebexCall
        $call.State | Should -Be 'Unknown'
        $call.RawState | Should -Be 'parkedSomewhere'
        # The raw value stands in for the unknown state (cut to the column's width in the table).
        ($call | Format-Table | Out-String -Width 120) | Should -Match '(?m)^x1\s+parkedSom'
        ($call | Format-List | Out-String -Width 120) | Should -Match 'state=parkedSomewhere personality=observer'
    }
}

Describe 'Ctrl+C' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }

    It 'stops a command at once: the cancellation reaches the HTTP request in flight' {
        # The server would answer after two minutes, longer than the HTTP timeout (100 s): only a cancelled request
        # lets the pipeline stop within the 30 s allowed below. This bounds a hang; it does not measure speed.
        Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 200 -Body '{"items":[]}' -DelayMs 120000
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; Get-WebexCall")
            $null = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500   # let the request reach the server
            $stop = $ps.BeginStop($null, $null)
            $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }
}
