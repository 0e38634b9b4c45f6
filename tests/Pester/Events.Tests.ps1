# Issue 19: webhooks managed, deliveries received, verified and turned into objects, against the built module and the
# simulator, which delivers over real loopback HTTP as Webex does. Listeners use free loopback ports; the webhook's
# target is the listener itself (the simulator can reach loopback, where Webex would need a tunnel).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Get-FreePrefix {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        "http://127.0.0.1:$port/webex/"
    }

    # Runs $Steps on another thread after a short pause, while the test's receiver blocks: Api and Control reach the
    # simulator's Webex and control APIs; Post sends a raw delivery to a listener.
    function Start-Driver([scriptblock] $Steps, [int] $DelayMs = 400) {
        Start-ThreadJob -ArgumentList (Get-SimulatorUri), (Get-TestToken), $Steps.ToString(), $DelayMs -ScriptBlock {
            param($uri, $token, $steps, $delay)
            $headers = @{ Authorization = "Bearer $token" }
            function Api($operation, $body) { Invoke-RestMethod -Method Post -Uri "$uri/telephony/calls/$operation" -Headers $headers -ContentType 'application/json' -Body ($body | ConvertTo-Json) }
            function Control($path, $body) { Invoke-RestMethod -Method Post -Uri ($uri -replace '/v1$', "/_simulator/$path") -ContentType 'application/json' -Body ($body | ConvertTo-Json -Depth 4) }
            function Post($target, $body, $signature, $method = 'Post') {
                $sent = @{ Method = $method; Uri = $target; SkipHttpErrorCheck = $true; ContentType = 'application/json' }
                if ($null -ne $body) { $sent.Body = $body }
                if ($signature) { $sent.Headers = @{ 'X-Spark-Signature' = $signature } }
                [int] (Invoke-WebRequest @sent).StatusCode
            }
            Start-Sleep -Milliseconds $delay
            & ([scriptblock]::Create($steps))
        }
    }

    function Get-SimulatorWebhook { @((Invoke-RestMethod -Uri "$(Get-SimulatorUri)/webhooks" -Headers @{ Authorization = "Bearer $(Get-TestToken)" }).items) }

    function Add-DeliveryFault([string] $Action, [string] $EventType, [int] $DelayMs = 0) {
        $null = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'deliveries/faults') -ContentType 'application/json' -Body (@{ action = $Action; eventType = $EventType; delayMs = $DelayMs } | ConvertTo-Json)
    }

    function Get-Signature([string] $Body, [string] $Secret) {
        $hmac = [System.Security.Cryptography.HMACSHA1]::new([Text.Encoding]::UTF8.GetBytes($Secret))
        try { [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($Body))).ToLowerInvariant() } finally { $hmac.Dispose() }
    }

    $script:SampleBody = '{"id":"hook-1","name":"Calls","resource":"telephony_calls","event":"created","orgId":"org-1","actorId":"person-1","data":{"callId":"call-1","callSessionId":"s-1","personality":"terminator","state":"alerting","remoteParty":{"name":"Jane Doe","number":"+14085550100","callType":"external"},"eventType":"received","eventTimestamp":"2026-12-06T10:00:00.123Z"}}'
}

