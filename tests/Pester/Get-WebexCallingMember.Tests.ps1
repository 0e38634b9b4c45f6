# Get-WebexCallingMember (issue 17): members found by e-mail, number, extension or name through the directory APIs,
# paged as each API pages them, piped in from Entra ID, Active Directory and CSV shapes, and piped on into the call
# cmdlets; the errors a user meets (not found, no Webex Calling, a bad address, a missing scope, a 429 mid-list).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Add-Directory([hashtable[]] $Members) {
        $body = @{ members = $Members } | ConvertTo-Json -Depth 4
        (Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'members') -ContentType 'application/json' -Body $body).ids
    }

    # Alice has Webex Calling and calls; Bob has no Webex Calling. Sets $Alice and $Bob for the test.
    function Initialize-Directory([int] $AliceCalls) {
        Reset-Simulator
        Connect-TestSimulator
        $script:Alice, $script:Bob = Add-Directory @(
            @{ name = 'Alice Example'; email = 'alice@example.com'; activeCalls = $AliceCalls },
            @{ name = 'Bob Nocall'; email = 'bob@example.com'; activeCalls = 0; hasCalling = $false })
        Clear-SimulatorRequest
    }

    function Get-DirectoryRequest { @(Get-SimulatorRequest | Where-Object { $_.path -like '/v1/people*' -or $_.path -like '/v1/workspaces*' -or $_.path -like '/v1/telephony/config/*' }) }
}

