# Whose calls: one resolver and one shape for every call cmdlet (issue 16). Every cmdlet that has -MemberId gets -OrgId
# without -MemberId, -MemberId with -LineOwnerId, and (where it acts for one owner) two members; each is the same
# non-terminating WebexInvalidScope error, naming the parameter, with nothing sent. The cmdlets are found in the
# module, so a new one is covered the day it is added. The shape is checked too: the owner parameters are declared
# once, and no cmdlet sits more than two abstract bases below PSCmdlet.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    # The cmdlets that read or act for many members at once; the others act for one owner.
    $script:ManyMembers = 'Get-WebexCall', 'Get-WebexCallHistory', 'Watch-WebexCall', 'Set-WebexCallWrapUp', 'Get-WebexConference'
    $script:Cases = foreach ($command in Get-Command -Module WebexCalls -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('MemberId') } | Sort-Object Name) {
        $arguments = Get-RequiredArguments $command.Name
        if ($command.Parameters['CallId'].Attributes | Where-Object { $_ -is [Parameter] -and $_.Mandatory }) { $arguments.CallId = 'call-ok' }
        if ($command.Parameters.ContainsKey('Confirm')) { $arguments.Confirm = $false }
        @{ Cmdlet = $command.Name; Arguments = $arguments; Many = $command.Name -in $ManyMembers }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Reset-Simulator
    Connect-TestSimulator

    function Invoke-Refused([string] $Cmdlet, [hashtable] $Arguments) {
        Clear-SimulatorRequest
        $errors = [System.Collections.Generic.List[object]]::new()
        $terminated = $null
        try { $null = & $Cmdlet @Arguments -ErrorAction SilentlyContinue -ErrorVariable +errors 3>$null }
        catch { $terminated = $_ }
        [pscustomobject]@{ Errors = $errors; Terminated = $terminated; Sent = @(Get-SimulatorRequest | Where-Object path -Like '/v1/*') }
    }
}

Describe '<Cmdlet>: whose calls' -ForEach $Cases {
    It '-OrgId without -MemberId is a non-terminating WebexInvalidScope error, with nothing sent' {
        $result = Invoke-Refused $Cmdlet ($Arguments + @{ OrgId = 'org-1' })
        $result.Terminated | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidScope,*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($result.Errors[0])" | Should -Match '-OrgId names the organisation of a member'
        $result.Sent | Should -BeNullOrEmpty
    }

    It '-MemberId with -LineOwnerId is the same error, with nothing sent' {
        $result = Invoke-Refused $Cmdlet ($Arguments + @{ MemberId = 'member-1'; LineOwnerId = 'line-1' })
        $result.Terminated | Should -BeNullOrEmpty
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidScope,*'
        $result.Sent | Should -BeNullOrEmpty
    }

    It 'two members are refused where the cmdlet acts for one, and read for each where it reads for many' {
        $result = Invoke-Refused $Cmdlet ($Arguments + @{ MemberId = 'member-1', 'member-2' })
        if ($Many) {
            @($result.Errors | Where-Object FullyQualifiedErrorId -Like 'WebexInvalidScope,*') | Should -BeNullOrEmpty
        }
        else {
            $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidScope,*'
            "$($result.Errors[0])" | Should -Match 'one member at a time'
            $result.Sent | Should -BeNullOrEmpty
        }
    }

    It 'declares its owner and connection parameters in one place, the shared base' {
        $type = (Get-Command $Cmdlet).ImplementingType
        foreach ($name in 'MemberId', 'OrgId', 'LineOwnerId', 'Connection', 'ThrottleLimit') {
            $type.GetProperty($name).DeclaringType.Name | Should -Be 'WebexCallCmdlet' -Because "-$name is declared once"
        }
    }
}

Describe 'The cmdlet layer' {
    It 'puts every cmdlet at most two abstract bases below PSCmdlet' {
        foreach ($command in Get-Command -Module WebexCalls -CommandType Cmdlet) {
            $bases = @()
            $type = $command.ImplementingType.BaseType
            while ($type -ne [System.Management.Automation.PSCmdlet]) { $bases += $type.Name; $type = $type.BaseType }
            $bases.Count | Should -BeLessOrEqual 2 -Because "$($command.Name) sits under $($bases -join ' < ')"
            $command.ImplementingType.IsSealed | Should -BeTrue
        }
    }

    It 'refuses -LineOwnerId where Webex has no secondary-line route (history, wrap-up), before any request' {
        foreach ($case in @{ Cmdlet = 'Get-WebexCallHistory'; Arguments = @{} }, @{ Cmdlet = 'Set-WebexCallWrapUp'; Arguments = @{ Reason = 'Sales'; Confirm = $false } }) {
            $result = Invoke-Refused $case.Cmdlet ($case.Arguments + @{ LineOwnerId = 'line-1' })
            $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidScope,*'
            "$($result.Errors[0])" | Should -Match 'no secondary-line form'
            $result.Sent | Should -BeNullOrEmpty
        }
    }

    It 'Set-WebexCallWrapUp without a member says it is for members only' {
        $result = Invoke-Refused 'Set-WebexCallWrapUp' @{ Reason = 'Sales'; Confirm = $false }
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'WebexInvalidScope,*'
        "$($result.Errors[0])" | Should -Match 'is for members only'
        $result.Sent | Should -BeNullOrEmpty
    }

    It 'Set-WebexCallWrapUp sets the reasons for several members at once' {
        $members = (New-SimulatorMember), (New-SimulatorMember)
        Clear-SimulatorRequest
        Set-WebexCallWrapUp -MemberId $members -Reason 'Billing' -Confirm:$false -ErrorAction SilentlyContinue
        @(Get-SimulatorRequest | Where-Object path -Like '*/wrapupreasons').Count | Should -Be 2
    }
}