Describe 'Webhook cmdlets' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }
    BeforeEach { Clear-SimulatorRequest }

    It 'New-WebexCallWebhook sends the spec''s fields with event all and a made secret, and says where the secret is' {
        $hook = New-WebexCallWebhook https://calls.example.com/webex -Name 'Screen pop' -WarningVariable warned -WarningAction SilentlyContinue
        $sent = Get-SimulatorRequest | Where-Object path -EQ '/v1/webhooks'
        $sent.method | Should -Be 'POST'
        $body = $sent.body | ConvertFrom-Json
        $body.name | Should -Be 'Screen pop'
        $body.targetUrl | Should -Be 'https://calls.example.com/webex'
        $body.resource | Should -Be 'telephony_calls'
        $body.event | Should -Be 'all'
        $body.secret | Should -Be '(redacted)' -Because 'the simulator logs webhook bodies with the secret blanked'
        $hook.HasSecret | Should -BeTrue
        $hook.Secret | Should -BeOfType [securestring]
        ($hook.Secret | ConvertFrom-SecureString -AsPlainText) | Should -Match '^[0-9a-f]{64}$'
        "$warned" | Should -Match 'Secret property'
        (Get-SimulatorWebhook | Where-Object id -EQ $hook.Id).secret | Should -Be ($hook.Secret | ConvertFrom-SecureString -AsPlainText)
    }

    It 'New-WebexCallWebhook -OrgWide -Event Deleted -Resource Conference -Filter sends ownedBy org and the choices' {
        $null = New-WebexCallWebhook https://calls.example.com/x -OrgWide -Event Deleted -Resource Conference -Filter 'personId=abc' -Secret (ConvertTo-TestSecureString 'given') -WarningVariable warned
        $body = (Get-SimulatorRequest | Where-Object path -EQ '/v1/webhooks').body | ConvertFrom-Json
        ($body.ownedBy, $body.event, $body.resource, $body.filter) | Should -Be @('org', 'deleted', 'telephony_conference', 'personId=abc')
        $warned | Should -BeNullOrEmpty -Because 'a secret given is not announced'
    }

    It 'refuses a target that is not an absolute http(s) URL before any request' {
        { New-WebexCallWebhook 'ftp://example.com/x' -ErrorAction Stop } | Should -Throw -ErrorId 'WebexInvalidArgument*'
        @(Get-SimulatorRequest | Where-Object path -Like '/v1/*') | Should -BeNullOrEmpty
    }

    It 'Get-WebexCallWebhook lists, reads by id and from the pipeline, and never shows a secret' {
        $all = @(Get-WebexCallWebhook)
        $all.Count | Should -BeGreaterOrEqual 2
        $all | ForEach-Object { $_.Secret | Should -BeNullOrEmpty; $_.HasSecret | Should -BeTrue }
        ($all | Get-WebexCallWebhook).Id | Should -Be $all.Id
        ($all | Format-Table | Out-String) | Should -Match 'Screen pop'
    }

    It 'Set-WebexCallWebhook reads name and target first, then PUTs with status active; it refuses to change nothing' {
        $hook = Get-WebexCallWebhook | Select-Object -First 1
        Clear-SimulatorRequest
        $after = $hook | Set-WebexCallWebhook -Enable -PassThru
        $sent = @(Get-SimulatorRequest | Where-Object path -Like '/v1/webhooks/*')
        $sent.method | Should -Be @('GET', 'PUT')
        $put = $sent[1].body | ConvertFrom-Json
        ($put.name, $put.targetUrl, $put.status) | Should -Be @($hook.Name, $hook.TargetUrl, 'active')
        $after.Status | Should -Be 'Active'
        { Set-WebexCallWebhook $hook.Id -ErrorAction Stop } | Should -Throw -ErrorId 'WebexWebhookNoChange*'
    }

    It 'completes -Id with the webhooks, by id or name' {
        $line = 'Remove-WebexCallWebhook -Id Scr'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.Count | Should -Be 1
        $completions[0].CompletionText | Should -Be (Get-WebexCallWebhook | Where-Object Name -EQ 'Screen pop').Id
        $completions[0].ListItemText | Should -Match '^Screen pop\s+Active\s+https://calls.example.com/webex'
    }

    It 'an unknown webhook id is WebexNotFound, with advice that names Get-WebexCallWebhook' {
        Get-WebexCallWebhook -Id 'no-such-hook' -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'WebexNotFound*'
        $missing[0].ErrorDetails.RecommendedAction | Should -Match 'Get-WebexCallWebhook'
        $missing[0].Exception.TrackingId | Should -Not -BeNullOrEmpty
    }

    It 'Remove-WebexCallWebhook -WhatIf sends nothing; piped, it removes each' {
        Get-WebexCallWebhook | Remove-WebexCallWebhook -WhatIf
        @(Get-SimulatorRequest | Where-Object method -EQ 'DELETE') | Should -BeNullOrEmpty
        Get-WebexCallWebhook | Remove-WebexCallWebhook -Confirm:$false
        @(Get-SimulatorRequest | Where-Object method -EQ 'DELETE').Count | Should -BeGreaterOrEqual 2
        @(Get-WebexCallWebhook) | Should -BeNullOrEmpty
    }

    It 'a call object piped to Remove-WebexCallWebhook is refused, not sent as a webhook id' {
        $call = New-SimulatorCall
        Clear-SimulatorRequest
        Get-WebexCall | Remove-WebexCallWebhook -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused | Should -Not -BeNullOrEmpty
        @(Get-SimulatorRequest | Where-Object path -Like '/v1/webhooks*') | Should -BeNullOrEmpty
        Invoke-SimulatorApi hangup @{ callId = $call.id }
    }

    It 'the made secret does not survive serialization (a job, a remote session, Export-Clixml)' {
        $hook = New-WebexCallWebhook https://calls.example.com/y -WarningAction SilentlyContinue
        $copy = ConvertTo-Deserialized $hook
        $copy.Id | Should -Be $hook.Id
        $copy.Secret | Should -BeNullOrEmpty -Because 'the secret is left out of the serialized form'
        $path = Join-Path $TestDrive 'hook.xml'
        $hook | Export-Clixml $path
        Get-Content $path -Raw | Should -Not -Match ([regex]::Escape(($hook.Secret | ConvertFrom-SecureString -AsPlainText)))
        Remove-WebexCallWebhook $hook.Id -Confirm:$false
    }
}

