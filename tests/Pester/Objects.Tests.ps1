# Objects that leave the session (jobs, remoting, Export-Clixml, CSV, JSON) stay useful.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Reset-Simulator
    Connect-TestSimulator
    $script:Call = Invoke-WebexDial '+14085550100'
    $script:Ringing = New-SimulatorCall -Number '1234'
    $null = Set-WebexCallHold $Call
}

Describe 'A job round trip' {
    It 'keeps enum properties comparable by name (Where-Object State -eq Held)' {
        $fromJob = Start-Job -ScriptBlock { param($module, $uri, $token)
            Import-Module $module
            Connect-WebexCalling -BaseUri $uri -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force)
            Get-WebexCall
        } -ArgumentList (Get-TestModulePath), (Get-SimulatorUri), (Get-TestToken) | Receive-Job -Wait -AutoRemoveJob

        $fromJob.Count | Should -Be 2
        ($fromJob | Where-Object State -EQ Held).CallId | Should -Be $Call.CallId
        ($fromJob | Where-Object Direction -EQ Incoming).RemoteNumber | Should -Be '1234'
        $fromJob[0].State | Should -BeOfType ([WebexCalls.CallState])
        $fromJob[0].RemoteParty | Should -BeOfType ([WebexCalls.RemoteParty])
    }

    It 'Export-Clixml and Import-Clixml give the same' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-$([guid]::NewGuid()).xml"
        try {
            Get-WebexCall | Export-Clixml $file
            $back = Import-Clixml $file
            ($back | Where-Object State -EQ Held).CallId | Should -Be $Call.CallId
            ($back | Where-Object State -EQ Held).StartTime | Should -Be $Call.StartTime
            $history = Get-WebexCallHistory
            $history | Export-Clixml $file
            (Import-Clixml $file | Where-Object Type -EQ Placed).Number | Should -Contain '+14085550100'
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

Describe 'Export-Csv' {
    It 'gives flat, useful columns without calculated properties' {
        $rows = Get-WebexCall | ConvertTo-Csv | ConvertFrom-Csv
        $held = $rows | Where-Object State -EQ Held
        $held.CallId | Should -Be $Call.CallId
        $held.Handle | Should -Be $Call.Handle
        $held.RemoteName | Should -Be 'Jane Doe'
        $held.RemoteNumber | Should -Be '+14085550100'
        $held.Direction | Should -Be 'Outgoing'
        $held.Duration | Should -Match '^\d+$'
        $held.StartTime | Should -Not -BeNullOrEmpty
        ($rows | Get-Member -MemberType NoteProperty).Name | ForEach-Object {
            $rows.$_ | Where-Object { $_ -match '^WebexCalls\.|\[\]$' } | Should -BeNullOrEmpty -Because "column $_ must not hold a type name"
        }
    }

    It 'writes redirections as text' {
        $redirected = Invoke-RestMethod -Method Post -Uri (Get-ControlUri 'calls/incoming') -ContentType 'application/json' -Body '{"number":"+14085550101","redirectedFrom":"1234"}'
        $row = Get-WebexCall -CallId $redirected.id | ConvertTo-Csv | ConvertFrom-Csv
        $row.Redirections | Should -Be 'noAnswer by Front Desk <1234>'
    }
}

Describe 'ConvertTo-Json' {
    It 'keeps the raw names beside the numbers, and -EnumsAsStrings gives names' {
        $json = Get-WebexCall -CallId $Call.CallId | ConvertTo-Json -Depth 3 | ConvertFrom-Json
        $json.RawState | Should -Be 'held'
        ((Get-WebexCall -CallId $Call.CallId | ConvertTo-Json -Depth 3 -EnumsAsStrings) | ConvertFrom-Json).State | Should -Be 'Held'
    }
}

Describe 'What -WhatIf and -Confirm say' {
    BeforeAll {
        function Get-WhatIf([scriptblock] $Command) {
            # What if: lines go to the host, so a transcript is what sees them.
            $file = Join-Path ([IO.Path]::GetTempPath()) "webexcalls-whatif-$([guid]::NewGuid()).txt"
            Start-Transcript -Path $file -UseMinimalHeader | Out-Null
            try { & $Command | Out-Null } finally { Stop-Transcript | Out-Null }
            Get-Content $file -Raw
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }

    It 'names who is on the call and its state' {
        Get-WhatIf { Get-WebexCall -CallId $Call.CallId | Stop-WebexCall -WhatIf } | Should -Match 'What if: Hang up the call with Jane Doe <\+14085550100> \(Held\)\.'
        Get-WhatIf { Receive-WebexCall -CallId $Ringing.id -WhatIf } | Should -Match 'What if: Answer the call with Front Desk <1234> \(Alerting\)\.'
    }

    It 'names the call by its handle when it has not been seen' {
        Get-WhatIf { Stop-WebexCall -CallId 'Y2lzY29zcGFyazovL3VzL0NBTEwvdW5zZWVuLTk5OjA' -WhatIf } | Should -Match 'What if: Hang up call unseen-99\.'
    }
}
