<#
.SYNOPSIS
    Builds, tests and demonstrates the WebexCalls module.
.DESCRIPTION
    Tasks (run in the order given):
      Clean  removes out/ and every bin/ and obj/.
      Build  compiles the solution and lays out a loadable module in out/WebexCalls: the manifest with the version
             stamped, the format file, the about topic, MAML help rendered from the cmdlets' /// documentation, and
             the DLLs the module needs (never System.Management.Automation.dll).
      Test   builds, runs the xUnit projects, then Pester against the built module in a fresh pwsh, with the
             simulator on a free loopback port, then folders 1-5 of Cisco's Postman collection with newman (pinned
             in tests/newman, installed by npm ci) against the same simulator; ends with one line
             "N passed, N failed, N skipped" that adds up all three runners.
      Demo   builds, starts the simulator, and walks through dial, list, hold, resume and hang-up in a fresh pwsh.
      Docs   builds and writes docs/cmdlets.md, the cmdlet reference that Get-Help -Online opens (a test checks that
             the committed copy is current).
      Help   (run by Build in a child process) renders the MAML help into out/WebexCalls/en-US.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Demo', 'Docs', 'Help')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'WebexCalls'
$ResultsDir = Join-Path $Out 'TestResults'
$Solution = Join-Path $Root 'WebexCalls.PowerShell.sln'
$PowerShellProject = Join-Path $Root 'src/WebexCalls.PowerShell'
$SimulatorDll = Join-Path $Root "src/WebexCalls.Simulator/bin/$Configuration/net10.0/WebexCalls.Simulator.dll"

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([Parameter(Mandatory)][string] $Command, [string[]] $Arguments = @())
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-PwshCommand {
    # The same PowerShell as the one running this script: pwsh itself, or, under `dotnet pwsh` (the local tool),
    # the dotnet host with the tool's pwsh.dll.
    $exe = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $entry = [Environment]::GetCommandLineArgs()[0]
    if ($entry -like '*pwsh.dll') { return , @($exe, $entry) }
    return , @($exe)
}

function Invoke-FreshPwsh {
    param([Parameter(Mandatory)][string[]] $Arguments)
    $pwsh = Get-PwshCommand
    Push-Location $Root
    try {
        $exe = $pwsh[0]
        $rest = @($pwsh | Select-Object -Skip 1)
        # Out-Host: the child's output is for the reader, not part of this function's return value.
        & $exe @rest -NoProfile -NonInteractive @Arguments | Out-Host
        return $LASTEXITCODE
    }
    finally { Pop-Location }
}

function Get-ModuleVersion {
    [xml] $props = Get-Content (Join-Path $Root 'Directory.Build.props') -Raw
    return $props.Project.PropertyGroup.WebexCallsVersion | Where-Object { $_ } | Select-Object -First 1
}

function Invoke-Clean {
    Remove-Item $Out -Recurse -Force -ErrorAction SilentlyContinue
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj |
        Where-Object FullName -NotMatch '[\\/]\.git[\\/]' |
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
    Write-Host 'Cleaned out/, bin/ and obj/.'
}

function Invoke-Build {
    Write-Host "Building $Configuration..."
    Invoke-Native dotnet @('build', $Solution, '-c', $Configuration, '-nologo', '-v', 'quiet', '-clp:ErrorsOnly')

    Remove-Item $ModuleOut -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'en-US') -Force

    $bin = Join-Path $PowerShellProject "bin/$Configuration/netstandard2.0"
    # PowerShell itself provides System.Management.Automation; a copy beside the module would shadow it.
    Get-ChildItem $bin -Filter '*.dll' |
        Where-Object Name -NE 'System.Management.Automation.dll' |
        Copy-Item -Destination $ModuleOut

    $version = Get-ModuleVersion
    (Get-Content (Join-Path $Root 'module/WebexCalls/WebexCalls.psd1') -Raw).Replace('{{ModuleVersion}}', $version) |
        Set-Content (Join-Path $ModuleOut 'WebexCalls.psd1') -Encoding utf8
    Copy-Item (Join-Path $Root 'module/WebexCalls/WebexCalls.format.ps1xml'), (Join-Path $Root 'module/WebexCalls/WebexCalls.types.ps1xml') $ModuleOut
    Copy-Item (Join-Path $Root 'module/WebexCalls/en-US/*') (Join-Path $ModuleOut 'en-US')
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut

    # Help is rendered in a child process: loading the module's DLL here would lock it on Windows.
    $code = Invoke-FreshPwsh @('-File', $PSCommandPath, '-Task', 'Help', '-Configuration', $Configuration)
    if ($code -ne 0) { throw 'Rendering the MAML help failed.' }

    $manifest = Test-ModuleManifest (Join-Path $ModuleOut 'WebexCalls.psd1')
    Write-Host "Built WebexCalls $($manifest.Version) in $ModuleOut"
}