Describe 'Event and webhook objects' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }

    It 'come back from a job typed, enums comparing by name, and the made secret stays behind' {
        $event = ConvertFrom-WebexCallEvent -Body $SampleBody
        $hook = New-WebexCallWebhook https://calls.example.com/job -WarningAction SilentlyContinue
        $back = @(Start-Job { param($e, $h) $e; $h } -ArgumentList $event, $hook | Wait-Job | Receive-Job)
        $back[0] | Should -BeOfType ([WebexCalls.WebexCallEvent])
        ($back[0].Event -eq 'Created') | Should -BeTrue
        $back[0].Call | Should -BeOfType ([WebexCalls.CallSession])
        ($back[0].Call.State -eq 'Alerting') | Should -BeTrue
        $back[1] | Should -BeOfType ([WebexCalls.WebexWebhook])
        ($back[1].Status -eq 'Active') | Should -BeTrue
        $back[1].Secret | Should -BeNullOrEmpty
        Get-Job | Remove-Job -Force
    }

    It 'export to CSV with flat columns, and fit 80 columns in a table' {
        $event = ConvertFrom-WebexCallEvent -Body $SampleBody
        $csv = $event | ConvertTo-Csv | ConvertFrom-Csv
        ($csv.Event, $csv.EventType, $csv.CallId, $csv.State) | Should -Be @('Created', 'received', 'call-1', 'Alerting')
        $table = $event | Format-Table | Out-String -Width 80
        $table | Should -Match 'received\s+alerting\s+Jane Doe <\+14085550100>'
        ($table -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
    }
}

Describe 'Event interest cmdlets' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }
    BeforeEach { Clear-SimulatorRequest }

    It 'Add reads, merges and writes; Get shows it; Remove -Actor keeps the rest; Remove alone deletes it' {
        Get-WebexCallEventInterest | Should -BeNullOrEmpty
        Add-WebexCallEventInterest -Actor Workspaces
        Add-WebexCallEventInterest -Actor VirtualLines -Resource Queue -DurationDays 30
        $posts = @(Get-SimulatorRequest | Where-Object { $_.path -eq '/v1/telephony/webhookInterestRegistrations' -and $_.method -eq 'POST' })
        @(($posts[1].body | ConvertFrom-Json).interests | Where-Object actor).actor | Should -Be @('Workspaces', 'Virtual Lines')
        ($posts[1].body | ConvertFrom-Json).interests.resource | Should -Contain 'Queue'
        ($posts[1].body | ConvertFrom-Json).duration | Should -Be 30
        $now = Get-WebexCallEventInterest
        $now.Actors | Should -Be @('Workspaces', 'Virtual Lines')
        $now.Resources | Should -Be @('Queue')
        $now.ExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddDays(29))
        Remove-WebexCallEventInterest -Actor VirtualLines -Resource Queue -Confirm:$false
        (Get-WebexCallEventInterest).Actors | Should -Be @('Workspaces')
        Remove-WebexCallEventInterest -WhatIf
        Get-WebexCallEventInterest | Should -Not -BeNullOrEmpty
        Remove-WebexCallEventInterest -Confirm:$false
        Get-WebexCallEventInterest | Should -BeNullOrEmpty
    }

    It 'Add with nothing to add is an error and sends nothing' {
        { Add-WebexCallEventInterest -ErrorAction Stop } | Should -Throw -ErrorId 'WebexInterestNoChange*'
        @(Get-SimulatorRequest | Where-Object path -Like '/v1/*') | Should -BeNullOrEmpty
    }
}

