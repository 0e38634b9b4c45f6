BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Reset-Simulator
    Connect-TestSimulator
    $script:Call = Invoke-WebexDial '+14085550100'
    $null = New-IncomingCall -Number '1234' -Name 'Front Desk'
    $script:Calls = Get-WebexCall
    $script:Copies = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($Calls))

    function Get-Table([object[]] $InputObject, [int] $Width) {
        ($InputObject | Format-Table | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() }
    }
}

Describe 'The CallSession table view' {
    It 'at <Width> columns shows a handle that tells calls apart, and only real properties' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        $lines = Get-Table $Calls $Width
        $lines[0] | Should -Match '^Handle\s+State\s+Direction\s+StartTime\s+Duration\s+RemoteParty$'
        $lines | Where-Object { $_.Length -gt $Width } | Should -BeNullOrEmpty
        $jane = $lines | Where-Object { $_ -match 'Jane Doe' }
        # The handle and the state are never cut (they are typed and filtered on); the remote party, last, has 19
        # columns at 80 and is cut there with an ellipsis, whole at 120.
        $party = if ($Width -ge 120) { 'Jane Doe <\+14085550100>$' } else { 'Jane Doe <\+1408' }
        $jane | Should -Match "^$([regex]::Escape($Call.Handle))\s+Connected\s+Outgoing\s+\d\d-\d\d \d\d:\d\d\s+\d\d:\d\d:\d\d\s+$party"
        $lines | Where-Object { $_ -match 'Front Desk' } | Should -Match '\s+Alerting\s+Incoming\s+'
        ($Calls.Handle | Sort-Object -Unique).Count | Should -Be 2
        # Every header is a property, so what is seen can be filtered, sorted and grouped.
        foreach ($header in -split $lines[0]) { $Calls[0].PSObject.Properties.Name | Should -Contain $header }
    }

    It 'lets a person act on what the table showed: filter by Direction, and type a handle' {
        (Get-WebexCall | Where-Object Direction -EQ Incoming).RemoteName | Should -Be 'Front Desk'
        (Get-WebexCall | Where-Object RemoteNumber -EQ '+14085550100').CallId | Should -Be $Call.CallId
        Clear-SimulatorRequest
        Set-WebexCallHold -CallId $Call.Handle -WhatIf   # the handle is taken for the call
        (Get-WebexCall -CallId $Call.Handle).CallId | Should -Be $Call.CallId
    }

    It 'is the default output' {
        ($Calls | Out-String -Width 120) | Should -Be ($Calls | Format-Table | Out-String -Width 120)
    }

    It 'looks the same for objects that came back from a job or a remote session' {
        $live = (Get-Table $Calls 120) -replace '\s+', ' '
        $remote = (Get-Table $Copies 120) -replace '\s+', ' '
        $remote | Should -Be $live
    }
}

Describe 'The CallSession list view' {
    It 'shows everything, with real properties' {
        $text = $Call | Format-List | Out-String -Width 120
        foreach ($label in 'CallId', 'Handle', 'CallSessionId', 'State', 'Direction', 'Personality', 'RemoteParty', 'RemoteName', 'RemoteNumber',
            'CallType', 'Appearance', 'StartTime', 'AnswerTime', 'Duration', 'Muted', 'MuteCapable', 'RecordingState', 'Redirections',
            'Recall', 'RawValues', 'MemberId', 'LineOwnerId', 'RetrievedAt') {
            $text | Should -Match "(?m)^$label\s+:"
        }
        $text | Should -Match 'RemoteParty\s+: Jane Doe <\+14085550100>'
        $text | Should -Match 'RawValues\s+: state=connected personality=originator callType=external'
    }

    It 'works for objects that came back from a job too' {
        ($Copies[0] | Format-List | Out-String) | Should -Match 'RemoteNumber\s+: \+14085550100'
    }
}

Describe 'The connection view' {
    It 'fits <Width> columns with every column, and the current one is starred' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        $connection = Get-WebexCallingConnection
        $lines = Get-Table $connection $Width
        $lines[0] | Should -Match '^Id\s+Mode\s+TokenKind\s+ExpiresAt\s+BaseUri$'
        $lines | Where-Object { $_.Length -gt $Width } | Should -BeNullOrEmpty
        $lines[2] | Should -Match "^$($connection.Id)\*\s+User\s+AccessToken\s+"
        ($connection | Format-List | Out-String -Width $Width) | Should -Match 'ConnectedAt\s+:'
    }
}

Describe 'What the table shows can be typed' {
    It 'shows Disconnected whole, and admin-mode handles whole, so each one typed finds its call (80 columns)' {
        $member = New-SimulatorMember
        $null = New-MemberCall -MemberId $member -Answered
        $null = New-MemberCall -MemberId $member -Answered
        $calls = @(Get-WebexCall -MemberId $member)
        $calls.Count | Should -Be 2
        $gone = $calls[0] | Stop-WebexCall -PassThru -Confirm:$false
        $lines = Get-Table (@($gone) + @($calls[1])) 80
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        ($lines -match '\sDisconnected\s').Count | Should -Be 1
        foreach ($call in $calls) {
            $call.Handle.Length | Should -BeLessOrEqual 16
            @($lines | Where-Object { $_.StartsWith($call.Handle + ' ') }).Count | Should -Be 1 -Because "$($call.Handle) must be shown whole"
        }
        (Get-WebexCall -MemberId $member -CallId $calls[1].Handle).CallId | Should -Be $calls[1].CallId
    }
}
