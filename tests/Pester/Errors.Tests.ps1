BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'HTTP failures become ErrorRecords' {
    BeforeEach {
        Reset-Simulator
        # How each answer reads as an error, with retrying off (Resilience.Tests.ps1 is about retrying).
        Connect-TestSimulator -MaxRetryCount 0
        $script:Call = Invoke-WebexDial '1234'
    }

    It '<Status> <Kind> becomes <ErrorId> (<Category>)' -ForEach @(
        @{ Status = 400; Kind = 'Webex JSON'; Body = '{"message":"Bad things","errors":[{"description":"callId is malformed"}],"trackingId":"ROUTER_400"}'; ContentType = 'application/json'; ErrorId = 'WebexBadRequest'; Category = 'InvalidArgument'; Text = 'callId is malformed'; TrackingId = 'ROUTER_400' }
        @{ Status = 500; Kind = 'plain text'; Body = 'Internal error, sorry'; ContentType = 'text/plain'; ErrorId = 'WebexServerError'; Category = 'ResourceUnavailable'; Text = 'Internal error, sorry'; TrackingId = '^ROUTER_' }
        @{ Status = 502; Kind = 'HTML'; Body = '<html><body>Bad gateway</body></html>'; ContentType = 'text/html'; ErrorId = 'WebexServerError'; Category = 'ResourceUnavailable'; Text = 'Bad gateway'; TrackingId = '^ROUTER_' }
        @{ Status = 503; Kind = 'empty'; Body = $null; ContentType = $null; ErrorId = 'WebexServerError'; Category = 'ResourceUnavailable'; Text = 'Service Unavailable'; TrackingId = '^ROUTER_' }
        @{ Status = 410; Kind = 'empty'; Body = $null; ContentType = $null; ErrorId = 'WebexHttpError'; Category = 'ProtocolError'; Text = 'HTTP 410'; TrackingId = '^ROUTER_' }
    ) {
        $fault = @{ Method = 'GET'; Path = '/telephony/calls/'; Status = $Status }
        if ($null -ne $Body) { $fault.Body = $Body; $fault.ContentType = $ContentType }
        Add-SimulatorFault @fault

        Get-WebexCall -CallId $Call.CallId -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,WebexCalls.Commands.GetWebexCallCommand"
        $failures[0].CategoryInfo.Category | Should -Be $Category
        $failures[0].TargetObject | Should -Be $Call.CallId
        $failures[0].Exception.Message | Should -Match ([regex]::Escape($Text))
        $failures[0].Exception.TrackingId | Should -Match $TrackingId
        $failures[0].Exception | Should -BeOfType ([WebexCalls.WebexApiException])
    }

    It '429 whose Retry-After is longer than the retry budget fails at once as WebexRateLimited with the wait asked' {
        Connect-TestSimulator -MaxRetryWaitSec 5
        Add-SimulatorFault -Method POST -Path '/telephony/calls/hold' -Status 429 -RetryAfterSeconds 9
        Set-WebexCallHold -CallId $Call.CallId -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexRateLimited,WebexCalls.Commands.SetWebexCallHoldCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failures[0].Exception.RetryAfter | Should -Be ([TimeSpan]::FromSeconds(9))
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'wait 9 seconds'
    }

    It 'a 5xx after a POST warns that the action may have happened anyway' {
        Add-SimulatorFault -Method POST -Path '/telephony/calls/dial' -Status 503
        Invoke-WebexDial 1234 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'WebexServerError,WebexCalls.Commands.InvokeWebexDialCommand'
        $failures[0].TargetObject | Should -Be '1234'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'run Get-WebexCall before trying again'
    }

    It 'malformed JSON in a success body becomes WebexInvalidResponse, never a JsonException' {
        Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 200 -Body '{"items": [ {"id": "x", '
        $err = { Get-WebexCall } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'WebexInvalidResponse,WebexCalls.Commands.GetWebexCallCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidResult'
        $err.Exception | Should -BeOfType ([WebexCalls.WebexApiException])
        $err.Exception.TrackingId | Should -Match '^ROUTER_'
    }
}

