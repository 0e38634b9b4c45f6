# Signing in: refresh tokens (integrations and Service Apps), the token kinds and their checks, several connections
# side by side, and secrets that appear nowhere.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Connect-WithRefreshToken([switch] $Admin, [switch] $PassThru) {
        Connect-WebexCalling -BaseUri (Get-SimulatorUri) -ClientSecretCredential (Get-TestClientCredential) `
            -RefreshToken (ConvertTo-TestSecureString (Get-TestRefreshToken)) -Admin:$Admin -PassThru:$PassThru
    }

    function Get-TokenRequest { Get-SimulatorRequest | Where-Object path -EQ '/v1/access_token' }
}

Describe 'Connect-WebexCalling with a refresh token' {
    BeforeEach {
        Reset-Simulator
        Disconnect-WebexCalling -All
    }

    AfterEach {
        Remove-Item Env:WEBEX_CLIENT_ID, Env:WEBEX_CLIENT_SECRET, Env:WEBEX_REFRESH_TOKEN -ErrorAction SilentlyContinue
    }

    It 'gets an access token, then checks it on the user''s calls, and says what it got' {
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken)

        $connection = Connect-WithRefreshToken -PassThru

        $connection.TokenKind | Should -Be 'RefreshToken'
        $connection.Mode | Should -Be 'User'
        $connection.Scopes | Should -Be @('spark:calls_read', 'spark:calls_write')
        $connection.ExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $connection.IsCurrent | Should -BeTrue
        (Get-SimulatorRequest).path | Should -Be @('/v1/access_token', '/v1/telephony/calls/webexcalls-connection-check')
        (Get-SimulatorRequest)[1].tokenLabel | Should -Be 'pester-client'
        (Get-WebexCallingConnection).Id | Should -Be $connection.Id
    }

    It 'reads WEBEX_CLIENT_ID, WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN for unattended scripts' {
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken)
        $env:WEBEX_CLIENT_ID = 'pester-client'; $env:WEBEX_CLIENT_SECRET = Get-TestClientSecret; $env:WEBEX_REFRESH_TOKEN = Get-TestRefreshToken

        $connection = Connect-WebexCalling -BaseUri (Get-SimulatorUri) -PassThru

        $connection.TokenKind | Should -Be 'RefreshToken'
        $connection.TokenSource | Should -Match 'WEBEX_REFRESH_TOKEN'
    }

    It 'a Service App''s token (admin scopes only) connects in admin mode, checked on a members route' {
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken) -Scopes 'spark-admin:calls_read', 'spark-admin:calls_write'

        $connection = Connect-WithRefreshToken -PassThru

        $connection.Mode | Should -Be 'Admin'
        (Get-SimulatorRequest).path | Should -Not -Contain '/v1/telephony/calls'
        (Get-SimulatorRequest)[-1].path | Should -Match '^/v1/telephony/calls/members/'
        $member = New-SimulatorMember -ActiveCalls 1
        (Get-WebexCall -MemberId $member).MemberId | Should -Be $member
    }

    It 'names the scope a token lacks for the mode asked' {
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken)
        $err = { Connect-WithRefreshToken -Admin } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'WebexMissingScope,*'
        $err.Exception.Message | Should -Match 'spark-admin:calls_read'
    }

    It 'an admin access token is checked on a members route, and 403 there names the admin scopes' {
        Register-SimulatorToken -Token (Get-TestToken) -Scopes 'spark:calls_read', 'spark:calls_write'
        $err = { Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) -Admin } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'WebexForbidden,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'spark-admin:calls_read and spark-admin:calls_write'
    }

    It 'a refused refresh is a clear WebexTokenRefreshFailed, and nothing is connected' {
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken)
        Revoke-SimulatorRefreshToken (Get-TestRefreshToken)

        $err = { Connect-WithRefreshToken } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'WebexTokenRefreshFailed,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'expired, revoked, malformed, or invalid'
        $err.Exception.TrackingId | Should -Match '^ROUTER_'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-WebexCalling'
        Get-WebexCallingConnection | Should -BeNullOrEmpty
    }

    It 'renews an expired token once for a whole fan-out' {
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken) -Scopes 'spark-admin:calls_read', 'spark-admin:calls_write' -ExpiresInSeconds 2
        $null = Connect-WithRefreshToken
        $members = New-SimulatorMember -Count 60 -ActiveCalls 1
        Start-Sleep -Seconds 2.5   # the access token has expired

        $calls = Get-WebexCall -MemberId $members -ThrottleLimit 16

        $calls.Count | Should -Be 60
        @(Get-TokenRequest).Count | Should -Be 2   # the first token, and exactly one renewal
        (Get-SimulatorRequest | Where-Object status -EQ 401) | Should -BeNullOrEmpty
    }

    It 'a refresh that fails later is that command''s WebexTokenRefreshFailed error' {
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken) -ExpiresInSeconds 1
        $null = Connect-WithRefreshToken
        Revoke-SimulatorRefreshToken (Get-TestRefreshToken)
        Start-Sleep -Seconds 1.5

        $err = { Get-WebexCall } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'WebexTokenRefreshFailed,*'
    }
}

Describe 'Several connections' {
    BeforeAll {
        Reset-Simulator
        Disconnect-WebexCalling -All
        Register-SimulatorToken -Token 'token-a' -Scopes 'spark:calls_read', 'spark:calls_write' -Label 'a'
        Register-SimulatorToken -Token 'token-b' -Scopes 'spark:calls_read', 'spark:calls_write' -Label 'b'
        $script:A = Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString 'token-a') -PassThru
        $script:B = Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString 'token-b') -PassThru
    }

    AfterAll { Disconnect-WebexCalling -All }

    BeforeEach { Clear-SimulatorRequest }

    It 'uses the newest connection unless given -Connection' {
        $B.IsCurrent | Should -BeTrue
        $A.IsCurrent | Should -BeFalse
        $null = Get-WebexCall
        $null = Get-WebexCall -Connection $A
        $null = Get-WebexCall -Connection $A.Id
        (Get-SimulatorRequest).tokenLabel | Should -Be @('b', 'a', 'a')
    }

    It 'acts on an object through the connection it was read through' {
        $call = Invoke-WebexDial 1234 -Connection $A
        $call.ConnectionId | Should -Be $A.Id
        Clear-SimulatorRequest

        $call | Set-WebexCallHold
        # A call that came back from a job still names its connection; piping it binds that.
        ConvertTo-Deserialized (Get-WebexCall -CallId $call.CallId -Connection $A) | Stop-WebexCall

        (Get-SimulatorRequest | Where-Object method -EQ POST).tokenLabel | Should -Be @('a', 'a')
    }

    It 'lists every connection, and refuses one that was forgotten, clearly' {
        (Get-WebexCallingConnection -All).Id | Should -Contain $A.Id
        $gone = Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString 'token-a') -PassThru
        Disconnect-WebexCalling -Connection $gone
        { Get-WebexCall -Connection $gone.Id } | Should -Throw '*was closed with Disconnect-WebexCalling*'
        # The current one went: the newest left is current, and commands go on working through it.
        (Get-WebexCallingConnection).Id | Should -Be (Get-WebexCallingConnection -All)[-1].Id
        (Get-WebexCallingConnection).Id | Should -Be $B.Id
        Clear-SimulatorRequest
        Get-WebexCall | Should -BeNullOrEmpty
        (Get-SimulatorRequest).tokenLabel | Should -Be 'b'
        Get-WebexCall -Connection $A | Should -BeNullOrEmpty   # the older ones still work
    }
}

Describe 'Secrets' {
    It 'appear in no stream, error, transcript or serialised connection' {
        Reset-Simulator
        Disconnect-WebexCalling -All
        Register-SimulatorClient -ClientSecret (Get-TestClientSecret) -RefreshToken (Get-TestRefreshToken) -ExpiresInSeconds 1
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-secrets-$([guid]::NewGuid()).txt"
        $clixml = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-errors-$([guid]::NewGuid()).xml"
        $Error.Clear()
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try {
            $output = & {
                $connection = Connect-WithRefreshToken -PassThru -Verbose -Debug
                $connection | Format-List * | Out-String
                $connection | ConvertTo-Json -Depth 5
                [System.Management.Automation.PSSerializer]::Serialize($connection, 5)
                Start-Sleep -Seconds 1.5
                Get-WebexCall -Verbose -Debug
                Revoke-SimulatorRefreshToken (Get-TestRefreshToken)
                Start-Sleep -Seconds 1.5
                try { Get-WebexCall -Verbose -Debug } catch { $_ | Out-String; $_.Exception | Format-List * -Force | Out-String }
            } *>&1 | Out-String
        }
        finally {
            Stop-Transcript | Out-Null
            $Error | Export-Clixml $clixml
        }

        $texts = @($output, (Get-Content $transcript -Raw), (Get-Content $clixml -Raw))
        Remove-Item $transcript, $clixml -ErrorAction SilentlyContinue
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'WebexTokenRefreshFailed,*'
        foreach ($text in $texts) {
            $text | Should -Not -BeNullOrEmpty
            $text | Should -Not -Match (Get-TestClientSecret)
            $text | Should -Not -Match (Get-TestRefreshToken)
            $text | Should -Not -Match 'SIMULATED_ACCESS_'   # every access token the simulator issues starts so
        }
    }
}
