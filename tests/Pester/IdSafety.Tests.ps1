# No id can reach another path: every id-taking parameter of every cmdlet (found in the module itself, so a new one is
# covered the day it is added) gets values a URI parser could turn into another route, or that no Webex id can be.
# The simulator's log (the raw target, escapes and all) must show each request at exactly the route a harmless id
# takes, with the value escaped in its place, or no request at all. Issue 15: -MemberId '..' made the admin's own
# phone dial, and -CallId '..' read /v1/telephony/.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $idParameters = 'CallId', 'TargetCallId', 'MemberId', 'OrgId', 'LineOwnerId', 'EndpointId'
    # Owner parameters a cmdlet refuses whatever their value (Webex has no secondary-line history or wrap-up): nothing
    # is sent with a harmless id either. Scopes.Tests.ps1 checks that refusal.
    # The same for the conference actions Webex gives no lineOwnerId (mute, deafen, the supervisor modes).
    $refused = @{ 'Get-WebexCallHistory' = 'LineOwnerId'; 'Set-WebexCallWrapUp' = 'LineOwnerId'; 'Set-WebexConferenceMute' = 'LineOwnerId'
        'Set-WebexConferenceDeafen' = 'LineOwnerId'; 'Set-WebexConferenceMode' = 'LineOwnerId' }
    $script:Cases = foreach ($command in Get-Command -Module WebexCalls -CommandType Cmdlet | Sort-Object Name) {
        # A webhook's -Id is an id too (it goes into /webhooks/{webhookId}); elsewhere no cmdlet has a bare -Id.
        $idsHere = $idParameters + @(if ($command.Noun -like '*Webhook') { 'Id' })
        foreach ($name in $idsHere | Where-Object { $command.Parameters.ContainsKey($_) -and $refused[$command.Name] -ne $_ }) {
            # What it needs besides the id under test; ids it requires get a harmless value (wrap-up needs a member).
            $arguments = Get-RequiredArguments $command.Name
            if ($command.Name -eq 'Set-WebexCallWrapUp') { $arguments.MemberId = 'member-ok' }
            $callIdIsMandatory = $command.Parameters['CallId'].Attributes | Where-Object { $_ -is [Parameter] -and $_.Mandatory }
            if ($name -ne 'CallId' -and $callIdIsMandatory -and -not $arguments.ContainsKey('CallId')) { $arguments.CallId = 'call-ok' }
            if ($name -eq 'OrgId' -and $command.Parameters.ContainsKey('MemberId')) { $arguments.MemberId = 'member-ok' }      # an organisation goes with a member
            if ($name -eq 'TargetCallId') { $arguments.Remove('TargetCallId') }
            if ($command.Parameters.ContainsKey('Confirm')) { $arguments.Confirm = $false }
            @{ Cmdlet = $command.Name; Parameter = $name; Arguments = $arguments }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Placeholder = 'PLACEHOLDER'
    # The values issue 15 lists: dot segments, escaped ones, separators, a query and a fragment, whitespace, control
    # characters, 10,000 characters, non-ASCII text.
    $script:Hostile = @('.', '..', '%2e%2e', '../x', 'a/../../b', '?x=1', '#', 'a b', "a$([char]1)b", ('x' * 10000), 'Jürgen-通話', '   ')

    function Invoke-WithId([string] $Cmdlet, [hashtable] $Arguments, [string] $Parameter, [string] $Value) {
        Clear-SimulatorRequest
        $all = $Arguments.Clone()
        # A parameter that needs several values (a conference starts from two calls) keeps its others.
        $all[$Parameter] = if ($Arguments[$Parameter] -is [array]) { @($Value) + @($Arguments[$Parameter] | Select-Object -Skip 1) } else { $Value }
        $errors = [System.Collections.Generic.List[object]]::new()
        try { $null = & $Cmdlet @all -ErrorAction SilentlyContinue -ErrorVariable +errors 3>$null }
        catch { $errors.Add($_) }
        [pscustomobject]@{ Sent = @(Get-SimulatorRequest | Where-Object path -Like '/v1/*'); Errors = $errors }
    }
}

Describe '<Cmdlet> -<Parameter>' -ForEach $Cases {
    BeforeAll {
        Reset-Simulator
        Connect-TestSimulator
        $script:Reference = Invoke-WithId $Cmdlet $Arguments $Parameter $Placeholder
    }

    It 'sends a harmless id to its route (the reference)' {
        $Reference.Sent.Count | Should -BeGreaterThan 0
        ($Reference.Sent.rawTarget + $Reference.Sent.body) -join ' ' | Should -Match $Placeholder
    }

    It 'sends each hostile value only to that route, escaped, or not at all' {
        foreach ($value in $Hostile) {
            $tried = Invoke-WithId $Cmdlet $Arguments $Parameter $value
            # The reference's targets, the value escaped where the placeholder was; a call the simulator issued (the
            # read-back of a new call) may have another id each time, so any such id stands for any other.
            $allowed = @($Reference.Sent.rawTarget | ForEach-Object {
                    '^' + ([regex]::Escape($_.Replace($Placeholder, [uri]::EscapeDataString($value))) -replace 'Y2lzY29zcGFyazovL[A-Za-z0-9_-]+', '[^/?]+') + '$' })
            $shown = if ($value.Length -gt 20) { $value.Substring(0, 20) + '...' } else { $value }
            foreach ($request in $tried.Sent) {
                @($allowed | Where-Object { $request.rawTarget -match $_ }).Count | Should -BeGreaterThan 0 -Because "-$Parameter '$shown' may only go where a harmless id goes, not $($request.rawTarget)"
            }
            if ($tried.Sent.Count -eq 0) {
                $tried.Errors.Count | Should -BeGreaterThan 0 -Because "-$Parameter '$shown' sent nothing, so the user must be told"
                $invalid = @($tried.Errors | Where-Object { "$($_.FullyQualifiedErrorId)" -like 'WebexInvalidId*' })
                $invalid.Count | Should -BeGreaterThan 0 -Because "-$Parameter '$shown' is no Webex id: $($tried.Errors[0])"
                $invalid[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
                "$($invalid[0])" | Should -Match "-$([regex]::Escape($(if ($Parameter -eq 'TargetCallId') { 'TargetCallId' } else { $Parameter })))"
                "$($invalid[0])".Length | Should -BeLessThan 500 -Because 'a long value is quoted short'
                "$($invalid[0].TargetObject)".Length | Should -BeLessThan 200
            }
        }
    }
}
