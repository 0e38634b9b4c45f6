BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:ModulePath = Get-TestModulePath
    Import-Module $ModulePath -Force
    # Every [Cmdlet] class in the assembly: the manifest's export list is written from them at build time.
    $assembly = [WebexCalls.Commands.WebexCallCmdlet].Assembly
    $script:Cmdlets = $assembly.GetExportedTypes() | Where-Object { -not $_.IsAbstract } | ForEach-Object {
        $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
        if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
    } | Sort-Object
    $script:Repo = Split-Path (Split-Path $PSScriptRoot)
}

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:AllCmdlets = (Get-Command -Module WebexCalls -CommandType Cmdlet).Name | Sort-Object
    # Rules, not lists: what these verbs do changes nothing at Webex (sign-in is local, reads and waits only read);
    # every other verb changes a call, so must support -WhatIf and -Confirm.
    $readingVerbs = 'Connect', 'Disconnect', 'Get', 'Watch', 'Wait', 'ConvertFrom'
    $script:Changers = $AllCmdlets | Where-Object { $readingVerbs -notcontains ($_ -split '-')[0] }
    # -PassThru on a call returns the call.
    # (A conference action's -PassThru returns the conference instead.)
    $script:CallReturning = $AllCmdlets | Where-Object { $_ -notlike '*-WebexConference*' -and (Get-Command $_).Parameters.ContainsKey('PassThru') -and (Get-Command $_).Parameters.ContainsKey('CallId') }
}

