<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the WebexCalls module.
.DESCRIPTION
    Tasks (run in the order given); their helpers live in build/:
      Clean    removes out/ and every bin/ and obj/.
      Build    compiles the solution and lays out a loadable module in out/WebexCalls: the manifest with the
               version, prerelease label and release notes stamped, the format and type files, the about topic,
               MAML help rendered from the cmdlets' /// documentation, and the DLLs the module needs.
      Test     builds, runs the xUnit projects, then Pester against the built module in a fresh pwsh, then folders
               1-5 of Cisco's Postman collection with newman, against one simulator on a free loopback port; then
               the Package check and Bench -Quick; ends with one line "N passed, N failed, N skipped" adding up all.
      Package  builds, publishes the module as a .nupkg to a throw-away local PSResourceGet repository under
               out/package, installs it from there into an empty module path in a fresh pwsh, and runs it.
      Bench    builds and runs every bench/*.Bench.ps1 against its baseline; writes docs/benchmarks.md, or with
               -Quick (also run by Test) a rough report to out/benchmarks.md.
      Demo     builds, starts the simulator, and walks through the cmdlets in a fresh pwsh (docs/demo.ps1).
      Docs     builds and writes docs/cmdlets.md, the reference that Get-Help -Online opens, and docs/operations.md.
      Help     (run by Build in a child process) renders the help from the built module.
.PARAMETER Task
    The tasks to run, in order (default Build).
.PARAMETER Configuration
    The .NET build configuration (default Release).
.PARAMETER PesterShell
    Where the Pester suite runs: pwsh, or powershell (Windows PowerShell 5.1, Windows only).
.PARAMETER Quick
    For Bench: few repetitions, report to out/benchmarks.md, never over docs/benchmarks.md.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
.EXAMPLE
    pwsh ./build.ps1 Test -PesterShell powershell   # on Windows: the Pester suite in Windows PowerShell 5.1
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Package', 'Bench', 'Demo', 'Docs', 'Help')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # xUnit, newman and Package always use pwsh; CI's windows-powershell job sets this.
    [ValidateSet('pwsh', 'powershell')]
    [string] $PesterShell = 'pwsh',

    [switch] $Quick
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'WebexCalls'
$PackageDir = Join-Path $Out 'package'
$ResultsDir = Join-Path $Out 'TestResults'
# The helpers; build/Test-*.ps1 are scripts run in a child pwsh, not helpers.
foreach ($helper in Get-ChildItem (Join-Path $Root 'build') -Filter '*.ps1' | Where-Object Name -NotLike 'Test-*') { . $helper.FullName }

function Invoke-Clean {
    Remove-Item $Out -Recurse -Force -ErrorAction SilentlyContinue
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj |
        Where-Object FullName -NotMatch '[\\/]\.git[\\/]' |
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
    Write-Host 'Cleaned out/, bin/ and obj/.'
}

function Invoke-Build {
    Build-Module -ModuleOut $ModuleOut
    # Help is rendered in a child process: loading the module's DLL here would lock it on Windows.
    $code = Invoke-FreshPwsh @('-File', $PSCommandPath, '-Task', 'Help', '-Configuration', $Configuration)
    if ($code -ne 0) { throw 'Rendering the help failed.' }
    $manifest = Test-ModuleManifest (Join-Path $ModuleOut 'WebexCalls.psd1')
    $label = if ($manifest.PrivateData.PSData.Prerelease) { "-$($manifest.PrivateData.PSData.Prerelease)" }
    Write-Host "Built WebexCalls $($manifest.Version)$label in $ModuleOut"
}

function Invoke-Help {
    Write-ExportList -ModuleOut $ModuleOut
    # The /// comments on each cmdlet and parameter are the one source of both Get-Help and docs/cmdlets.md.
    Import-Module (Join-Path $ModuleOut 'WebexCalls.psd1') -Force
    $model = @(Get-HelpModel -DocumentationXml (Join-Path $Root "src/WebexCalls.PowerShell/bin/$Configuration/netstandard2.0/WebexCalls.PowerShell.xml"))
    Write-MamlHelp -Model $model -Path (Join-Path $ModuleOut 'en-US/WebexCalls.PowerShell.dll-Help.xml')
    Write-MarkdownHelp -Model $model -Path (Join-Path $Out 'docs/cmdlets.md')
    # The operation reference, from the client's operation table and the cmdlets that name its rows.
    Set-Content (Join-Path $Out 'docs/operations.md') ([WebexCalls.Commands.OperationReference]::ToMarkdown()) -Encoding utf8 -NoNewline
    Write-CommandsByTask -ModuleOut $ModuleOut
}

function Invoke-Docs {
    Invoke-Build
    Copy-Item (Join-Path $Out 'docs/cmdlets.md'), (Join-Path $Out 'docs/operations.md') (Join-Path $Root 'docs')
    Write-Host 'Wrote docs/cmdlets.md and docs/operations.md.'
}

function Invoke-Package {
    param([switch] $SkipBuild)
    if (-not $SkipBuild) { Invoke-Build }
    $null = Publish-ModulePackage -ModuleOut $ModuleOut -PackageDir $PackageDir
    $simulator = Start-Simulator
    try { $code = Test-ModulePackage -PackageDir $PackageDir -SimulatorUri $simulator.BaseUri }
    finally { Stop-Simulator $simulator }
    if ($code -ne 0) { throw "The installed package did not work (exit code $code)." }
}

function Invoke-Bench {
    param([switch] $SkipBuild, [switch] $QuickRun = $Quick)
    if (-not $SkipBuild) { Invoke-Build }
    $path = if ($QuickRun) { Join-Path $Out 'benchmarks.md' } else { Join-Path $Root 'docs/benchmarks.md' }
    if ((Invoke-BenchmarkSuite -Path $path -Quick:$QuickRun) -gt 0) { throw 'A benchmark failed; see its section.' }
}

function Invoke-Test {
    Invoke-Build
    Remove-Item $ResultsDir -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $ResultsDir -Force
    $results = [ordered]@{}
    Write-Host 'Running xUnit tests...'
    $results.xUnit = Invoke-XunitTest -ResultsDir $ResultsDir
    $simulated = Invoke-SimulatorTest -ModulePath (Join-Path $ModuleOut 'WebexCalls.psd1') -ResultsDir $ResultsDir -PesterShell $PesterShell
    $results.Pester = $simulated.Pester
    $results.newman = $simulated.newman
    Write-Host 'Packaging the module and installing the package into an empty module path...'
    $results.Package = Invoke-CheckStep 'Package' { Invoke-Package -SkipBuild }
    # -Quick, so the benchmarks cannot rot; its numbers are rough and go to out/, never over docs/benchmarks.md.
    $results.Bench = Invoke-CheckStep 'Bench' { Invoke-Bench -SkipBuild -QuickRun }
    if ((Write-TestSummary -Results $results) -gt 0) { exit 1 }
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

# Each task is the function of its name; ValidateSet above is the list.
foreach ($name in $Task) { & "Invoke-$name" }
