# Runs each test runner and counts its results, so the Test task can end with one line that adds them all up.

function Invoke-XunitTest {
    # Runs every xUnit project; returns @{ Passed; Failed; Skipped } read from their TRX reports.
    param([Parameter(Mandatory)][string] $ResultsDir)
    & dotnet test (Join-Path $Root 'WebexCalls.PowerShell.sln') -c $Configuration --no-build -nologo -v quiet --results-directory $ResultsDir --logger 'trx' --logger 'console;verbosity=minimal' | Out-Host
    $exit = $LASTEXITCODE
    $count = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $reports = @(Get-ChildItem $ResultsDir -Filter '*.trx' -Recurse)
    foreach ($trx in $reports) {
        [xml] $report = Get-Content -LiteralPath $trx.FullName -Raw
        $counters = $report.TestRun.ResultSummary.Counters
        $count.Passed += [int] $counters.passed
        $count.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout
        # xUnit's skipped tests are in "total" but not "executed" (its notExecuted counter stays 0).
        $count.Skipped += [int] $counters.total - [int] $counters.executed
    }
    if ($exit -ne 0 -and $count.Failed -eq 0) { $count.Failed = 1 }  # a runner that crashed counts as a failure
    if ($reports.Count -eq 0) { $count.Failed += 1 }
    return $count
}

function Get-PesterDependency {
    # Restores what the Pester run needs from NuGet (the Gallery may be unreachable): Pester itself, and the other
    # modules' copies of the engine's dependencies that the assembly isolation tests load first.
    $project = Join-Path $Root 'tests/Pester/Pester.Dependencies.proj'
    Invoke-Native dotnet @('restore', $project, '-v', 'quiet', '-nologo')
    [xml] $xml = Get-Content $project -Raw
    $properties = $xml.Project.PropertyGroup
    $items = $xml.Project.ItemGroup
    $cache = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    function Find-Dll([string] $name, [string] $version) {
        Join-Path $cache "$($name.ToLowerInvariant())/$version/lib/netstandard2.0/$name.dll"
    }
    $older = @(foreach ($name in ($items.OlderDependency.Include -split ';')) { Find-Dll $name $properties.OlderDependencyVersion })
    $newer = Find-Dll $items.NewerDependency.Include $properties.NewerDependencyVersion
    $pester = Join-Path $cache "pester/$($properties.PesterVersion)/tools/Pester.psd1"
    foreach ($path in @($pester, $newer) + $older) {
        if (-not (Test-Path $path)) { throw "$path was not found after restoring $project." }
    }
    return [pscustomobject]@{ Pester = $pester; OlderDlls = $older; NewerDll = $newer }
}

function Invoke-PesterTest {
    # Runs tests/Pester in one fresh pwsh against the built module (the environment variables say where it and the
    # simulator are); returns @{ Passed; Failed; Skipped } from the summary the child writes.
    param([Parameter(Mandatory)][string] $PesterModule, [Parameter(Mandatory)][string] $ResultsDir, [string] $Shell = 'pwsh')
    $summary = Join-Path $ResultsDir 'pester-summary.json'
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$PesterModule'
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $Root 'tests/Pester')'
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Detailed'
`$config.TestResult.Enabled = `$true
`$config.TestResult.OutputPath = '$(Join-Path $ResultsDir 'pester.xml')'
`$result = Invoke-Pester -Configuration `$config
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount; Skipped = `$result.SkippedCount } |
    ConvertTo-Json | Set-Content '$summary'
"@
    if ($Shell -eq 'powershell') {
        Push-Location $Root
        try { & powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command $script | Out-Host }
        finally { Pop-Location }
    }
    else { $null = Invoke-FreshPwsh @('-Command', $script) }
    if (Test-Path $summary) { return Get-Content $summary -Raw | ConvertFrom-Json }
    return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }  # the run died before it could count
}

function Invoke-NewmanTest {
    # Runs folders 1-5 of Cisco's Postman collection; $null when skipped (the reason is printed).
    param([Parameter(Mandatory)][string] $SimulatorUri, [Parameter(Mandatory)][string] $ResultsDir)
    try {
        return & (Join-Path $Root 'tests/newman/Invoke-PostmanCollection.ps1') -SimulatorUri $SimulatorUri -OutDir (Join-Path $ResultsDir 'newman')
    }
    catch {
        # A run that could not even start (npm ci failed, say) is a failure, not a skip.
        return [pscustomobject]@{ Passed = 0; Failed = 1; ExpectedFailures = 0; Notes = @("the run failed: $_") }
    }
}

function Invoke-SimulatorTest {
    # Runs Pester, then newman, against one simulator; returns @{ Pester; newman } counts.
    param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $ResultsDir, [string] $PesterShell = 'pwsh')
    $dependencies = Get-PesterDependency
    $simulator = Start-Simulator
    try {
        $env:WEBEXCALLS_MODULE_PATH = $ModulePath
        $env:WEBEXCALLS_SIMULATOR_URI = $simulator.BaseUri
        $env:WEBEXCALLS_OLDER_DLLS = $dependencies.OlderDlls -join [System.IO.Path]::PathSeparator
        $env:WEBEXCALLS_NEWER_DLL = $dependencies.NewerDll
        Write-Host 'Running Pester tests against the built module and the simulator...'
        $pester = Invoke-PesterTest -PesterModule $dependencies.Pester -ResultsDir $ResultsDir -Shell $PesterShell
        Write-Host "Running folders 1-5 of Cisco's Postman collection with newman against the simulator..."
        $newman = Invoke-NewmanTest -SimulatorUri $simulator.BaseUri -ResultsDir $ResultsDir
        return [pscustomobject]@{ Pester = $pester; newman = $newman }
    }
    finally {
        Stop-Simulator $simulator
        Remove-Item Env:WEBEXCALLS_MODULE_PATH, Env:WEBEXCALLS_SIMULATOR_URI, Env:WEBEXCALLS_OLDER_DLLS, Env:WEBEXCALLS_NEWER_DLL -ErrorAction SilentlyContinue
    }
}

function Invoke-CheckStep([string] $Name, [scriptblock] $Step) {
    # A step that passes or fails as a whole (the package check, the quick benchmarks) counts as one test.
    try {
        & $Step | Out-Host
        return [pscustomobject]@{ Passed = 1; Failed = 0; Skipped = 0 }
    }
    catch {
        Write-Host "$($Name): $_"
        return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
    }
}

function Write-TestSummary {
    # Prints each runner's counts, then the one line CI reads; returns the number of failures.
    param([Parameter(Mandatory)] $Results)
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($entry in $Results.GetEnumerator()) {
        $r = $entry.Value
        if ($null -eq $r) {
            # Skipped (no collection beside the repository, or no Node.js), with the reason printed above.
            $skipped += 1
            Write-Host "$($entry.Key): skipped (see above)."
            continue
        }
        $passed += $r.Passed; $failed += $r.Failed
        $line = "$($entry.Key): $($r.Passed) passed, $($r.Failed) failed"
        if ($r.PSObject.Properties['Skipped']) { $skipped += $r.Skipped; $line += ", $($r.Skipped) skipped" }
        if ($r.PSObject.Properties['ExpectedFailures']) { $line += ", $($r.ExpectedFailures) expected failure(s) not counted as passed or failed" }
        Write-Host "$line."
        if ($r.PSObject.Properties['Notes']) { $r.Notes | ForEach-Object { Write-Host "  $($entry.Key): $_" } }
    }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    return $failed
}
