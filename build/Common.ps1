# Small helpers every build task uses. Dot-sourced by build.ps1, which sets $Root, $Out and $Configuration.

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([Parameter(Mandatory)][string] $Command, [string[]] $Arguments = @())
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-PwshCommand {
    # The same PowerShell as the one running the build: pwsh itself, or, under `dotnet pwsh` (the local tool), the
    # dotnet host with the tool's pwsh.dll.
    $exe = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $entry = [Environment]::GetCommandLineArgs()[0]
    if ($entry -like '*pwsh.dll') { return , @($exe, $entry) }
    return , @($exe)
}

function Invoke-FreshPwsh {
    # Runs pwsh with these arguments in a new process, in the repository root; returns its exit code.
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
    # The version and prerelease label, from their one place: Directory.Build.props.
    [xml] $props = Get-Content (Join-Path $Root 'Directory.Build.props') -Raw
    $group = $props.Project.PropertyGroup | Where-Object { $_.WebexCallsVersion } | Select-Object -First 1
    return [pscustomobject]@{ Version = $group.WebexCallsVersion; Prerelease = "$($group.WebexCallsPrerelease)".Trim() }
}