Describe 'Get-WebexCallingMember' {
    BeforeEach { Initialize-Directory -AliceCalls 1 }

    It 'lists every member with Webex Calling, of the three kinds, following each API''s paging' {
        $null = New-SimulatorMember -Count 230
        $null = New-SimulatorMember -Count 2 -Kind workspace
        $null = New-SimulatorMember -Count 1 -Kind virtualLine
        Clear-SimulatorRequest

        $members = Get-WebexCallingMember

        ($members | Where-Object Type -eq Person).Count | Should -Be 231   # Alice and 230; Bob has no Webex Calling
        ($members | Where-Object Type -eq Workspace).Count | Should -Be 2
        ($members | Where-Object Type -eq VirtualLine).Count | Should -Be 1
        $members.MemberId | Should -Not -Contain $Bob
        $people = @(Get-DirectoryRequest | Where-Object path -like '/v1/people*')
        $people.Count | Should -Be 3   # 232 people in pages of 100, as callingData caps them
        $people[0].rawTarget | Should -Be '/v1/people?callingData=true&max=100'
        $people[1].rawTarget | Should -Match '^/v1/people\?cursor=[^&]+$' -Because 'the next link is followed as given'
    }

    It 'finds people by address, says who is not found or has no Webex Calling, and the others go on' {
        $found = Get-WebexCallingMember -Email alice@example.com, nobody@example.com, bob@example.com -ErrorVariable failures -ErrorAction SilentlyContinue

        $found.MemberId | Should -Be $Alice
        $found.Email | Should -Be 'alice@example.com'
        $found.HasCalling | Should -BeTrue
        ($failures | Where-Object TargetObject -eq 'nobody@example.com').FullyQualifiedErrorId | Should -BeLike 'WebexMemberNotFound,*'
        ($failures | Where-Object TargetObject -eq 'bob@example.com').FullyQualifiedErrorId | Should -BeLike 'WebexMemberNotCalling,*'
        "$($failures | Where-Object TargetObject -eq 'bob@example.com')" | Should -Match 'Bob Nocall, who has no Webex Calling'
        (Get-DirectoryRequest).rawTarget | Should -Contain '/v1/people?callingData=true&max=100&email=alice%40example.com'
    }

    It 'refuses a -LocationId or -OrgId that is no Webex id once, before any request' {
        foreach ($name in 'LocationId', 'OrgId') {
            $failures = $null
            $arguments = @{ $name = '..' }
            Get-WebexCallingMember @arguments -ErrorVariable failures -ErrorAction SilentlyContinue
            @($failures).Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidId,*'
            "$($failures[0])" | Should -Match "^-$name"
        }
        Get-DirectoryRequest | Should -BeNullOrEmpty
    }

    It 'refuses text that is not an address before any request' {
        { Get-WebexCallingMember -Email 'alice', 'x y@example.com' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        Get-DirectoryRequest | Should -BeNullOrEmpty
    }

    It 'takes <Source> objects from the pipeline, and its output routes Get-WebexCall through the member' -ForEach @(
        @{ Source = 'Get-MgUser-shaped'; Make = { [pscustomobject]@{ Id = 'entra-guid'; DisplayName = 'Alice'; Mail = 'alice@example.com'; UserPrincipalName = 'alice@contoso.onmicrosoft.com' } } }
        @{ Source = 'Get-ADUser-shaped'; Make = { [pscustomobject]@{ SamAccountName = 'alice'; DistinguishedName = 'CN=Alice,DC=example,DC=com'; UserPrincipalName = 'alice@example.com' } } }
        @{ Source = 'CSV-row'; Make = { 'Name,Email', 'Alice,alice@example.com' | ConvertFrom-Csv } }
    ) {
        $calls = & $Make | Get-WebexCallingMember | Get-WebexCall

        $calls.MemberId | Should -Be $Alice
        $calls.State | Should -Be 'Connected'
        (Get-SimulatorRequest).path | Should -Contain "/v1/telephony/calls/members/$Alice/calls"
    }

    It 'finds the owner of an extension or a number, whatever its kind, and says which are nobody''s' {
        $workspace = New-SimulatorMember -Kind workspace
        $owned = Get-WebexCallingMember -Extension '6001', '9999' -ErrorVariable failures -ErrorAction SilentlyContinue
        $owned.MemberId | Should -Be $Alice
        $failures.FullyQualifiedErrorId | Should -BeLike 'WebexMemberNotFound,*'
        $failures.TargetObject | Should -Be '9999'

        $room = Get-WebexCallingMember -PhoneNumber '+14085556003'
        ($room.MemberId, $room.Type) | Should -Be @($workspace, 'Workspace')
        (Get-DirectoryRequest).rawTarget | Should -Contain '/v1/telephony/config/numbers?phoneNumber=%2B14085556003&max=2000'
    }

    It 'narrows by -Type and -Name' {
        $null = New-SimulatorMember -Count 2 -Kind workspace
        (Get-WebexCallingMember -Type Workspace).Type | Sort-Object -Unique | Should -Be 'Workspace'
        (Get-WebexCallingMember -Name ali).MemberId | Should -Be $Alice
        @(Get-DirectoryRequest | Where-Object path -like '/v1/workspaces*').rawTarget | Should -Contain '/v1/workspaces?calling=webexCalling&max=100&displayName=ali'
    }

    It 'names the scope a token lacks, and how to add it' {
        Register-SimulatorToken -Token 'calls-only' -Scopes 'spark-admin:calls_read', 'spark-admin:calls_write'
        Connect-WebexCalling -BaseUri (Get-SimulatorUri) -AccessToken (ConvertTo-TestSecureString 'calls-only') -Admin
        Get-WebexCallingMember -Email alice@example.com -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebexForbidden,*'
        "$($failures[0])" | Should -Match 'spark-admin:people_read'
        "$($failures[0])" | Should -Match 'Service App'
    }

    It 'waits out a 429 in the middle of a list and loses no page' {
        $null = New-SimulatorMember -Count 150
        Add-SimulatorFault -Path '/people' -Status 429 -RetryAfterSeconds 1 -Times 1
        Clear-SimulatorRequest
        (Get-WebexCallingMember -Type Person).Count | Should -Be 151
        @(Get-DirectoryRequest | Where-Object status -eq 429).Count | Should -Be 1
    }

    It 'narrows by -LocationId, and its output is a whole admin script with Get-WebexCall and Stop-WebexCall' {
        $elsewhere = (Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'members') -ContentType 'application/json' -Body (@{ count = 2; activeCalls = 1; locationId = 'branch-1' } | ConvertTo-Json)).ids
        Clear-SimulatorRequest
        $members = Get-WebexCallingMember -LocationId 'branch-1'
        ($members.MemberId | Sort-Object) | Should -Be ($elsewhere | Sort-Object)
        (Get-DirectoryRequest | Where-Object path -like '/v1/people*')[0].rawTarget | Should -Be '/v1/people?callingData=true&max=50&locationId=branch-1'

        Get-WebexCallingMember -LocationId 'branch-1' -Type Person | Get-WebexCall | Where-Object State -eq Connected | Stop-WebexCall -Confirm:$false
        foreach ($member in $elsewhere) { Get-WebexCall -MemberId $member | Should -BeNullOrEmpty }
        @(Get-WebexCall -MemberId $Alice).Count | Should -Be 1   # another location's calls are untouched
    }

    It 'survives a job and a CSV round trip, and either pipes back into the call cmdlets' {
        $member = Get-WebexCallingMember -Email alice@example.com
        $fromJob = Start-Job { param($m) $m } -ArgumentList $member | Wait-Job | Receive-Job
        ($fromJob | Get-WebexCall).MemberId | Should -Be $Alice
        $csv = Join-Path $TestDrive 'members.csv'
        $member | Export-Csv $csv
        (Import-Csv $csv | Get-WebexCall).MemberId | Should -Be $Alice
        ($fromJob | Format-Table | Out-String -Width 80) | Should -Match 'Alice Example\s+Person'
    }

    It 'shows a table that fits 80 columns' {
        $text = Get-WebexCallingMember -Email alice@example.com | Format-Table | Out-String -Width 80
        $text | Should -Match 'DisplayName\s+Type\s+Email\s+Extension'
        $text | Should -Match 'Alice Example\s+Person\s+alice@example.com\s+6001'
    }
}

