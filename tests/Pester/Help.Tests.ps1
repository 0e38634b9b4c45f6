# The help a person reads: INPUTS and default values filled from the code, Get-Help -Online that goes somewhere, the
# rendered reference kept current, every ErrorId the module can emit in the error table and its help topic, and
# documentation whose links all lead somewhere.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # The cmdlets come from the module itself (its manifest is written from the assembly): no list is kept by hand.
    $script:AllCmdlets = (Get-Command -Module WebexCalls -CommandType Cmdlet).Name | Sort-Object
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Repo = Split-Path (Split-Path $PSScriptRoot)
    $script:Reference = Get-Content (Join-Path $Repo 'docs/cmdlets.md') -Raw
}

Describe 'Help for <_>' -ForEach $AllCmdlets {
    BeforeAll { $script:Help = Get-Help $_ -Full }

    It 'names only parameters that exist in its examples (every WebexCalls command in them)' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($code in $Help.examples.example.code) {
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $null, [ref] $null)
            foreach ($call in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                $command = Get-Command $call.GetCommandName() -Module WebexCalls -ErrorAction SilentlyContinue
                if (-not $command) { continue }
                $names = @($command.Parameters.Keys) + @($command.Parameters.Values.Aliases) + $common
                foreach ($given in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                    # PowerShell takes any unambiguous prefix of a name.
                    @($names | Where-Object { $_ -like "$($given.ParameterName)*" }).Count | Should -BeGreaterThan 0 -Because "'$code' gives $($command.Name) -$($given.ParameterName)"
                }
            }
        }
    }

    It 'fills INPUTS from the parameters that take pipeline input' {
        $piped = (Get-Command $_).Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } }
        if ($piped) {
            @($Help.inputTypes.inputType).Count | Should -BeGreaterThan 0
            ($Help.inputTypes.inputType.type.name) | Should -Not -BeNullOrEmpty
        }
    }

    It 'gives every parameter a default value' {
        foreach ($parameter in $Help.parameters.parameter) {
            "$($parameter.defaultValue)" | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs its default"
        }
    }

    It 'has an online version in docs/cmdlets.md' {
        $uri = (Get-Command $_).HelpUri
        $uri | Should -Match '^https://.*/docs/cmdlets\.md#'
        $Reference | Should -Match "(?m)^## $_$"
        ($uri -split '#')[1] | Should -Be $_.ToLowerInvariant()
        ($Help.relatedLinks.navigationLink | Where-Object uri).uri | Should -Be $uri
    }
}

Describe 'The help' {
    It 'shows the defaults the code has' {
        ((Get-Help Invoke-WebexDial -Parameter TimeoutSec).defaultValue) | Should -Be '60'
        ((Get-Help Get-WebexCall -Parameter ThrottleLimit).defaultValue) | Should -Be '10'
        ((Get-Help Connect-WebexCalling -Parameter BaseUri).defaultValue) | Should -Be 'https://webexapis.com/v1'
    }

    It 'shows the safe ways to give a token first' {
        $first = (Get-Help Connect-WebexCalling -Examples).examples.example[0].code
        $first | Should -Match 'Read-Host -AsSecureString'
        (Get-Help Connect-WebexCalling -Examples).examples.example.code | Where-Object { $_ -match '\$env:WEBEX_ACCESS_TOKEN\s*=' } | Should -BeNullOrEmpty
    }

    It 'docs/cmdlets.md is current (run ./build.ps1 Docs after changing a cmdlet''s documentation)' {
        $rendered = Join-Path (Split-Path (Split-Path (Get-TestModulePath))) 'docs/cmdlets.md'
        (Get-Content $rendered -Raw) | Should -Be $Reference
    }
}

Describe 'The operation table' {
    It 'docs/operations.md is current (run ./build.ps1 Docs after changing the table or a cmdlet''s [WebexOperation])' {
        $current = Get-Content (Join-Path $Repo 'docs/operations.md') -Raw
        $current | Should -Be ([WebexCalls.Commands.OperationReference]::ToMarkdown())
    }

    It 'gives every Call Controls operation a cmdlet, and names only operations the table has' {
        $names = [WebexCalls.Commands.OperationReference]::OperationNames()
        foreach ($name in $names) {
            [WebexCalls.Commands.OperationReference]::CmdletsFor($name) | Should -Not -BeNullOrEmpty -Because "$name needs a cmdlet"
        }
        foreach ($command in Get-Command -Module WebexCalls) {
            $attribute = $command.ImplementingType.GetCustomAttributes([WebexCalls.Commands.WebexOperationAttribute], $false)
            foreach ($name in $attribute.Operations) { $names | Should -Contain $name -Because "$($command.Name) names it" }
        }
    }
}

