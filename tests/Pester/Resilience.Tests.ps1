# The fault matrix against the simulator: each row of the resilience table for GET and POST, counting attempts in
# the simulator's log; no duplicate dials; many runspaces under 429s; Ctrl+C during a request, a retry wait and a
# dial's wait; secrets under faults; bad input and bad servers.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    # The GET and the POST of each row: read a call, hold a call.
    function Invoke-Get { Get-WebexCall -CallId $script:Call.CallId @args }
    function Invoke-Post { Set-WebexCallHold -CallId $script:Call.CallId @args }
    function Get-Attempt([string] $Method) {
        # The attempts on the call: not the list, and not Connect-WebexCalling's check of the token.
        @(Get-SimulatorRequest | Where-Object { $_.method -eq $Method -and $_.path -ne '/v1/telephony/calls' -and $_.path -like '/v1/telephony/calls/*' -and $_.path -notlike '*/webexcalls-connection-check' })
    }
}

Describe 'The resilience table, for GET and for POST' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Call = Invoke-WebexDial '+14085550100'
        Clear-SimulatorRequest
    }

    It '<Status> with Retry-After is waited for and retried, for <Method>' -ForEach @(
        @{ Status = 429; Method = 'GET' }, @{ Status = 429; Method = 'POST' }, @{ Status = 423; Method = 'GET' }, @{ Status = 423; Method = 'POST' }
    ) {
        Add-SimulatorFault -Method $Method -Path '/telephony/calls/' -Status $Status -RetryAfterSeconds 1
        $verbose = if ($Method -eq 'GET') { Invoke-Get -Verbose 4>&1 } else { Invoke-Post -Verbose 4>&1 }
        @(Get-Attempt $Method).status | Should -Be @($Status, $(if ($Method -eq 'GET') { 200 } else { 204 }))
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message |
            Should -Contain "$Status on $Method /telephony/calls/$(if ($Method -eq 'GET') { $Call.CallId } else { 'hold' }), waiting 1 s (Retry-After) before try 2 of 6."
    }

    It '429 without Retry-After waits the default (5 s) and is retried' {
        Add-SimulatorFault -Method POST -Path '/telephony/calls/hold' -Status 429
        Invoke-Post
        @(Get-Attempt POST).status | Should -Be @(429, 204)
    }

    It '<Status> is retried for GET and never for POST, which says the hold may have happened' -ForEach @(
        @{ Status = 500 }, @{ Status = 502 }, @{ Status = 503 }, @{ Status = 504 }, @{ Status = 408 }
    ) {
        Add-SimulatorFault -Method GET -Path '/telephony/calls/' -Status $Status
        (Invoke-Get).CallId | Should -Be $Call.CallId
        @(Get-Attempt GET).status | Should -Be @($Status, 200)

        Add-SimulatorFault -Method POST -Path '/telephony/calls/hold' -Status $Status -RetryAfterSeconds 0
        Set-WebexCallHold -CallId $Call.CallId -ErrorVariable failures -ErrorAction SilentlyContinue
        @(Get-Attempt POST).Count | Should -Be 1
        $failures[0].Exception.MayHaveBeenProcessed | Should -BeTrue
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'may have carried out the request anyway'
    }

    It 'a timeout is retried for GET and not for POST' {
        Connect-TestSimulator -TimeoutSec 1
        Add-SimulatorFault -Method GET -Path '/telephony/calls/' -Status 200 -Body '{}' -DelayMs 3000
        (Invoke-Get).CallId | Should -Be $Call.CallId
        @(Get-Attempt GET).Count | Should -Be 2
        (Get-Attempt GET)[0].clientGone | Should -BeTrue

        Add-SimulatorFault -Method POST -Path '/telephony/calls/hold' -Status 204 -DelayMs 3000
        Set-WebexCallHold -CallId $Call.CallId -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexTimeout,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'may have carried out'
        Start-Sleep -Milliseconds 2500   # the abandoned attempt reaches the log when the simulator gives up on it
        @(Get-Attempt POST).Count | Should -Be 1
    }

    It 'a connection dropped after the request was carried out is retried for GET and not for POST' {
        Add-SimulatorFault -Method GET -Path '/telephony/calls/' -Status 0 -Action processThenDrop
        (Invoke-Get).CallId | Should -Be $Call.CallId
        @(Get-Attempt GET).Count | Should -Be 2

        Add-SimulatorFault -Method POST -Path '/telephony/calls/hold' -Status 0 -Action processThenDrop
        Set-WebexCallHold -CallId $Call.CallId -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexConnectionFailed,*'
        $failures[0].Exception.MayHaveBeenProcessed | Should -BeTrue
        @(Get-Attempt POST).Count | Should -Be 1
        (Get-WebexCall -CallId $Call.CallId).State | Should -Be 'Held'   # it did happen
    }

    It 'a body cut off halfway is retried for GET' {
        Add-SimulatorFault -Method GET -Path '/telephony/calls/' -Status 200 -Body ('{"id":"' + ('x' * 200) + '"}') -Action truncate
        (Invoke-Get).CallId | Should -Be $Call.CallId
        @(Get-Attempt GET).Count | Should -Be 2
    }

    It 'a request that never left is retried, for POST too, and says it never reached Webex' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        # Connected to a live simulator, then pointed at a dead port through a second connection.
        # The engine's types live in its private load context, which PowerShell's type names do not reach (by
        # design: scripts name only the object model), so the test finds them through the loaded assembly.
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'WebexCalls.Client' }
        $policy = $engine.GetType('WebexCalls.Client.RetryPolicy', $true)::new()
        $policy.MaxRetryCount = 2
        $policy.BackoffBase = [TimeSpan]::FromMilliseconds(10)
        $provider = $engine.GetType('WebexCalls.Client.Http.SecureStringTokenProvider', $true)::new((ConvertTo-TestSecureString 'x'))
        $dead = $engine.GetType('WebexCalls.Client.WebexHttpConnection', $true)::new("http://127.0.0.1:$port/v1", $provider, $null, $null, $policy)
        $client = $dead.CreateClient()
        $err = { $client.PerformAsync($engine.GetType('WebexCalls.Client.CallOperations', $true)::Hold, 'c1', $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult() } | Should -Throw -PassThru
        $err.Exception.InnerException.Kind | Should -Be 'ConnectionFailed'
        $err.Exception.InnerException.MayHaveBeenProcessed | Should -BeFalse
        $err.Exception.InnerException.Message | Should -Match 'Could not reach'
    }

    It '<Status> fails at once, for GET and POST' -ForEach @(@{ Status = 400 }, @{ Status = 403 }, @{ Status = 409 }) {
        Add-SimulatorFault -Path '/telephony/calls/' -Status $Status -Times 2
        Invoke-Get -ErrorAction SilentlyContinue
        Invoke-Post -ErrorAction SilentlyContinue
        @(Get-Attempt GET).Count | Should -Be 1
        @(Get-Attempt POST).Count | Should -Be 1
    }
}

