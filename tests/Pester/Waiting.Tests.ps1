# Waiting costs nothing and says only what changed: a fan-out writes progress when it changes (counted, never timed:
# the old loop wrote millions of records in a [powershell]::Create() runspace), shows a real total when it is known
# and a count when input is piped; a refused token ends a fan-out with one terminating error; -Debug never prompts.
# CPU while waiting is measured by bench/Waiting.Bench.ps1, not here: these machines are shared and noisy.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Invoke-InRunspace([scriptblock] $Script, [object[]] $Arguments = @()) {
        # A host-less runspace, as schedulers and C# hosts run scripts: it keeps every progress record, and it cannot
        # prompt, so a cmdlet that asks a question fails there as in a non-interactive host.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'").AddStatement().AddScript($Script)
            foreach ($argument in $Arguments) { $null = $ps.AddArgument($argument) }
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Progress = @($ps.Streams.Progress); Errors = @($ps.Streams.Error); Debug = @($ps.Streams.Debug); Failed = $ps.HadErrors }
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Progress of a fan-out' {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator
        $script:Members = New-SimulatorMember -Count 12
        Set-SimulatorLatency -Method GET -Path '/telephony/calls/members' -DelayMs 400
    }
    AfterAll { Reset-Simulator }

    It 'is written when it changes, at most twice per item, with the real total when -MemberId names them all' {
        $run = Invoke-InRunspace { param($m) Get-WebexCall -MemberId $m -ThrottleLimit 4 } -Arguments (, $Members)
        $run.Errors | Should -BeNullOrEmpty
        $fanOut = @($run.Progress | Where-Object ActivityId -EQ 0x5EBE)
        $fanOut.Count | Should -BeGreaterThan 0
        # Each record follows a change (an item started or finished) or is the last: never a record per wake-up.
        $fanOut.Count | Should -BeLessOrEqual (2 * $Members.Count + 1)
        $running = @($fanOut | Where-Object RecordType -EQ Processing)
        $running | ForEach-Object { $_.StatusDescription | Should -Match "^\d+ of $($Members.Count) done$" }
        $running | ForEach-Object { $_.PercentComplete | Should -BeGreaterOrEqual 0 }
        $fanOut[-1].RecordType | Should -Be 'Completed'
    }

    It 'shows a count, not a percentage, when the items come from the pipeline' {
        $run = Invoke-InRunspace { param($m) $m | ForEach-Object { [pscustomobject]@{ PersonId = $_ } } | Get-WebexCall -ThrottleLimit 4 } -Arguments (, $Members)
        $run.Errors | Should -BeNullOrEmpty
        $running = @($run.Progress | Where-Object { $_.ActivityId -eq 0x5EBE -and $_.RecordType -eq 'Processing' })
        $running.Count | Should -BeGreaterThan 0
        $running.Count | Should -BeLessOrEqual (2 * $Members.Count)
        $running | ForEach-Object { $_.PercentComplete | Should -Be -1; $_.StatusDescription | Should -Match '^\d+ done, \d+ running$' }
    }
}

Describe 'A refused token in a fan-out' {
    BeforeEach {
        Reset-Simulator
        Connect-TestSimulator
        $script:Members = New-SimulatorMember -Count 40
        $null = New-SimulatorCall -Answered
        Clear-SimulatorRequest
        Add-SimulatorFault -Path '/telephony/calls' -Status 401 -Body '{"message":"The request requires a valid access token set in the Authorization request header.","trackingId":"T401"}' -Times 0
    }
    AfterAll { Reset-Simulator }

    It 'ends <Shape> with one terminating WebexUnauthorized, after the requests in flight, not one error per item' -ForEach @(
        @{ Shape = 'a fan-out over -MemberId'; Run = { Get-WebexCall -MemberId $Members -ThrottleLimit 5 } }
        @{ Shape = 'piped rows of people'; Run = { $Members | ForEach-Object { [pscustomobject]@{ PersonId = $_ } } | Get-WebexCall -ThrottleLimit 5 } }
        @{ Shape = 'piped call ids'; Run = { 1..40 | ForEach-Object { "call-$_" } | Set-WebexCallHold -ThrottleLimit 5 -Confirm:$false } }
    ) {
        $nonTerminating = $null
        $err = { & $Run -ErrorVariable nonTerminating -ErrorAction SilentlyContinue } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'WebexUnauthorized,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.TrackingId | Should -Be 'T401'
        $err.TargetObject | Should -Not -BeNullOrEmpty
        @($nonTerminating | Where-Object { $_ -ne $err -and "$($_.FullyQualifiedErrorId)" -like 'WebexUnauthorized*' }) | Should -BeNullOrEmpty
        # At most the work already in flight when the first 401 came: far fewer than 40.
        @(Get-SimulatorRequest | Where-Object path -Like '/v1/*').Count | Should -BeLessOrEqual 10
        "$err" | Should -Not -Match ([regex]::Escape((Get-TestToken)))
    }
}

Describe '-Debug' {
    BeforeAll { Reset-Simulator; Connect-TestSimulator }

    It 'never asks before a verbose line, so a host that cannot ask still gets the dialled call, and every line' {
        $run = Invoke-InRunspace { Invoke-WebexDial 1234 -Debug }
        $run.Failed | Should -BeFalse -Because "$($run.Errors)"
        $run.Output.Count | Should -Be 1
        $run.Output[0].CallId | Should -Not -BeNullOrEmpty
        $lines = $run.Debug.Message
        $lines | Where-Object { $_ -match '^POST /telephony/calls/dial body: ' } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -match '^POST /telephony/calls/dial -> 201 in \d+ ms' } | Should -Not -BeNullOrEmpty
    }

    It 'with -Verbose too, writes the verbose lines to the verbose stream as usual' {
        $run = Invoke-InRunspace { Get-WebexCall -Debug -Verbose }
        $run.Failed | Should -BeFalse
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'").AddStatement().AddScript('Get-WebexCall -Debug -Verbose')
            $null = $ps.Invoke()
            @($ps.Streams.Verbose | Where-Object Message -Match '^GET /telephony/calls -> 200').Count | Should -Be 1
        }
        finally { $ps.Dispose() }
    }
}