Describe 'ConvertFrom-WebexCallEvent' {
    BeforeAll { $script:Key = ConvertTo-TestSecureString 'hook-secret' }

    It 'reads a signed delivery from -Signature, or from -Headers whatever the case, as text or bytes' {
        $signature = Get-Signature $SampleBody 'hook-secret'
        $read = ConvertFrom-WebexCallEvent -Body $SampleBody -Signature $signature -Secret $Key
        ($read.Event, $read.EventType, $read.CallId, $read.State) | Should -Be @('Created', 'received', 'call-1', 'Alerting')
        $read.EventTime | Should -Be ([DateTimeOffset]'2026-12-06T10:00:00.123Z')
        $read.Call | Should -BeOfType ([WebexCalls.CallSession])
        (ConvertFrom-WebexCallEvent -Body $SampleBody -Headers @{ 'x-spark-signature' = $signature.ToUpperInvariant() } -Secret $Key).CallId | Should -Be 'call-1'
        (ConvertFrom-WebexCallEvent -Body ([Text.Encoding]::UTF8.GetBytes($SampleBody)) -Signature $signature -Secret $Key).CallId | Should -Be 'call-1'
        ($SampleBody | ConvertFrom-WebexCallEvent).EventType | Should -Be 'received' -Because 'without -Secret nothing is checked'
        # A request object piped (Azure Functions' shape): its RawBody, not its parsed Body, and its Headers.
        $request = [pscustomobject]@{ Body = ($SampleBody | ConvertFrom-Json -AsHashtable); RawBody = $SampleBody; Headers = @{ 'x-spark-signature' = $signature } }
        ($request | ConvertFrom-WebexCallEvent -Secret $Key).CallId | Should -Be 'call-1'
        ([pscustomobject]@{ Body = $SampleBody; Signature = $signature }, [pscustomobject]@{ Body = $SampleBody; Signature = $signature } | ConvertFrom-WebexCallEvent -Secret $Key).Count | Should -Be 2
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'a missing signature'; Body = $null; Signature = $null; ErrorId = 'WebexEventSignatureInvalid'; Category = 'SecurityError' }
        @{ Case = 'an empty signature header'; Body = $null; Signature = 'empty'; ErrorId = 'WebexEventSignatureInvalid'; Category = 'SecurityError' }
        @{ Case = 'another secret''s signature'; Body = $null; Signature = 'other'; ErrorId = 'WebexEventSignatureInvalid'; Category = 'SecurityError' }
        @{ Case = 'a tampered body'; Body = 'tampered'; Signature = 'good'; ErrorId = 'WebexEventSignatureInvalid'; Category = 'SecurityError' }
        @{ Case = 'a body that is not JSON'; Body = 'not json{'; Signature = 'own'; ErrorId = 'WebexEventInvalid'; Category = 'InvalidData' }
        @{ Case = 'JSON that is not an event'; Body = '{"items":[]}'; Signature = 'own'; ErrorId = 'WebexEventInvalid'; Category = 'InvalidData' }
    ) {
        $body = switch ($Body) { $null { $SampleBody } 'tampered' { $SampleBody.Replace('alerting', 'connected') } default { $Body } }
        $signature = switch ($Signature) { 'good' { Get-Signature $SampleBody 'hook-secret' } 'own' { Get-Signature $body 'hook-secret' } 'other' { Get-Signature $SampleBody 'other' } 'empty' { '' } default { $null } }
        $arguments = @{ Body = $body; Secret = $Key }
        if ($null -ne $signature) { $arguments.Signature = $signature }
        $out = ConvertFrom-WebexCallEvent @arguments -ErrorVariable failed -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId*"
        "$($failed[0].CategoryInfo.Category)" | Should -Be $Category
        "$($failed[0])" | Should -Not -Match 'hook-secret'
    }

    It 'refuses a parsed body, since the signature is over the raw bytes' {
        { ConvertFrom-WebexCallEvent -Body ($SampleBody | ConvertFrom-Json -AsHashtable) -ErrorAction Stop } | Should -Throw -ErrorId 'WebexEventBodyNotRaw*'
    }
}

