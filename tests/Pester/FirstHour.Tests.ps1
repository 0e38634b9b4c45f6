# What a new user met in the first hour (issue 15, section 5), each as a test: advice that fits a member's 404, a
# BaseUri without /v1 that must not "connect", messages that quote what the session last saw, and destinations and
# ids that are too long to be real. (The table's widths are in Format.Tests.ps1, Disconnect in SignIn.Tests.ps1,
# whitespace and long ids for every parameter in IdSafety.Tests.ps1.)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'A member that does not exist' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }

    It 'is said to be missing (or in another organisation), not blamed on the BaseUri' {
        Get-WebexCall -MemberId 'no-such-member' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WebexNotFound,*'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'No such member'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match '-OrgId'
        $failed[0].ErrorDetails.RecommendedAction | Should -Not -Match 'BaseUri'
    }
}

Describe 'Connect-WebexCalling and the BaseUri' {
    BeforeAll { Reset-Simulator }
    AfterAll { Connect-TestSimulator }

    It 'refuses a BaseUri without /v1: a 404 that is plainly not Webex''s is WebexInvalidBaseUri' {
        Disconnect-WebexCalling -All
        $root = (Get-SimulatorUri) -replace '/v1$', ''
        $err = { Connect-WebexCalling -BaseUri $root -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'WebexInvalidBaseUri,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$err" | Should -Match '/v1'
        Get-WebexCallingConnection | Should -BeNullOrEmpty
    }

    It 'accepts a server written from the spec alone, whose 404 for an unknown call has no body and no tracking id' {
        # The spec gives 404 no body: such a server is told from a wrong BaseUri by one more request, the list.
        $listener = [System.Net.HttpListener]::new()
        $port = Get-Random -Minimum 20000 -Maximum 60000
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $server = [powershell]::Create()
        $null = $server.AddScript({
                param($listener)
                for ($i = 0; $i -lt 4 -and $listener.IsListening; $i++) {
                    $context = $listener.GetContext()
                    $path = $context.Request.Url.AbsolutePath
                    if ($path -eq '/v1/telephony/calls') {
                        $bytes = [Text.Encoding]::UTF8.GetBytes('{"items":[]}')
                        $context.Response.ContentType = 'application/json'
                        $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                    }
                    else { $context.Response.StatusCode = 404 }
                    $context.Response.Close()
                }
            }).AddArgument($listener)
        $handle = $server.BeginInvoke()
        try {
            $connection = Connect-WebexCalling -BaseUri "http://127.0.0.1:$port/v1" -AccessToken (ConvertTo-TestSecureString (Get-TestToken)) -PassThru
            $connection | Should -Not -BeNullOrEmpty
            Get-WebexCall | Should -BeNullOrEmpty
        }
        finally {
            $listener.Stop()
            $null = $handle.AsyncWaitHandle.WaitOne(5000)
            $server.Dispose()
            Disconnect-WebexCalling -All
        }
    }
}

Describe 'Messages about a call' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }

    It 'quote the state the session last saw, not the state of the object passed in' {
        $ringing = New-SimulatorCall
        $old = Get-WebexCall -CallId $ringing.id
        $old.State | Should -Be 'Alerting'
        $null = Receive-WebexCall -CallId $ringing.id -Confirm:$false
        $null = Get-WebexCall   # the session now sees it Connected

        $transcript = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-whatif-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try { $old | Set-WebexCallHold -WhatIf } finally { Stop-Transcript | Out-Null }
        $text = Get-Content $transcript -Raw
        Remove-Item $transcript
        $text | Should -Match 'What if: Hold the call with .*\(Connected\)'
        $text | Should -Not -Match '\(Alerting\)'
    }
}

Describe 'Values too long to be real' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }

    It 'a 10,000-digit destination is refused before any request, and quoted short' {
        Clear-SimulatorRequest
        $err = { Invoke-WebexDial -Destination ('1' * 10000) } | Should -Throw -PassThru
        "$err" | Should -Match 'more than the 32 a number may have'
        "$err".Length | Should -BeLessThan 400
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }

    It 'a 10,000-character call id is refused as WebexInvalidId, quoted short in the message and the target' {
        Clear-SimulatorRequest
        Stop-WebexCall -CallId ('x' * 10000) -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidId,*'
        "$($failed[0])".Length | Should -BeLessThan 400
        "$($failed[0].TargetObject)".Length | Should -BeLessThan 200
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }
}