Describe 'The access token' {
    BeforeAll {
        Reset-Simulator
        $script:Token = Get-TestToken
        $script:Transcript = Join-Path ([System.IO.Path]::GetTempPath()) "webexcalls-secret-$PID.txt"
    }

    AfterAll { Remove-Item $Transcript -ErrorAction SilentlyContinue }

    It 'never appears in any stream of a -Verbose -Debug run with a failing request, nor in the error' {
        $all = & {
            Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString $Token) -PassThru -Verbose -Debug
            $call = Invoke-WebexDial '+14085550100' -Verbose -Debug
            Set-WebexCallHold -CallId $call.CallId -PassThru -Verbose -Debug
            Get-WebexCall -CallId 'no-such-call' -Verbose -Debug -ErrorAction Continue
            Add-SimulatorFault -Method POST -Path '/telephony/calls/hangup' -Status 500 -Body 'boom' -ContentType 'text/plain'
            Stop-WebexCall -CallId $call.CallId -Verbose -Debug -ErrorAction Continue
        } *>&1 | ForEach-Object {
            $_
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString(); $_.ErrorDetails.RecommendedAction; "$($_.TargetObject)" }
        } | Out-String -Width 500

        $all | Should -Match 'GET /telephony/calls/no-such-call -> 404 in \d+ ms \(trackingId ROUTER_'
        $all | Should -Match 'POST /telephony/calls/dial -> 201'
        $all | Should -Match 'response body'
        $all | Should -Match 'WebexServerError|boom'
        $all | Should -Not -Match $Token
    }

    It 'is not in the connection object nor its serialisation' {
        $info = Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString $Token) -PassThru
        [System.Management.Automation.PSSerializer]::Serialize($info, 5) | Should -Not -Match $Token
        ($info | Format-List * | Out-String) | Should -Not -Match $Token
    }

    It 'is never written to a file by a transcript of a verbose session' {
        Start-Transcript -Path $Transcript -Force | Out-Null
        try {
            Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString $Token) -Verbose -Debug
            Get-WebexCall -Verbose -Debug | Out-Host
        }
        finally { Stop-Transcript | Out-Null }
        Get-Content $Transcript -Raw | Should -Not -Match $Token
    }

    It 'is sent only in the Authorization header' {
        Clear-SimulatorRequest
        $null = Get-WebexCall
        $request = Get-SimulatorRequest
        $request.hadBearerToken | Should -BeTrue
        ($request | ConvertTo-Json) | Should -Not -Match $Token
    }
}

Describe 'Messages that are true for the case they are shown in' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator -MaxRetryCount 0
    }

    It 'a proxy''s HTML 403 is described in words, and not blamed on a token scope' {
        $page = '<html><head><title>Access denied by proxy</title><style>body { font-family: Arial; color: #c00 }</style></head><body><p>Blocked</p></body></html>'
        Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 403 -Body $page -ContentType 'text/html'
        $err = { Get-WebexCall } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'an HTML page, not a Webex answer: Access denied by proxy'
        "$err $($err.ErrorDetails.RecommendedAction)" | Should -Not -Match 'font-family|<style|<html'
        $err.ErrorDetails.RecommendedAction | Should -Not -Match 'scope'
        $err.ErrorDetails.RecommendedAction | Should -Match 'proxy'
    }

    It 'a refused connection does not tell the user to quote a tracking id to Cisco' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $err = { Connect-WebexCalling -BaseUri "http://127.0.0.1:$port/v1" -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) -MaxRetryCount 0 } | Should -Throw -PassThru
        $err.ErrorDetails.RecommendedAction | Should -Not -Match 'Cisco'
        $err.Exception.ReachedWebex | Should -BeFalse
    }

    It 'a Webex 5xx does tell the user to quote its tracking id' {
        Add-SimulatorFault -Method GET -Path '/telephony/calls' -Status 500 -Body '{"message":"oops","trackingId":"ROUTER_QUOTE"}'
        $err = { Get-WebexCall } | Should -Throw -PassThru
        $err.ErrorDetails.RecommendedAction | Should -Match 'quote trackingId ROUTER_QUOTE to Cisco support'
    }

    It 'says "1 second", not "1 seconds"' {
        Connect-TestSimulator -MaxRetryCount 0
        Add-SimulatorFault -Method POST -Path '/telephony/calls/hold' -Status 429 -RetryAfterSeconds 1
        $call = Invoke-WebexDial 1234
        Set-WebexCallHold $call -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'wait 1 second and'
    }
}

Describe 'A call that was placed is never hidden' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator -MaxRetryCount 0
    }

    It 'when the read after a dial fails, a warning names the live call, and the call is returned' {
        Add-SimulatorFault -Method GET -Path '/telephony/calls/' -Status 503
        $call = Invoke-WebexDial 1234 -WarningVariable warnings -WarningAction SilentlyContinue
        $live = @(Get-WebexCall)[0]
        "$warnings" | Should -Match "the call was placed \(id $([regex]::Escape($live.CallId))\)"
        "$warnings" | Should -Match 'Stop-WebexCall -CallId'
        $call.CallId | Should -Be $live.CallId
    }

    It 'Ctrl+C during Invoke-WebexDial -Wait says the call may still be ringing' {
        Set-SimulatorDelay 60000 60000
        # In a fresh process whose console is read: the warning goes to the host, as the pipeline is closing.
        $script = @"
Import-Module '$(Get-TestModulePath)'
Connect-WebexCalling -BaseUri '$(Get-SimulatorUri)' -AccessToken (ConvertTo-SecureString '$(Get-TestToken)' -AsPlainText -Force)
`$runspace = [runspacefactory]::CreateRunspace(`$Host); `$runspace.Open()
`$ps = [powershell]::Create(); `$ps.Runspace = `$runspace
`$null = `$ps.AddScript("Import-Module '$(Get-TestModulePath)'; Invoke-WebexDial 1234 -Wait -TimeoutSec 120")
`$null = `$ps.BeginInvoke()
Start-Sleep -Milliseconds 1500
`$ps.Stop()
"@
        $output = (Invoke-FreshPwsh $script) -join "`n"
        $output | Should -Match 'Stopped waiting: the call to 1234 \(id \S+\) was placed and may still be ringing'
        @(Get-WebexCall).Count | Should -Be 1
    }
}