Describe 'The error table' {
    It 'lists every ErrorId the module can emit, in docs/objects-and-errors.md and in about_WebexCalls_Errors' {
        $sources = Get-ChildItem (Join-Path $Repo 'src/WebexCalls.PowerShell') -Filter *.cs -Recurse | Get-Content -Raw
        # Quoted Webex... text that is not a cmdlet's noun (read from the module), a doc comment's cref, or a type name.
        $nouns = (Get-Command -Module WebexCalls).Noun
        $ids = [regex]::Matches(($sources -join "`n"), '(?<!cref=)"(Webex[A-Z][A-Za-z]+)"') | ForEach-Object { $_.Groups[1].Value } |
            Where-Object { $_ -notin $nouns -and $_ -notin 'WebexApiException', 'WebexCalls' } |
            Sort-Object -Unique
        $ids.Count | Should -BeGreaterThan 15
        $table = Get-Content (Join-Path $Repo 'docs/objects-and-errors.md') -Raw
        $topic = Get-Help about_WebexCalls_Errors | Out-String
        foreach ($id in $ids) {
            $table | Should -Match "(?m)^\|[^\n]*``$id``[^\n]*\|" -Because "$id can be emitted"
            $topic | Should -Match "\b$id\b" -Because "$id can be emitted"
        }
    }
}

Describe 'The documentation' {
    It 'keeps the README a front door: at most 250 lines' {
        @(Get-Content (Join-Path $Repo 'README.md')).Count | Should -BeLessOrEqual 250
    }

    It 'has no broken relative link or anchor in the README, CONTRIBUTING.md or docs/' {
        # GitHub's anchors: a heading lower-cased, punctuation dropped, spaces as hyphens.
        function Get-Anchor([string] $Path) {
            Get-Content $Path | Where-Object { $_ -match '^#{1,6} ' } | ForEach-Object {
                (($_ -replace '^#+ ', '').ToLowerInvariant() -replace '[^\p{L}\p{N} _-]', '' -replace ' ', '-')
            }
        }
        $files = @(Get-Item (Join-Path $Repo 'README.md'), (Join-Path $Repo 'CONTRIBUTING.md')) + @(Get-ChildItem (Join-Path $Repo 'docs') -Filter *.md)
        $broken = foreach ($file in $files) {
            $text = Get-Content $file.FullName -Raw
            foreach ($link in [regex]::Matches($text, '\]\(([^)\s]+)\)')) {
                $target = $link.Groups[1].Value
                if ($target -match '^(https?|mailto):') { continue }
                $path, $anchor = $target -split '#', 2
                $resolved = if ($path) { Join-Path $file.DirectoryName $path } else { $file.FullName }
                if (-not (Test-Path $resolved)) { "$($file.Name): $target (no such file)"; continue }
                if ($anchor -and (Test-Path $resolved -PathType Leaf) -and $anchor -notin (Get-Anchor $resolved)) { "$($file.Name): $target (no such heading)" }
            }
        }
        @($broken) | Should -BeNullOrEmpty
    }

    It 'ships every about_WebexCalls topic, and Get-Help reads each' -ForEach @(
        @{ Topic = 'about_WebexCalls' }, @{ Topic = 'about_WebexCalls_AdminMode' }, @{ Topic = 'about_WebexCalls_Errors' },
        @{ Topic = 'about_WebexCalls_RateLimits' }, @{ Topic = 'about_WebexCalls_Watching' }, @{ Topic = 'about_WebexCalls_Events' }
    ) {
        (Get-Help $Topic | Out-String) | Should -Match 'SHORT DESCRIPTION|LONG DESCRIPTION'
        Test-Path (Join-Path (Split-Path (Get-TestModulePath)) "en-US/$Topic.help.txt") | Should -BeTrue
    }
}
