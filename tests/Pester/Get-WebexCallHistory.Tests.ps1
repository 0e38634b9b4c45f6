BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Get-WebexCallHistory' {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator
        $null = Invoke-WebexDial '+14085550100'
        Start-Sleep -Milliseconds 20
        $missed = New-SimulatorCall -Number 1234
        Stop-WebexCall $missed.id
        Start-Sleep -Milliseconds 20
        Get-WebexCall | Where-Object State -EQ Alerting | Out-Null
        $received = New-SimulatorCall -Number '+14085550101'
        Receive-WebexCall $received.id
        Clear-SimulatorRequest
    }

    It 'returns every record, newest first, as CallHistoryRecord objects' {
        $history = Get-WebexCallHistory
        $history | Should -HaveCount 3
        $history[0] | Should -BeOfType ([WebexCalls.CallHistoryRecord])
        $history.Type | Should -Be @('Received', 'Missed', 'Placed')
        $history[1].Name | Should -Be 'Front Desk'
        $history[0].Time | Should -BeGreaterThan $history[2].Time
        (Get-SimulatorRequest).query | Should -BeNullOrEmpty
    }

    It 'filters by one type in the request, and merges several' {
        (Get-WebexCallHistory -Type Missed).Number | Should -Be '1234'
        (Get-SimulatorRequest)[-1].query | Should -Be '?type=missed'
        (Get-WebexCallHistory -Type Placed, Received).Type | Should -Be @('Received', 'Placed')
    }

    It 'has a table view and exports flat to CSV' {
        $table = Get-WebexCallHistory | Format-Table | Out-String -Width 80
        $table | Should -Match 'Time\s+Type\s+Name\s+Number'
        $table | Should -Match 'Missed\s+Front Desk\s+1234'
        $csv = Get-WebexCallHistory | ConvertTo-Csv | ConvertFrom-Csv
        $csv[1].Number | Should -Be '1234'
        $csv[1].Type | Should -Be 'Missed'
    }

    It 'refuses an unknown type before any request' {
        Clear-SimulatorRequest
        { Get-WebexCallHistory -Type Unknown } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WebexCalls.Commands.GetWebexCallHistoryCommand'
        Get-SimulatorRequest | Should -BeNullOrEmpty
    }
}