function Invoke-Help {
    # Renders en-US/WebexCalls.PowerShell.dll-Help.xml (MAML) from the built module and its XML documentation, so
    # the /// comments on each cmdlet and parameter are the one source of its help.
    Import-Module (Join-Path $ModuleOut 'WebexCalls.psd1') -Force
    [xml] $docs = Get-Content (Join-Path $PowerShellProject "bin/$Configuration/netstandard2.0/WebexCalls.PowerShell.xml") -Raw
    $members = @{}
    foreach ($member in $docs.doc.members.member) { $members[$member.name] = $member }

    function Get-DocText($parent, [string] $name) {
        # SelectSingleNode, because PowerShell's XML adapter turns a text-only element into a plain string.
        $node = if ($null -ne $parent) { $parent.SelectSingleNode($name) }
        if ($null -eq $node) { return '' }
        $text = $node.InnerXml -replace '<see cref="[A-Z]:(?:[\w.]+\.)?([\w]+)"\s*/>', '$1' -replace '<c>(.*?)</c>', '$1' -replace '<[^>]+>', ''
        return ([System.Net.WebUtility]::HtmlDecode($text) -replace '\s+', ' ').Trim()
    }

    # -WhatIf and -Confirm stay in the help of the cmdlets that change state, with PowerShell's usual wording.
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')
    $riskDocs = @{
        WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run, and no request is sent.'
        Confirm = 'Prompts you for confirmation before running the cmdlet.'
    }
    $ns = @{
        maml = 'http://schemas.microsoft.com/maml/2004/10'
        command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
        dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    }
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $path = Join-Path $ModuleOut 'en-US/WebexCalls.PowerShell.dll-Help.xml'
    $w = [System.Xml.XmlWriter]::Create($path, $settings)
    function Para([string] $text) { $w.WriteStartElement('maml', 'para', $ns.maml); $w.WriteString($text); $w.WriteEndElement() }
    function Description([string] $text) { $w.WriteStartElement('maml', 'description', $ns.maml); Para $text; $w.WriteEndElement() }
    function TypeName([type] $type) {
        if ($type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
        return $type.Name
    }
    function Write-Parameter($parameter, $setMetadata, [string] $description, [string] $default) {
        $pipeline = @()
        if ($setMetadata.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        if ($setMetadata.ValueFromPipeline) { $pipeline += 'ByValue' }
        $w.WriteStartElement('command', 'parameter', $ns.command)
        $w.WriteAttributeString('required', "$($setMetadata.IsMandatory)".ToLowerInvariant())
        $w.WriteAttributeString('variableLength', "$($parameter.ParameterType.IsArray)".ToLowerInvariant())
        $w.WriteAttributeString('globbing', 'false')
        $w.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
        $w.WriteAttributeString('position', $(if ($setMetadata.Position -ge 0) { "$($setMetadata.Position)" } else { 'named' }))
        $w.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
        $w.WriteElementString('name', $ns.maml, $parameter.Name)
        Description $description
        if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
            $w.WriteStartElement('command', 'parameterValue', $ns.command)
            $w.WriteAttributeString('required', 'true')
            $w.WriteString((TypeName $parameter.ParameterType))
            $w.WriteEndElement()
        }
        $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('name', $ns.maml, $parameter.ParameterType.FullName); $w.WriteEndElement()
        $w.WriteElementString('defaultValue', $ns.dev, $default)
        $w.WriteEndElement()
    }

    function Get-DefaultText($instance, $parameter) {
        # The value a fresh cmdlet object holds is the parameter's default; "None" when it holds nothing.
        if ($parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
        if ($null -eq $instance) { return 'None' }
        $value = $instance.GetType().GetProperty($parameter.Name).GetValue($instance)
        if ($null -eq $value -or "$value" -eq '' -or ($value -is [array] -and $value.Count -eq 0)) { return 'None' }
        return "$value"
    }

    $markdown = [System.Text.StringBuilder]::new()
    $null = $markdown.AppendLine('# WebexCalls cmdlets').AppendLine()
    $null = $markdown.AppendLine('Rendered by `./build.ps1 Docs` from the same `///` documentation as `Get-Help`; each cmdlet''s `Get-Help -Online` opens its section. Do not edit by hand.').AppendLine()

    $w.WriteStartDocument()
    $w.WriteStartElement('helpItems', 'http://msh')
    $w.WriteAttributeString('schema', 'maml')
    foreach ($cmd in Get-Command -Module WebexCalls -CommandType Cmdlet | Sort-Object Name) {
        $typeName = $cmd.ImplementingType.FullName
        $typeDoc = $members["T:$typeName"]
        if (-not $typeDoc) { throw "$($cmd.Name) ($typeName) has no /// documentation." }
        $synopsis = Get-DocText $typeDoc 'summary'
        $instance = try { [Activator]::CreateInstance($cmd.ImplementingType) } catch { $null }
        $parameters = $cmd.Parameters.Values | Where-Object { $common -notcontains $_.Name }
        $defaults = @{}
        foreach ($parameter in $parameters) { $defaults[$parameter.Name] = Get-DefaultText $instance $parameter }
        $paramDocs = @{}
        foreach ($parameter in $parameters) {
            # An inherited parameter (such as -CallId from WebexCallActionCmdlet) is documented on the type that declares it.
            $paramDocs[$parameter.Name] = if ($riskDocs.ContainsKey($parameter.Name)) { $riskDocs[$parameter.Name] } else {
                $declaringType = $cmd.ImplementingType.GetProperty($parameter.Name).DeclaringType.FullName
                Get-DocText $members["P:$declaringType.$($parameter.Name)"] 'summary'
            }
            if (-not $paramDocs[$parameter.Name]) { throw "$($cmd.Name) -$($parameter.Name) has no /// summary." }
        }

        $w.WriteStartElement('command', 'command', $ns.command)
        $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
        $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
        $w.WriteStartElement('command', 'details', $ns.command)
        $w.WriteElementString('name', $ns.command, $cmd.Name)
        $w.WriteElementString('verb', $ns.command, $cmd.Verb)
        $w.WriteElementString('noun', $ns.command, $cmd.Noun)
        Description $synopsis
        $w.WriteEndElement()
        Description (Get-DocText $typeDoc 'remarks')

        $w.WriteStartElement('command', 'syntax', $ns.command)
        foreach ($set in $cmd.ParameterSets) {
            $w.WriteStartElement('command', 'syntaxItem', $ns.command)
            $w.WriteElementString('name', $ns.maml, $cmd.Name)
            foreach ($p in $set.Parameters | Where-Object { $common -notcontains $_.Name }) {
                $parameter = $cmd.Parameters[$p.Name]
                Write-Parameter $parameter $p $paramDocs[$p.Name] $defaults[$p.Name]
            }
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'parameters', $ns.command)
        foreach ($parameter in $parameters) {
            $setMetadata = $parameter.ParameterSets.Values | Select-Object -First 1
            Write-Parameter $parameter $setMetadata $paramDocs[$parameter.Name] $defaults[$parameter.Name]
        }
        $w.WriteEndElement()

        # INPUTS: what the pipeline can bind, by parameter type, from the parameters that take pipeline input.
        $inputs = [ordered]@{}
        foreach ($parameter in $parameters) {
            foreach ($set in $parameter.ParameterSets.Values) {
                $how = @()
                if ($set.ValueFromPipeline) { $how += 'by value' }
                if ($set.ValueFromPipelineByPropertyName) { $how += 'by property name' + $(if ($parameter.Aliases.Count) { ' (also ' + ($parameter.Aliases -join ', ') + ')' }) }
                if ($how) { $inputs["-$($parameter.Name)"] = @($parameter.ParameterType.FullName, ($how -join ', ')); break }
            }
        }
        $w.WriteStartElement('command', 'inputTypes', $ns.command)
        foreach ($entry in $inputs.GetEnumerator()) {
            $w.WriteStartElement('command', 'inputType', $ns.command)
            $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('name', $ns.maml, $entry.Value[0]); $w.WriteEndElement()
            Description "$($entry.Key), $($entry.Value[1])."
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'returnValues', $ns.command)
        foreach ($output in $cmd.OutputType) {
            $w.WriteStartElement('command', 'returnValue', $ns.command)
            $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('name', $ns.maml, $output.Name); $w.WriteEndElement()
            Description ''
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'examples', $ns.command)
        $n = 0
        foreach ($example in $typeDoc.SelectNodes('example')) {
            $n++
            $w.WriteStartElement('command', 'example', $ns.command)
            $w.WriteElementString('title', $ns.maml, "-------------------------- Example $n --------------------------")
            $w.WriteElementString('code', $ns.dev, "PS> $(Get-DocText $example 'code')")
            $w.WriteStartElement('dev', 'remarks', $ns.dev); Para (Get-DocText $example 'para'); $w.WriteEndElement()
            $w.WriteEndElement()
        }
        if ($n -eq 0) { throw "$($cmd.Name) has no /// <example>." }
        $w.WriteEndElement()

        $w.WriteStartElement('command', 'relatedLinks', $ns.command)
        # The first link with a URI is what Get-Help -Online opens.
        $w.WriteStartElement('maml', 'navigationLink', $ns.maml); $w.WriteElementString('linkText', $ns.maml, 'Online version:'); $w.WriteElementString('uri', $ns.maml, $cmd.HelpUri); $w.WriteEndElement()
        $w.WriteStartElement('maml', 'navigationLink', $ns.maml); $w.WriteElementString('linkText', $ns.maml, 'about_WebexCalls'); $w.WriteEndElement()
        $w.WriteEndElement()
        $w.WriteEndElement()

        # The same, as Markdown, for docs/cmdlets.md.
        $null = $markdown.AppendLine("## $($cmd.Name)").AppendLine().AppendLine($synopsis).AppendLine().AppendLine('```text')
        foreach ($line in (Get-Command $cmd.Name -Syntax) -split "`r?`n" | Where-Object { $_.Trim() }) { $null = $markdown.AppendLine($line.Trim()) }
        $null = $markdown.AppendLine('```').AppendLine().AppendLine((Get-DocText $typeDoc 'remarks')).AppendLine()
        $null = $markdown.AppendLine('| Parameter | Type | Default | Pipeline | Description |').AppendLine('|---|---|---|---|---|')
        foreach ($parameter in $parameters) {
            $pipe = if ($inputs.Contains("-$($parameter.Name)")) { $inputs["-$($parameter.Name)"][1] } else { 'no' }
            $null = $markdown.AppendLine("| ``-$($parameter.Name)`` | ``$(TypeName $parameter.ParameterType)`` | $($defaults[$parameter.Name]) | $pipe | $($paramDocs[$parameter.Name] -replace '\|', '\|') |")
        }
        $null = $markdown.AppendLine()
        $n = 0
        foreach ($example in $typeDoc.SelectNodes('example')) {
            $n++
            $null = $markdown.AppendLine("Example $($n):").AppendLine().AppendLine('```powershell').AppendLine((Get-DocText $example 'code')).AppendLine('```').AppendLine().AppendLine((Get-DocText $example 'para')).AppendLine()
        }
    }
    $w.WriteEndElement()
    $w.WriteEndDocument()
    $w.Dispose()
    $docsDir = Join-Path $Out 'docs'
    $null = New-Item -ItemType Directory -Path $docsDir -Force
    # One line ending whatever the platform, so the committed copy compares equal everywhere.
    [System.IO.File]::WriteAllText((Join-Path $docsDir 'cmdlets.md'), ($markdown.ToString() -replace "`r`n", "`n").TrimEnd() + "`n")
}

function Invoke-Docs {
    # Renders the cmdlet reference and copies it to docs/cmdlets.md, where Get-Help -Online points.
    Invoke-Build
    Copy-Item (Join-Path $Out 'docs/cmdlets.md') (Join-Path $Root 'docs/cmdlets.md')
    Write-Host 'Wrote docs/cmdlets.md.'
}

function Start-Simulator {
    # Starts the simulator on a free loopback port and returns its process and /v1 base URI.
    param([int] $AlertingDelayMs = 0, [int] $ConnectingDelayMs = 0)
    $log = Join-Path $Out "simulator-$PID-$([guid]::NewGuid().ToString('N').Substring(0, 8)).log"
    $process = Start-Process -FilePath 'dotnet' -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err" -ArgumentList @(
        $SimulatorDll, '--urls', 'http://127.0.0.1:0',
        "--Simulator:AlertingDelayMs=$AlertingDelayMs", "--Simulator:ConnectingDelayMs=$ConnectingDelayMs")
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = Get-Content $log -ErrorAction SilentlyContinue | Select-String 'listening on (\S+/v1)' | Select-Object -First 1
        if ($line) { return [pscustomobject]@{ Process = $process; BaseUri = $line.Matches[0].Groups[1].Value } }
        if ($process.HasExited) { break }
        Start-Sleep -Milliseconds 100
    }
    $process | Stop-Process -Force -ErrorAction SilentlyContinue
    throw "The simulator did not start. Its output: $(Get-Content $log, "$log.err" -Raw -ErrorAction SilentlyContinue)"
}

