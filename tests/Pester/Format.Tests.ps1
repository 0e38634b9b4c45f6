BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Reset-Simulator
    Connect-TestSimulator
    $script:Call = Invoke-WebexDial '+14085550100'
    $null = New-IncomingCall -Number '1234' -Name 'Front Desk'
    $script:Calls = Get-WebexCall
    $script:Deserialized = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($Calls))
}

Describe 'The CallSession table view' {
    It 'shows state, remote party, direction, start, duration and call id, in 120 columns' {
        $lines = ($Calls | Format-Table | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^State\s+RemoteParty\s+Direction\s+Started\s+Duration\s+CallId'
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        $row = $lines | Where-Object { $_ -match 'Jane Doe' }
        $row | Should -Match '^Connected\s+Jane Doe <\+14085550100>\s+Outgoing\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d\d:\d\d:\d\d\s+\S+'
        $lines | Where-Object { $_ -match 'Front Desk <1234>' } | Should -Match '^Alerting\s+Front Desk <1234>\s+Incoming'
    }

    It 'is the default output' {
        ($Calls | Out-String -Width 120) | Should -Be ($Calls | Format-Table | Out-String -Width 120)
    }

    It 'looks the same for objects that came back deserialized (jobs, remoting)' {
        $Deserialized[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.WebexCalls.CallSession'
        $live = ($Calls | Format-Table | Out-String -Width 120) -replace '\s+', ' '
        $remote = ($Deserialized | Format-Table | Out-String -Width 120) -replace '\s+', ' '
        $remote | Should -Be $live
    }
}

Describe 'The CallSession list view' {
    It 'shows everything' {
        $text = $Call | Format-List | Out-String -Width 120
        foreach ($label in 'CallId', 'CallSessionId', 'State', 'Personality', 'RemoteParty', 'RemotePartyNumber', 'RemotePartySipAddress',
            'CallType', 'Appearance', 'StartTime', 'AnswerTime', 'Duration', 'Muted', 'MuteCapable', 'RecordingState', 'Redirections',
            'Recall', 'RawValues', 'RetrievedAt') {
            $text | Should -Match "(?m)^$label\s+:"
        }
        $text | Should -Match 'RemoteParty\s+: Jane Doe <\+14085550100>'
        $text | Should -Match 'RawValues\s+: state=connected personality=originator callType=external'
    }

    It 'works for deserialized objects too' {
        ($Deserialized[0] | Format-List | Out-String) | Should -Match 'RemotePartyNumber\s+: \+14085550100'
    }
}