Describe 'An e-mail address wherever a member id goes' {
    BeforeEach { Initialize-Directory -AliceCalls 2 }

    It 'lists a member''s calls by address, and the calls carry the real member id' {
        $calls = Get-WebexCall -MemberId alice@example.com
        $calls.Count | Should -Be 2
        $calls.MemberId | Sort-Object -Unique | Should -Be $Alice
        (Get-SimulatorRequest).path | Should -Contain "/v1/telephony/calls/members/$Alice/calls"
    }

    It 'looks an address up once per connection' {
        $null = Get-WebexCall -MemberId alice@example.com
        $null = Get-WebexCall -MemberId ALICE@example.com
        @(Get-DirectoryRequest).Count | Should -Be 1
    }

    It 'acts on a call through the member an address names' {
        $call = (Get-WebexCall -MemberId $Alice)[0]
        Clear-SimulatorRequest
        Stop-WebexCall -CallId $call.CallId -MemberId alice@example.com -Confirm:$false
        (Get-SimulatorRequest | Where-Object method -eq POST).path | Should -Be "/v1/telephony/calls/members/$Alice/hangup"
    }

    It 'says which addresses name no member, before any call request, and the others go on' {
        $calls = Get-WebexCall -MemberId alice@example.com, nobody@example.com, bob@example.com -ErrorVariable failures -ErrorAction SilentlyContinue
        $calls.Count | Should -Be 2
        ($failures | Where-Object TargetObject -eq 'nobody@example.com').FullyQualifiedErrorId | Should -BeLike 'WebexMemberNotFound,*'
        ($failures | Where-Object TargetObject -eq 'bob@example.com').FullyQualifiedErrorId | Should -BeLike 'WebexMemberNotCalling,*'
        @(Get-SimulatorRequest | Where-Object path -like '/v1/telephony/calls/*').path | Should -Be @("/v1/telephony/calls/members/$Alice/calls")

        Clear-SimulatorRequest
        Stop-WebexCall -CallId whatever -MemberId nobody@example.com -Confirm:$false -ErrorVariable stopped -ErrorAction SilentlyContinue
        $stopped.FullyQualifiedErrorId | Should -BeLike 'WebexMemberNotFound,*'
        Get-SimulatorRequest | Where-Object path -like '/v1/telephony/*' | Should -BeNullOrEmpty
    }

    It 'never guesses a phone number or an extension as a member' {
        Get-WebexCall -MemberId '+14085556001' -ErrorAction SilentlyContinue
        Get-DirectoryRequest | Should -BeNullOrEmpty
        (Get-SimulatorRequest).rawTarget | Should -Contain '/v1/telephony/calls/members/%2B14085556001/calls'
    }
}
