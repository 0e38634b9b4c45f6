# Runs every bench/*.Bench.ps1, each in a fresh pwsh with its baseline interleaved, and gathers their reports.

function Invoke-BenchmarkSuite {
    # Writes one report with a section per benchmark to $Path; returns how many benchmarks failed.
    param([Parameter(Mandatory)][string] $Path, [switch] $Quick)
    $sections = Join-Path $Out 'bench/sections'
    Remove-Item $sections -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $sections -Force
    $failed = 0
    $parts = foreach ($bench in Get-ChildItem (Join-Path $Root 'bench') -Filter '*.Bench.ps1' | Sort-Object Name) {
        $section = Join-Path $sections ($bench.BaseName + '.md')
        Write-Host "Benchmark $($bench.Name)$(if ($Quick) { ' (quick)' })..."
        $arguments = @('-File', $bench.FullName, '-OutFile', $section) + $(if ($Quick) { @('-Quick') } else { @() })
        $code = Invoke-FreshPwsh $arguments
        if ($code -ne 0 -or -not (Test-Path $section)) {
            $failed++
            "## $($bench.BaseName)`n`nFailed (exit code $code)."
        }
        else { (Get-Content $section -Raw).Trim() }
    }
    $kind = if ($Quick) { 'A quick run (few repetitions: it proves the benchmarks work; its numbers are rough)' } else { 'A full run' }
    $header = @"
# WebexCalls benchmarks

$kind of ``./build.ps1 Bench$(if ($Quick) { ' -Quick' })``, against the simulator on loopback.
Each benchmark runs its baseline side by side, interleaved, in the same run; ratios are what count, absolute times
only describe this machine. Never edit by hand.
"@
    $null = New-Item -ItemType Directory -Path (Split-Path $Path) -Force
    [System.IO.File]::WriteAllText($Path, ((@($header) + @($parts)) -join "`n`n").Replace("`r`n", "`n").TrimEnd() + "`n")
    Write-Host "Wrote $Path."
    return $failed
}