Describe 'The rate-limit gate' {
    It 'holds back every request of the connection while a 429''s Retry-After runs' {
        Reset-Simulator
        Connect-TestSimulator
        $members = New-SimulatorMember -Count 40 -ActiveCalls 1
        Clear-SimulatorRequest
        Add-SimulatorFault -Method GET -Path '/telephony/calls/members' -Status 429 -RetryAfterSeconds 2

        $calls = Get-WebexCall -MemberId $members -ThrottleLimit 4
        $calls.Count | Should -Be 40

        $log = @(Get-SimulatorRequest)
        $limited = $log | Where-Object status -EQ 429
        @($limited).Count | Should -Be 1
        $opens = ([DateTimeOffset] $limited.time).AddSeconds(2)
        # Besides the few already in flight, nothing was sent while the gate was closed.
        @($log | Where-Object { ([DateTimeOffset] $_.time) -gt ([DateTimeOffset] $limited.time).AddMilliseconds(300) -and ([DateTimeOffset] $_.time) -lt $opens.AddMilliseconds(-300) }).Count |
            Should -Be 0
        $log.Count | Should -Be 41
    }
}

Describe 'No duplicate actions' {
    It '100 dials, some of them carried out and then dropped, place exactly 100 calls' {
        Reset-Simulator
        Connect-TestSimulator
        Add-SimulatorFault -Method POST -Path '/telephony/calls/dial' -Status 0 -Action processThenDrop -Times 0 -Fraction 0.2

        $numbers = 1..100 | ForEach-Object { '+1408555' + (2000 + $_) }
        $made = $numbers | Invoke-WebexDial -ThrottleLimit 8 -ErrorVariable failures -ErrorAction SilentlyContinue

        @(Get-SimulatorRequest | Where-Object path -EQ '/v1/telephony/calls/dial').Count | Should -Be 100   # never sent twice
        @(Get-WebexCall).Count | Should -Be 100                                                               # every dial happened
        ($made.Count + $failures.Count) | Should -Be 100
        $failures.Count | Should -BeGreaterThan 0
        foreach ($failure in $failures) {
            $failure.Exception.MayHaveBeenProcessed | Should -BeTrue
            $failure.ErrorDetails.RecommendedAction | Should -Match 'run Get-WebexCall before trying again'
        }
    }
}

