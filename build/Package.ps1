# Publishes the built module as a .nupkg to a throw-away local repository, then proves that the package installs
# into an empty module path and works, the way an admin would get it from the PowerShell Gallery.

function Publish-ModulePackage {
    # Returns the path of the .nupkg under out/package.
    param([Parameter(Mandatory)][string] $ModuleOut, [Parameter(Mandatory)][string] $PackageDir)
    Remove-Item $PackageDir -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $PackageDir -Force
    # Publish-PSResource runs the Gallery's manifest checks; -DestinationPath keeps a copy of the .nupkg in out/.
    $repository = "WebexCallsBuild-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    Register-PSResourceRepository -Name $repository -Uri $PackageDir -Trusted
    try { Publish-PSResource -Path $ModuleOut -Repository $repository }
    finally { Unregister-PSResourceRepository -Name $repository }
    $package = Get-ChildItem $PackageDir -Filter 'WebexCalls.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Publish-PSResource wrote no WebexCalls .nupkg to $PackageDir." }
    Write-Host "Packed $($package.Name)."
    return $package.FullName
}

function Test-ModulePackage {
    # In a fresh pwsh whose home (so its CurrentUser module path and PSResourceGet's settings) is an empty temporary
    # folder: register the package folder, Install-PSResource the module, import it by name, read its help and run
    # one cmdlet against the simulator. Returns the child's exit code.
    param([Parameter(Mandatory)][string] $PackageDir, [Parameter(Mandatory)][string] $SimulatorUri)
    $home_ = Join-Path ([System.IO.Path]::GetTempPath()) "webexcalls-package-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $null = New-Item -ItemType Directory -Path $home_ -Force
    $saved = @{}
    foreach ($name in 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PSModulePath', 'WEBEXCALLS_SIMULATOR_URI', 'WEBEXCALLS_PACKAGE_DIR') {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    try {
        # On Linux and macOS the CurrentUser scope follows HOME; Windows has no such switch, so there the script
        # installs with Save-PSResource into the same empty folder instead (Install-PSResource has no -Path).
        $env:HOME = $home_
        Remove-Item Env:XDG_DATA_HOME, Env:XDG_CONFIG_HOME, Env:XDG_CACHE_HOME, Env:PSModulePath -ErrorAction SilentlyContinue
        $env:WEBEXCALLS_SIMULATOR_URI = $SimulatorUri
        $env:WEBEXCALLS_PACKAGE_DIR = $PackageDir
        return Invoke-FreshPwsh @('-File', (Join-Path $PSScriptRoot 'Test-InstalledPackage.ps1'))
    }
    finally {
        foreach ($entry in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value) }
        Remove-Item $home_ -Recurse -Force -ErrorAction SilentlyContinue
    }
}