function Stop-Simulator($simulator) {
    if ($simulator -and -not $simulator.Process.HasExited) { $simulator.Process | Stop-Process -Force -ErrorAction SilentlyContinue }
}

function Get-PesterDependency {
    # Restores what the Pester run needs from NuGet (the Gallery may be unreachable): Pester itself, and an older
    # copy of one of the module's dependencies for the assembly isolation tests.
    $project = Join-Path $Root 'tests/Pester/Pester.Dependencies.proj'
    Invoke-Native dotnet @('restore', $project, '-v', 'quiet', '-nologo')
    [xml] $xml = Get-Content $project -Raw
    $properties = $xml.Project.PropertyGroup
    $cache = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $pester = Join-Path $cache "pester/$($properties.PesterVersion)/tools/Pester.psd1"
    $conflicting = Join-Path $cache "microsoft.extensions.dependencyinjection.abstractions/$($properties.ConflictingDependencyVersion)/lib/netstandard2.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll"
    foreach ($path in $pester, $conflicting) {
        if (-not (Test-Path $path)) { throw "$path was not found after restoring $project." }
    }
    return [pscustomobject]@{ Pester = $pester; ConflictingDll = $conflicting }
}

function Invoke-Test {
    Invoke-Build
    Remove-Item $ResultsDir -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $ResultsDir -Force

    Write-Host 'Running xUnit tests...'
    & dotnet test $Solution -c $Configuration --no-build -nologo -v quiet --results-directory $ResultsDir --logger 'trx' --logger 'console;verbosity=minimal'
    $xunitExit = $LASTEXITCODE
    $xunit = @{ Passed = 0; Failed = 0; Skipped = 0 }
    $trxFiles = @(Get-ChildItem $ResultsDir -Filter '*.trx' -Recurse)
    foreach ($trx in $trxFiles) {
        [xml] $report = Get-Content -LiteralPath $trx.FullName -Raw
        $counters = $report.TestRun.ResultSummary.Counters
        $xunit.Passed += [int] $counters.passed
        $xunit.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout
        # xUnit's skipped tests are in "total" but not "executed" (its notExecuted counter stays 0).
        $xunit.Skipped += [int] $counters.total - [int] $counters.executed
    }
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }  # a runner that crashed counts as a failure
    if ($trxFiles.Count -eq 0) { $xunit.Failed += 1 }

    Write-Host 'Running Pester tests against the built module and the simulator...'
    $dependencies = Get-PesterDependency
    $pesterModule = $dependencies.Pester
    $simulator = Start-Simulator
    $pesterSummary = Join-Path $ResultsDir 'pester-summary.json'
    $newman = $null
    try {
        $env:WEBEXCALLS_MODULE_PATH = Join-Path $ModuleOut 'WebexCalls.psd1'
        $env:WEBEXCALLS_SIMULATOR_URI = $simulator.BaseUri
        $env:WEBEXCALLS_CONFLICTING_DLL = $dependencies.ConflictingDll
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pesterModule'
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $Root 'tests/Pester')'
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Detailed'
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = '$(Join-Path $ResultsDir 'pester.xml')'
`$result = Invoke-Pester -Configuration `$config
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount; Skipped = `$result.SkippedCount } |
    ConvertTo-Json | Set-Content '$pesterSummary'
"@
        $null = Invoke-FreshPwsh @('-Command', $script)

        Write-Host "Running folders 1-5 of Cisco's Postman collection with newman against the simulator..."
        try {
            $newman = & (Join-Path $Root 'tests/newman/Invoke-PostmanCollection.ps1') -SimulatorUri $simulator.BaseUri -OutDir (Join-Path $ResultsDir 'newman')
        }
        catch {
            # A run that could not even start (npm ci failed, say) is a failure, not a skip.
            $newman = [pscustomobject]@{ Passed = 0; Failed = 1; ExpectedFailures = 0; Notes = @("the run failed: $_") }
        }
    }
    finally {
        Stop-Simulator $simulator
        Remove-Item Env:WEBEXCALLS_MODULE_PATH, Env:WEBEXCALLS_SIMULATOR_URI, Env:WEBEXCALLS_CONFLICTING_DLL -ErrorAction SilentlyContinue
    }

    $pester = if (Test-Path $pesterSummary) { Get-Content $pesterSummary -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host "xUnit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped. Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped."
    if ($null -eq $newman) {
        # Skipped (no collection beside the repository, or no Node.js), with the reason printed above.
        $skipped += 1
        Write-Host 'newman: skipped (see above).'
    }
    else {
        $passed += $newman.Passed
        $failed += $newman.Failed
        Write-Host "newman: $($newman.Passed) passed, $($newman.Failed) failed, $($newman.ExpectedFailures) expected failure(s) not counted as passed or failed."
        $newman.Notes | ForEach-Object { Write-Host "  newman: $_" }
    }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    # Short but visible delays, so -Wait has something to show.
    $simulator = Start-Simulator -AlertingDelayMs 800 -ConnectingDelayMs 1500
    try {
        Write-Host "Simulator running at $($simulator.BaseUri)"
        $env:WEBEXCALLS_MODULE_PATH = Join-Path $ModuleOut 'WebexCalls.psd1'
        $env:WEBEXCALLS_SIMULATOR_URI = $simulator.BaseUri
        $code = Invoke-FreshPwsh @('-File', (Join-Path $Root 'docs/demo.ps1'))
        if ($code -ne 0) { throw "The demo failed (exit code $code)." }
    }
    finally {
        Stop-Simulator $simulator
        Remove-Item Env:WEBEXCALLS_MODULE_PATH, Env:WEBEXCALLS_SIMULATOR_URI -ErrorAction SilentlyContinue
    }
}

foreach ($name in $Task) {
    switch ($name) {
        'Clean' { Invoke-Clean }
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Docs' { Invoke-Docs }
        'Help' { Invoke-Help }
    }
}