Describe 'Load' {
    It '16 runspaces x 25 mixed operations on one connection, 10% answered 429, end with no error and their own results' {
        Reset-Simulator
        Connect-TestSimulator
        Add-SimulatorFault -Status 429 -RetryAfterSeconds 0 -Times 0 -Fraction 0.1
        $module = Get-TestModulePath
        $results = 1..16 | ForEach-Object -ThrottleLimit 16 -Parallel {
            Import-Module $using:module
            $number = '+1408556' + (1000 + $_)
            $mine = 1..5 | ForEach-Object {
                $call = Invoke-WebexDial $number -ErrorAction Stop
                $call | Set-WebexCallHold -ErrorAction Stop
                $held = Get-WebexCall -CallId $call.CallId -ErrorAction Stop
                $held | Set-WebexCallHold -Resume -ErrorAction Stop
                $held | Stop-WebexCall -ErrorAction Stop
                [pscustomobject]@{ Number = $number; Dialled = $call.RemoteParty.Number; Read = $held.CallId; Id = $call.CallId; State = "$($held.State)" }
            }
            $mine
        }
        $results.Count | Should -Be 80
        ($results | Where-Object { $_.Dialled -ne $_.Number -or $_.Read -ne $_.Id -or $_.State -ne 'Held' }) | Should -BeNullOrEmpty
        (Get-SimulatorRequest | Where-Object status -EQ 429).Count | Should -BeGreaterThan 0
        Get-WebexCall | Should -BeNullOrEmpty
    }
}

Describe 'Ctrl+C' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
    }

    It 'returns control at once <When>' -ForEach @(
        @{ When = 'during a request'; Setup = { Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 200 -Body '{"items":[]}' -DelayMs 30000 }; Script = 'Get-WebexCall' }
        @{ When = 'during a retry wait'; Setup = { Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 429 -RetryAfterSeconds 60 }; Script = 'Get-WebexCall' }
        @{ When = 'during Invoke-WebexDial -Wait'; Setup = { Set-SimulatorDelay 60000 60000 }; Script = 'Invoke-WebexDial 1234 -Wait -TimeoutSec 120' }
    ) {
        & $Setup
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; $Script")
            $null = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 700
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # 0.5 s is the goal; the margin is for a loaded 2-core machine.
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.Streams.Error | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Secrets under faults' {
    It 'no token, refresh token or client secret appears in any stream, error, transcript or exported $Error, whatever fails' {
        Reset-Simulator
        Disconnect-WebexCalling -All
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken)
        $null = Connect-WebexCalling -BaseUri (Get-SimulatorUri) -ClientSecretCredential (Get-TestClientCredential) `
            -RefreshToken (ConvertTo-TestSecureString (Get-TestRefreshToken)) -MaxRetryCount 1
        $call = Invoke-WebexDial 1234
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-faults-$([guid]::NewGuid()).txt"
        $clixml = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-faults-$([guid]::NewGuid()).xml"
        $Error.Clear()
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try {
            $output = foreach ($fault in @(
                    @{ Status = 429; RetryAfterSeconds = 0 }, @{ Status = 503 }, @{ Status = 401 }, @{ Status = 0; Action = 'processThenDrop' },
                    @{ Status = 200; Body = '<html>'; ContentType = 'text/html' }, @{ Status = 200; Body = ('{"items":[' + ('1' * 50)); Action = 'truncate' })) {
                Add-SimulatorFault @fault -Path '/telephony' -Times 2
                & {
                    try { Get-WebexCall -Verbose -Debug } catch { $_ | Out-String }
                    Set-WebexCallHold $call -Verbose -Debug -ErrorAction Continue
                    Invoke-WebexPark $call -Verbose -Debug -ErrorAction Continue
                    Get-WebexCallingConnection | Format-List * | Out-String
                } *>&1 | Out-String
            }
        }
        finally {
            Stop-Transcript | Out-Null
            $Error | Export-Clixml $clixml -Depth 5
        }

        $texts = @(($output -join "`n"), (Get-Content $transcript -Raw), (Get-Content $clixml -Raw))
        Remove-Item $transcript, $clixml -ErrorAction SilentlyContinue
        $Error.Count | Should -BeGreaterThan 0
        @(Get-SimulatorRequest | Where-Object path -EQ '/v1/access_token').Count | Should -BeGreaterThan 1   # the 401 made it renew
        foreach ($text in $texts) {
            $text | Should -Not -Match (Get-TestClientSecret)
            $text | Should -Not -Match (Get-TestRefreshToken)
            $text | Should -Not -Match 'SIMULATED_ACCESS_'
        }
        Disconnect-WebexCalling -All
    }
}