Describe 'Receive-WebexCallEvent' {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator
        $script:Member = New-SimulatorMember
    }
    AfterEach { Get-Job | Remove-Job -Force }

    It 'writes the sequence of <Name>, each event once' -ForEach @(
        @{ Name = 'an incoming call answered'; Count = 4; Expected = 'received,updated,answered,disconnected'; Steps = {
                $id = (Control 'calls/incoming' @{ number = '+14085550100' }).id; Start-Sleep -Milliseconds 300
                $null = Api 'answer' @{ callId = $id }; Start-Sleep -Milliseconds 300; $null = Api 'hangup' @{ callId = $id } } }
        @{ Name = 'an incoming call missed'; Count = 3; Expected = 'received,updated,disconnected'; Steps = {
                $null = Control 'timeline' @{ events = @(@{ afterMs = 0; event = 'incoming'; callId = 'missed-1'; number = '+14085550101' }, @{ afterMs = 500; event = 'ringOut'; callId = 'missed-1' }) } } }
        @{ Name = 'an outgoing call'; Count = 2; Expected = 'originated,disconnected'; Steps = {
                $id = (Api 'dial' @{ destination = '+14085550102' }).callId; Start-Sleep -Milliseconds 400; $null = Api 'hangup' @{ callId = $id } } }
        @{ Name = 'a transfer'; Count = 6; Expected = 'received,updated,received,updated,disconnected,disconnected'; Steps = {
                $one = (Control 'calls/incoming' @{ number = '+14085550103'; answered = $true }).id; Start-Sleep -Milliseconds 200
                $two = (Control 'calls/incoming' @{ number = '+14085550104'; answered = $true }).id; Start-Sleep -Milliseconds 300
                $null = Api 'transfer' @{ callId1 = $one; callId2 = $two } } }
        @{ Name = 'a park'; Count = 3; Expected = 'received,updated,disconnected'; Steps = {
                $id = (Control 'calls/incoming' @{ number = '+14085550105'; answered = $true }).id; Start-Sleep -Milliseconds 300
                $null = Api 'park' @{ callId = $id; destination = '1000' } } }
    ) {
        $prefix = Get-FreePrefix
        $driver = Start-Driver $Steps
        $events = @(Receive-WebexCallEvent -Prefix $prefix -PublicUrl $prefix -Count $Count -Timeout '00:00:15')
        $null = $driver | Wait-Job -Timeout 15
        ($events.EventType -join ',') | Should -Be $Expected
        $events[0].Event | Should -Be 'Created'
        $events[-1].Event | Should -Be 'Deleted'
        $events[-1].State | Should -Be 'Disconnected'
        @($events | Group-Object { "$($_.CallId)|$($_.EventType)|$($_.EventTime.UtcTicks)" } | Where-Object Count -GT 1) | Should -BeNullOrEmpty
        Get-SimulatorWebhook | Should -BeNullOrEmpty -Because 'the webhook it made is removed when it ends'
    }

    It 'gives a member''s call its MemberId from an organisation webhook, so it pipes into the call cmdlets' {
        $prefix = Get-FreePrefix
        $member = $Member
        $driver = Start-Driver ([scriptblock]::Create("`$null = Control 'members/$member/calls/incoming' @{ number = '+14085550106' }"))
        $first = Receive-WebexCallEvent -Prefix $prefix -PublicUrl $prefix -OrgWide -Count 1 -Timeout '00:00:15'
        $null = $driver | Wait-Job -Timeout 15
        $first.ActorId | Should -Be $Member
        $first.Call.MemberId | Should -Be $Member
        Clear-SimulatorRequest
        $first.Call | Receive-WebexCall
        (Get-SimulatorRequest | Where-Object method -EQ 'POST').path | Should -Be "/v1/telephony/calls/members/$Member/answer"
    }

    It 'writes an event delivered twice once' {
        $prefix = Get-FreePrefix
        Add-DeliveryFault duplicate received
        $driver = Start-Driver { $null = Control 'calls/incoming' @{ number = '+14085550107' } }
        $events = @(Receive-WebexCallEvent -Prefix $prefix -PublicUrl $prefix -Timeout '00:00:03' -Verbose 4>&1)
        $null = $driver | Wait-Job -Timeout 15
        @($events | Where-Object { $_ -is [WebexCalls.WebexCallEvent] }).EventType | Should -Be @('received', 'updated')
        ($events | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n" | Should -Match '1 of them repeats'
        @((Invoke-RestMethod -Uri (Get-ControlUri 'deliveries')) | Where-Object fault -EQ 'duplicate').Count | Should -Be 1 -Because 'the simulator did send it twice'
    }

    It 'answers 200 to a good delivery, 401 to a bad, missing or tampered signature, 400 to a body that is not an event, 405 to a GET' {
        $prefix = Get-FreePrefix
        $good = Get-Signature $SampleBody 'hook-secret'
        $notJson = 'not json{'
        $steps = [scriptblock]::Create(@"
            `$target = '$prefix'
            Post `$target '$SampleBody' '$good'
            Post `$target '$SampleBody' '$(Get-Signature $SampleBody 'other')'
            Post `$target '$SampleBody' `$null
            Post `$target '$($SampleBody.Replace('alerting', 'connected'))' '$good'
            Post `$target '$notJson' '$(Get-Signature $notJson 'hook-secret')'
            Post `$target `$null `$null 'Get'
"@)
        $driver = Start-Driver $steps
        $events = @(Receive-WebexCallEvent -Prefix $prefix -Secret (ConvertTo-TestSecureString 'hook-secret') -Timeout '00:00:03' -WarningVariable warned -WarningAction SilentlyContinue)
        $statuses = $driver | Wait-Job -Timeout 15 | Receive-Job
        $statuses | Should -Be @(200, 401, 401, 401, 400, 405)
        $events.CallId | Should -Be @('call-1')
        @($warned).Count | Should -Be 4
        "$warned" | Should -Not -Match 'hook-secret'
    }

    It 'removes its webhook however it ends: <How>' -ForEach @(
        @{ How = '-Timeout'; Run = { param($p) Receive-WebexCallEvent -Prefix $p -PublicUrl $p -Timeout '00:00:02' } }
        @{ How = '-Count'; Run = { param($p) Receive-WebexCallEvent -Prefix $p -PublicUrl $p -Count 1 -Timeout '00:00:15' }; Call = $true }
        @{ How = 'Select-Object -First'; Run = { param($p) Receive-WebexCallEvent -Prefix $p -PublicUrl $p -Timeout '00:00:15' | Select-Object -First 1 }; Call = $true }
        @{ How = 'an error downstream'; Run = { param($p) try { Receive-WebexCallEvent -Prefix $p -PublicUrl $p -Timeout '00:00:15' | ForEach-Object { throw 'downstream failed' } } catch { $null = $_ } }; Call = $true }
    ) {
        $prefix = Get-FreePrefix
        $driver = if ($Call) { Start-Driver { $null = Control 'calls/incoming' @{ number = '+14085550108' } } }
        & $Run $prefix
        if ($driver) { $null = $driver | Wait-Job -Timeout 15 }
        Get-SimulatorWebhook | Should -BeNullOrEmpty
    }

    It 'removes its webhook when stopped like Ctrl+C' {
        $prefix = Get-FreePrefix
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$(Get-TestModulePath)'; Connect-WebexCalling -BaseUri '$(Get-SimulatorUri)' -AccessToken (ConvertTo-SecureString '$(Get-TestToken)' -AsPlainText -Force); Receive-WebexCallEvent -Prefix '$prefix' -PublicUrl '$prefix'")
            $running = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while (-not (Get-SimulatorWebhook) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Get-SimulatorWebhook | Should -Not -BeNullOrEmpty
            $shell.Stop()
            $running.IsCompleted | Should -BeTrue
        }
        finally { $shell.Dispose() }
        Get-SimulatorWebhook | Should -BeNullOrEmpty
    }

    It '-WhatIf says what it would create and neither listens nor creates' {
        $prefix = Get-FreePrefix
        Clear-SimulatorRequest
        Receive-WebexCallEvent -Prefix $prefix -PublicUrl $prefix -WhatIf
        @(Get-SimulatorRequest | Where-Object path -Like '/v1/*') | Should -BeNullOrEmpty
    }

    It 'fails with WebexEventListenerFailed on a prefix already taken, and leaves no webhook behind' {
        $prefix = Get-FreePrefix
        $taken = [System.Net.HttpListener]::new()
        $taken.Prefixes.Add($prefix)
        $taken.Start()
        try {
            Clear-SimulatorRequest
            { Receive-WebexCallEvent -Prefix $prefix -PublicUrl $prefix -Timeout '00:00:05' -ErrorAction Stop } | Should -Throw -ErrorId 'WebexEventListenerFailed*'
            $Error[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            "$($Error[0].TargetObject)" | Should -Be $prefix
            @(Get-SimulatorRequest | Where-Object path -Like '/v1/webhooks*') | Should -BeNullOrEmpty -Because 'the listener starts before the webhook is made'
        }
        finally { $taken.Close() }
    }

    It 'refuses a prefix that is not one, before anything is created' {
        Clear-SimulatorRequest
        { Receive-WebexCallEvent -Prefix 'not a prefix' -PublicUrl 'https://x.example.com/' -ErrorAction Stop } | Should -Throw -ErrorId 'WebexEventPrefixInvalid*'
        @(Get-SimulatorRequest | Where-Object path -Like '/v1/*') | Should -BeNullOrEmpty
    }
}

Describe 'Watch-WebexCall -EventPrefix' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }
    AfterEach { Get-Job | Remove-Job -Force }

    It 'gives the same changes as polling when the first event comes last and the answer comes twice' {
        $prefix = Get-FreePrefix
        Add-DeliveryFault delay received 800
        Add-DeliveryFault duplicate answered
        $driver = Start-Driver {
            $id = (Control 'calls/incoming' @{ number = '+14085550110' }).id; Start-Sleep -Milliseconds 300
            $null = Api 'answer' @{ callId = $id }; Start-Sleep -Milliseconds 300; $null = Api 'hangup' @{ callId = $id } } 600
        $changes = @(Watch-WebexCall -EventPrefix $prefix -PublicUrl $prefix -ResyncIntervalSec 60 -Timeout '00:00:04')
        $null = $driver | Wait-Job -Timeout 15
        $changes.Change | Should -Be @('Added', 'StateChanged', 'Removed')
        $changes[1].State | Should -Be 'Connected'
        $changes[0] | Should -BeOfType ([WebexCalls.CallChange])
        Get-SimulatorWebhook | Should -BeNullOrEmpty
    }

    It 'recovers a dropped end by re-reading, and costs few requests' {
        $prefix = Get-FreePrefix
        Add-DeliveryFault drop disconnected
        Clear-SimulatorRequest
        $driver = Start-Driver {
            $id = (Control 'calls/incoming' @{ number = '+14085550111'; answered = $true }).id; Start-Sleep -Milliseconds 300
            $null = Api 'hangup' @{ callId = $id } } 600
        $changes = @(Watch-WebexCall -EventPrefix $prefix -PublicUrl $prefix -ResyncIntervalSec 1 -Timeout '00:00:04' -Verbose 4>$null)
        $null = $driver | Wait-Job -Timeout 15
        $changes.Change | Should -Be @('Added', 'Removed')
        @((Invoke-RestMethod -Uri (Get-ControlUri 'deliveries')) | Where-Object fault -EQ 'drop').Count | Should -Be 1
        $reads = @(Get-SimulatorRequest | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/telephony/calls' })
        $reads.Count | Should -BeLessOrEqual 10 -Because 'one reading, one re-reading a second (the interval asked for), and one after the sign of loss'
    }
}

Describe 'Secrets stay out of every stream and transcript' {
    It 'shows no webhook secret in output, verbose, debug, warnings, errors or a transcript' {
        Reset-Simulator
        Connect-TestSimulator
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $prefix = Get-FreePrefix
        Start-Transcript -Path $transcript | Out-Null
        try {
            # $DebugPreference rather than -Debug: request and response bodies go to the debug stream, without a prompt.
            $DebugPreference = 'Continue'
            $all = . {
                $hook = New-WebexCallWebhook https://calls.example.com/z -Verbose
                $hook | Format-List * | Out-String
                Get-WebexCallWebhook -Verbose | Format-List * | Out-String
                $hook | Set-WebexCallWebhook -Secret (ConvertTo-TestSecureString 'second-secret-123') -Verbose -Confirm:$false
                Receive-WebexCallEvent -Prefix $prefix -PublicUrl $prefix -Timeout '00:00:01' -Verbose
                Get-WebexCallWebhook -Id 'gone' -ErrorAction Continue
            } *>&1 | Out-String
            $DebugPreference = 'SilentlyContinue'
        }
        finally { Stop-Transcript | Out-Null; $DebugPreference = 'SilentlyContinue' }
        $secrets = @(($hook.Secret | ConvertFrom-SecureString -AsPlainText), 'second-secret-123')
        $text = $all + (Get-Content $transcript -Raw)
        $text | Should -Match 'POST /webhooks' -Because 'the verbose log was captured'
        $text | Should -Match '"secret":"\(redacted\)"' -Because 'the debug stream showed the bodies, with the secret blanked'
        foreach ($secret in $secrets) { $text | Should -Not -Match ([regex]::Escape($secret)) }
    }
}
