BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Connect-WebexCalling' {
    BeforeEach {
        Reset-Simulator
        Disconnect-WebexCalling -All   # earlier files left connections; none may be current
        $script:SavedToken = $env:WEBEX_ACCESS_TOKEN
        Remove-Item Env:WEBEX_ACCESS_TOKEN -ErrorAction SilentlyContinue
    }

    AfterEach {
        if ($SavedToken) { $env:WEBEX_ACCESS_TOKEN = $SavedToken } else { Remove-Item Env:WEBEX_ACCESS_TOKEN -ErrorAction SilentlyContinue }
    }

    It 'checks the token with one request whose cost does not grow with the calls, and returns the connection without the secret' {
        1..3 | ForEach-Object { $null = New-IncomingCall }
        $info = Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) -PassThru

        $info.BaseUri.AbsoluteUri | Should -Be ((Get-SimulatorUri) + '/')
        $info.PSObject.Properties.Name | Should -Not -Contain 'ActiveCalls'
        $info.TokenSource | Should -Match 'AccessToken'
        ($info | ConvertTo-Json -Depth 5) | Should -Not -Match (Get-TestToken)
        $requests = Get-SimulatorRequest
        $requests.Count | Should -Be 1
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -Be '/v1/telephony/calls/webexcalls-connection-check'
        $requests[0].status | Should -Be 404
        $requests[0].hadBearerToken | Should -BeTrue
        $requests[0].trackingId | Should -Match '^WEBEXCALLS_'
    }

    It 'reads WEBEX_ACCESS_TOKEN when -AccessToken is not given' {
        $env:WEBEX_ACCESS_TOKEN = Get-TestToken
        (Connect-WebexCalling -BaseUri (Get-SimulatorUri) -PassThru).TokenSource | Should -Match 'WEBEX_ACCESS_TOKEN'
        { Get-WebexCall } | Should -Not -Throw
    }

    It 'fails clearly, before any request, with neither a token nor the variable' {
        $err = { Connect-WebexCalling -BaseUri (Get-SimulatorUri) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^WebexAccessTokenMissing'
        $err.Exception.Message | Should -Match 'WEBEX_ACCESS_TOKEN'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'fails on 401 naming the scopes, and stays disconnected' {
        Register-SimulatorToken -Token 'the-only-valid-token' -Scopes 'spark:calls_read', 'spark:calls_write'
        $err = { Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^WebexUnauthorized'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.ErrorDetails.RecommendedAction | Should -Match 'spark:calls_read and spark:calls_write'
        $err.Exception.TrackingId | Should -Match '^ROUTER_'
        { Get-WebexCall } | Should -Throw -ErrorId 'WebexNotConnected,WebexCalls.Commands.GetWebexCallCommand'
    }

    It 'fails on 403 naming the scopes' {
        Register-SimulatorToken -Token (Get-TestToken) -Scopes @()
        $err = { Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^WebexForbidden'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.ErrorDetails.RecommendedAction | Should -Match 'spark:calls_read'
    }

    It 'fails with WebexConnectionFailed when nothing listens at the base URI' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $err = { Connect-WebexCalling -BaseUri "http://127.0.0.1:$port/v1" -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^WebexConnectionFailed'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'refuses a base URI that is not http or https' {
        { Connect-WebexCalling -BaseUri 'ftp://example.com/v1' -AccessToken (ConvertTo-TestSecureString 'x') } |
            Should -Throw -ErrorId 'WebexInvalidBaseUri,WebexCalls.Commands.ConnectWebexCallingCommand'
    }
}

Describe 'Before Connect-WebexCalling' {
    BeforeAll { Disconnect-WebexCalling -All }

    It '<Command> fails with a terminating WebexNotConnected error that says to connect' -ForEach @(
        @{ Command = { Get-WebexCall } }
        @{ Command = { Invoke-WebexDial 1234 } }
        @{ Command = { Set-WebexCallHold -CallId abc } }
        @{ Command = { Stop-WebexCall -CallId abc -Confirm:$false } }
    ) {
        $err = { & $Command } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^WebexNotConnected,'
        $err.Exception.Message | Should -Match 'Run Connect-WebexCalling'
    }

    It 'fails the same way in a fresh pwsh' {
        $output = Invoke-FreshPwsh "Import-Module '$(Get-TestModulePath)'; try { Get-WebexCall } catch { `$_.FullyQualifiedErrorId }"
        $output | Select-Object -Last 1 | Should -Be 'WebexNotConnected,WebexCalls.Commands.GetWebexCallCommand'
    }
}

Describe 'The connection' {
    BeforeEach { Reset-Simulator; Connect-TestSimulator }

    It 'is shared by every runspace of the process (ForEach-Object -Parallel)' {
        $null = New-IncomingCall
        $modulePath = Get-TestModulePath
        $counts = 1..4 | ForEach-Object -Parallel { Import-Module $using:modulePath; @(Get-WebexCall).Count } -ThrottleLimit 4
        $counts | Should -Be @(1, 1, 1, 1)
    }

    It 'is forgotten by Disconnect-WebexCalling' {
        Disconnect-WebexCalling -All
        Connect-TestSimulator
        Disconnect-WebexCalling   # the only one: none is left to become current
        { Get-WebexCall } | Should -Throw -ErrorId 'WebexNotConnected,WebexCalls.Commands.GetWebexCallCommand'
        { Disconnect-WebexCalling } | Should -Not -Throw
    }
}
