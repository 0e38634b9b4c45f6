# Compiles the solution and lays out a loadable module in out/WebexCalls.

function Build-Module {
    param([Parameter(Mandatory)][string] $ModuleOut)
    Write-Host "Building $Configuration..."
    Invoke-Native dotnet @('build', (Join-Path $Root 'WebexCalls.PowerShell.sln'), '-c', $Configuration, '-nologo', '-v', 'quiet', '-clp:ErrorsOnly')

    Remove-Item $ModuleOut -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'en-US') -Force

    # The root holds what loads into PowerShell's shared context: the cmdlets, the dependency-free object model and
    # the .NET 8 loader. engine/ holds the client and every package it needs, which load in a context of their own
    # (see DependencyResolver). PowerShell itself provides System.Management.Automation, so it is not shipped.
    $shared = 'WebexCalls.PowerShell.dll', 'WebexCalls.Model.dll'
    $engine = Join-Path $ModuleOut 'engine'
    $null = New-Item -ItemType Directory -Path $engine -Force
    foreach ($dll in Get-ChildItem (Join-Path $Root "src/WebexCalls.PowerShell/bin/$Configuration/netstandard2.0") -Filter '*.dll') {
        if ($dll.Name -eq 'System.Management.Automation.dll') { continue }
        Copy-Item $dll.FullName -Destination $(if ($shared -contains $dll.Name) { $ModuleOut } else { $engine })
    }
    Copy-Item (Join-Path $Root "src/WebexCalls.Loader/bin/$Configuration/net8.0/WebexCalls.Loader.dll") $ModuleOut

    $version = Get-ModuleVersion
    $manifest = (Get-Content (Join-Path $Root 'module/WebexCalls/WebexCalls.psd1') -Raw).
        Replace('{{ModuleVersion}}', $version.Version).
        Replace('{{Prerelease}}', $version.Prerelease).
        Replace('{{ReleaseNotes}}', (Get-ReleaseNote).Replace("'", "''"))
    # Until the cmdlets are read from the assembly (Write-ExportList, in the Help step's fresh process), none is exported.
    $manifest.Replace('{{CmdletsToExport}}', '') | Set-Content (Join-Path $ModuleOut 'WebexCalls.psd1') -Encoding utf8
    Set-Content (Join-Path $ModuleOut 'WebexCalls.psd1.template') $manifest -Encoding utf8
    Copy-Item (Join-Path $Root 'module/WebexCalls/WebexCalls.format.ps1xml'), (Join-Path $Root 'module/WebexCalls/WebexCalls.types.ps1xml') $ModuleOut
    Copy-Item (Join-Path $Root 'module/WebexCalls/en-US/*') (Join-Path $ModuleOut 'en-US')
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
}

function Write-ExportList {
    # The manifest's CmdletsToExport, from the [Cmdlet] classes of the built assembly: the one list of cmdlets, which
    # the tests and docs also read (through the module). Runs in a fresh process: loading the DLL locks it on Windows.
    param([Parameter(Mandatory)][string] $ModuleOut)
    $assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path $ModuleOut 'WebexCalls.PowerShell.dll'))
    $names = $assembly.GetExportedTypes() | ForEach-Object {
        $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
        if ($attribute -and -not $_.IsAbstract) { "$($attribute.VerbName)-$($attribute.NounName)" }
    } | Sort-Object
    $template = Join-Path $ModuleOut 'WebexCalls.psd1.template'
    $list = "`n" + (($names | ForEach-Object { "        '$_'" }) -join "`n") + "`n    "
    (Get-Content $template -Raw).Replace('{{CmdletsToExport}}', $list) | Set-Content (Join-Path $ModuleOut 'WebexCalls.psd1') -Encoding utf8 -NoNewline
    Remove-Item $template
}

function Write-CommandsByTask {
    # about_WebexCalls lists the commands by task: the tasks and their order are the README's "cmdlets by task" table
    # (the one grouping kept by hand, and a test checks it names every cmdlet), each command's line its help synopsis.
    param([Parameter(Mandatory)][string] $ModuleOut)
    $readme = @(Get-Content (Join-Path $Root 'README.md'))
    $start = [array]::IndexOf($readme, '| Task | Cmdlets |')
    if ($start -lt 0) { throw "README.md has no '| Task | Cmdlets |' table for about_WebexCalls." }
    $rows = $readme[($start + 2)..($readme.Count - 1)]
    $end = [array]::FindIndex([string[]] $rows, [Predicate[string]] { param($line) -not $line.StartsWith('|') })
    if ($end -ge 0) { $rows = $rows[0..($end - 1)] }
    $lines = foreach ($row in $rows) {
        $null = $row -match '^\| ([^|]+?) \| (.+) \|$'
        $task, $cells = $Matches[1], $Matches[2]
        "    $task"
        foreach ($name in [regex]::Matches($cells, '\b[A-Z][A-Za-z]+-Webex\w+') | ForEach-Object Value | Select-Object -Unique) {
            $synopsis = (Get-Help $name).Synopsis -replace '\s+', ' '
            $words = $synopsis -split ' '
            $line = '        {0,-29}' -f $name
            foreach ($word in $words) {
                if ($line.Length + $word.Length + 1 -gt 88 -and $line.Trim().Length -gt 0 -and $line.Length -gt 37) { $line; $line = ' ' * 37 }
                $line = if ($line.EndsWith(' ')) { $line + $word } else { "$line $word" }
            }
            $line
        }
        ''
    }
    $topic = Join-Path $ModuleOut 'en-US/about_WebexCalls.help.txt'
    (Get-Content $topic -Raw).Replace("{{CommandsByTask}}`n", (($lines -join "`n").TrimEnd() + "`n")) | Set-Content $topic -Encoding utf8 -NoNewline
}

function Get-ReleaseNote {
    # The newest section of CHANGELOG.md, for the manifest's ReleaseNotes (the Gallery shows them).
    $lines = Get-Content (Join-Path $Root 'CHANGELOG.md')
    $start = ($lines | Select-String -Pattern '^## ' | Select-Object -First 1).LineNumber
    $end = ($lines | Select-String -Pattern '^## ' | Select-Object -Skip 1 -First 1).LineNumber
    $section = $lines[($start - 1)..(($(if ($end) { $end - 1 } else { $lines.Count })) - 1)]
    return (($section -join "`n").Trim() + "`n`nThe whole history: CHANGELOG.md in the project.")
}