Describe 'A long wait' {
    It 'shows progress with the time left, and says why in the verbose stream' {
        Reset-Simulator
        Connect-TestSimulator
        Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 429 -RetryAfterSeconds 4
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; `$ProgressPreference = 'Continue'; Get-WebexCall -Verbose")
            $null = $ps.Invoke()
            $waits = @($ps.Streams.Progress | Where-Object Activity -EQ 'Waiting to retry')
            $waits.Count | Should -BeGreaterThan 0
            $waits[0].SecondsRemaining | Should -BeGreaterThan 0
            $waits[-1].RecordType | Should -Be 'Completed'
            $ps.Streams.Verbose.Message | Should -Contain '429 on GET /telephony/calls, waiting 4 s (Retry-After) before try 2 of 6.'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Bad input and bad servers' {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator -MaxRetryCount 0
    }

    It 'a call id with <Name> is a clear error, never a raw exception' -ForEach @(
        @{ Name = 'a slash'; Id = 'a/b' }, @{ Name = 'dots'; Id = '../../people/me' }, @{ Name = 'a percent'; Id = '100%' }
        @{ Name = 'spaces'; Id = 'a b c' }, @{ Name = '10,000 characters'; Id = 'x' * 10000 }, @{ Name = 'control characters'; Id = "a`tb`u{1}c`n" }
    ) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        Get-WebexCall -CallId $Id -ErrorVariable failures -ErrorAction SilentlyContinue
        Stop-WebexCall -CallId $Id -ErrorVariable +failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures.Exception | ForEach-Object { $_ | Should -BeOfType ([WebexCalls.WebexApiException]) }
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -Match '^Webex' }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30   # never a hang
    }

    It 'a 200 with <Name> is WebexInvalidResponse' -ForEach @(
        @{ Name = 'HTML'; Body = '<html><body>Hello</body></html>'; ContentType = 'text/html' }
        @{ Name = '{}'; Body = '{}' }, @{ Name = '[]'; Body = '[]' }, @{ Name = 'null'; Body = 'null' }
        @{ Name = 'a 2 MB body'; Body = ('x' * 2MB) }
        @{ Name = 'invalid UTF-8'; Bytes = [byte[]](0x7B, 0x22, 0x69, 0x74, 0x65, 0x6D, 0x73, 0x22, 0x3A, 0xFF, 0xFE, 0x7D) }
    ) {
        $fault = @{ Method = 'GET'; Path = '/telephony/calls'; Status = 200 }
        if ($Bytes) { $fault.BodyBytes = $Bytes } else { $fault.Body = $Body }
        if ($ContentType) { $fault.ContentType = $ContentType }
        Add-SimulatorFault @fault
        $err = { Get-WebexCall } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'WebexInvalidResponse,WebexCalls.Commands.GetWebexCallCommand'
        $err.Exception | Should -BeOfType ([WebexCalls.WebexApiException])
        $err.Exception.Message.Length | Should -BeLessThan 2000
    }
}