Describe 'The built module' {
    It 'has a manifest that Test-ModuleManifest accepts, with the version stamped' {
        $manifest = Test-ModuleManifest $ModulePath
        $manifest.Version | Should -Not -BeNullOrEmpty
        (Get-Content $ModulePath -Raw) | Should -Not -Match '\{\{ModuleVersion\}\}'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'Webex'
        $manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
    }

    It 'exports exactly the cmdlet classes of its assembly, and the reference and the README name each of them' {
        (Get-Command -Module WebexCalls).Name | Sort-Object | Should -Be $Cmdlets
        $reference = Get-Content (Join-Path $Repo 'docs/cmdlets.md') -Raw
        $readme = Get-Content (Join-Path $Repo 'README.md') -Raw
        foreach ($name in $Cmdlets) {
            $reference | Should -Match "(?m)^## $name$" -Because 'docs/cmdlets.md is rendered from the assembly (./build.ps1 Docs)'
            $readme | Should -Match ([regex]::Escape($name)) -Because 'the README lists the cmdlets by task'
        }
    }

    It 'ships the shared assemblies in its root, the engine in engine/, and never System.Management.Automation.dll' {
        $folder = Split-Path $ModulePath
        (Get-ChildItem $folder -Filter '*.dll').Name | Sort-Object |
            Should -Be @('WebexCalls.Loader.dll', 'WebexCalls.Model.dll', 'WebexCalls.PowerShell.dll')
        $engine = Join-Path $folder 'engine'
        Test-Path (Join-Path $engine 'WebexCalls.Client.dll') | Should -BeTrue
        Test-Path (Join-Path $engine 'System.Text.Json.dll') | Should -BeTrue
        Test-Path (Join-Path $engine 'Microsoft.Extensions.Http.dll') | Should -BeTrue
        Get-ChildItem $folder -Filter 'System.Management.Automation.dll' -Recurse | Should -BeNullOrEmpty
        Test-Path (Join-Path $folder 'en-US/about_WebexCalls.help.txt') | Should -BeTrue
    }

    It 'names its types after their assembly: WebexCalls in the model, WebexCalls.Commands in the cmdlets' {
        @([WebexCalls.CallSession].Assembly.GetExportedTypes().Namespace | Sort-Object -Unique) | Should -Be @('WebexCalls')
        @([WebexCalls.Commands.WebexCallCmdlet].Assembly.GetExportedTypes().Namespace | Sort-Object -Unique) | Should -Be @('WebexCalls.Commands')
    }

    It 'still resolves the type names scripts used before 0.2, as obsolete aliases' {
        [WebexCalls.Client.WebexApiException] | Should -Be ([WebexCalls.WebexApiException])
        [WebexCalls.Client.WebexErrorKind]::RateLimited | Should -Be ([WebexCalls.WebexErrorKind]::RateLimited)
        [WebexCalls.WebexCallingMode]::Admin | Should -Be ([WebexCalls.Commands.WebexCallingMode]::Admin)
        $caught = try { throw [WebexCalls.WebexApiException]::new('NotFound', 'GET', '/x', 404, 'gone', $null, $null) } catch [WebexCalls.Client.WebexApiException] { 'caught' }
        $caught | Should -Be 'caught'
    }

    It 'keeps its object model free of package references, so it can share PowerShell''s context' {
        $references = [System.Reflection.Assembly]::LoadFile((Join-Path (Split-Path $ModulePath) 'WebexCalls.Model.dll')).GetReferencedAssemblies().Name
        $references | Should -Be @('netstandard')
    }

    It 'imports in a fresh pwsh' {
        $output = Invoke-FreshPwsh "Import-Module '$ModulePath'; (Get-Command -Module WebexCalls).Count"
        $output | Select-Object -Last 1 | Should -Be "$($Cmdlets.Count)"
    }

    It 'rehearses a first request in the background after import, unless WEBEXCALLS_NO_WARMUP is 1' {
        # The rehearsal loads the engine without any cmdlet being run; with the switch off, nothing loads it.
        $probe = "Import-Module '$ModulePath'; `$deadline = [DateTime]::UtcNow.AddSeconds(10)
while ([DateTime]::UtcNow -lt `$deadline -and -not ([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'WebexCalls.Client')) { Start-Sleep -Milliseconds 50 }
'ENGINE ' + ([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'WebexCalls.Client')"
        Invoke-FreshPwsh $probe | Should -Contain 'ENGINE True'
        Invoke-FreshPwsh ("`$env:WEBEXCALLS_NO_WARMUP = '1'; " + $probe.Replace('AddSeconds(10)', 'AddSeconds(1)')) | Should -Contain 'ENGINE False'
    }

    It 'makes its types nameable right after import, in a fresh pwsh' {
        $output = Invoke-FreshPwsh @"
Import-Module '$ModulePath'
('WebexCalls.CallState' -as [type]).FullName
('WebexCalls.CallSession' -as [type]).FullName
('WebexCalls.WebexApiException' -as [type]).FullName
"@
        $output | Should -Contain 'WebexCalls.CallState'
        $output | Should -Contain 'WebexCalls.CallSession'
        $output | Should -Contain 'WebexCalls.WebexApiException'
    }

    It 'has an about topic that lists every cmdlet by task, rendered from the README''s table and the help synopses' {
        $topic = Get-Help about_WebexCalls | Out-String
        $topic | Should -Not -Match '\{\{'
        foreach ($name in $Cmdlets) { $topic | Should -Match "(?m)^\s+$name\s" -Because "$name is a command" }
    }

    It 'registers its views for live and Deserialized objects' {
        (Get-FormatData -TypeName 'WebexCalls.CallSession').FormatViewDefinition.Name | Should -Contain 'WebexCalls.CallSession.Table'
        (Get-FormatData -TypeName 'Deserialized.WebexCalls.CallSession').FormatViewDefinition.Name | Should -Contain 'WebexCalls.CallSession.List'
        foreach ($type in 'CallHistoryRecord', 'ParkedCall') {
            (Get-FormatData -TypeName "WebexCalls.$type").FormatViewDefinition.Name | Should -Contain "WebexCalls.$type.Table"
            (Get-FormatData -TypeName "Deserialized.WebexCalls.$type").FormatViewDefinition.Name | Should -Contain "WebexCalls.$type.Table"
        }
    }
}

Describe 'Help for <_>' -ForEach $AllCmdlets {
    BeforeAll { $script:Help = Get-Help $_ -Full }

    It 'has a synopsis, a description and at least two examples' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match '^\s*\w+-\w+\s*(\[|$)'   # not the auto-generated syntax stub
        ($Help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        @($Help.examples.example).Count | Should -BeGreaterOrEqual 2
        $Help.examples.example[0].code | Should -Match 'Webex'
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        foreach ($name in (Get-Command $_).Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $parameterHelp = $Help.parameters.parameter | Where-Object name -EQ $name
            ($parameterHelp.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }
}

Describe 'State-changing cmdlets' {
    It '<_> supports -WhatIf and -Confirm' -ForEach $Changers {
        $parameters = (Get-Command $_).Parameters
        $parameters.ContainsKey('WhatIf') | Should -BeTrue
        $parameters.ContainsKey('Confirm') | Should -BeTrue
    }

    It '<_> declares its output type' -ForEach $CallReturning {
        (Get-Command $_).OutputType.Name | Should -Contain 'WebexCalls.CallSession'
    }

    It '<_> declares what it writes' -ForEach $AllCmdlets {
        (Get-Command $_).OutputType | Should -Not -BeNullOrEmpty
    }

    It '<_> takes call objects for -CallId and -LineOwnerId from the pipeline' -ForEach ($Changers | Where-Object { (Get-Command $_).Parameters.ContainsKey('CallId') }) {
        $callId = (Get-Command $_).Parameters['CallId']
        $callId.Attributes.TypeId.Name | Should -Contain 'CallIdTransformationAttribute'
        $callId.Attributes.TypeId.Name | Should -Contain 'ArgumentCompleterAttribute'
        ((Get-Command $_).Parameters['LineOwnerId'].Attributes | Where-Object ValueFromPipelineByPropertyName) | Should -Not -BeNullOrEmpty
    }
}
