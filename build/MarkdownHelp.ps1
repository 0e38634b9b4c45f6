# Writes the help model as docs/cmdlets.md, the reference that Get-Help -Online opens.

function Write-MarkdownHelp {
    param([Parameter(Mandatory)] $Model, [Parameter(Mandatory)][string] $Path)
    $md = [System.Text.StringBuilder]::new()
    $null = $md.AppendLine('# WebexCalls cmdlets').AppendLine()
    $null = $md.AppendLine('Rendered by `./build.ps1 Docs` from the same `///` documentation as `Get-Help`; each cmdlet''s `Get-Help -Online` opens its section. Do not edit by hand.').AppendLine()
    foreach ($cmdlet in $Model) {
        $null = $md.AppendLine("## $($cmdlet.Name)").AppendLine().AppendLine($cmdlet.Synopsis).AppendLine().AppendLine('```text')
        foreach ($line in (Get-Command $cmdlet.Name -Syntax) -split "`r?`n" | Where-Object { $_.Trim() }) { $null = $md.AppendLine($line.Trim()) }
        $null = $md.AppendLine('```').AppendLine().AppendLine($cmdlet.Remarks).AppendLine()
        $null = $md.AppendLine('| Parameter | Type | Default | Pipeline | Description |').AppendLine('|---|---|---|---|---|')
        foreach ($p in $cmdlet.Parameters) {
            $null = $md.AppendLine("| ``-$($p.Name)`` | ``$(Get-TypeName $p.Parameter.ParameterType)`` | $($p.Default) | $(if ($p.Pipeline) { $p.Pipeline } else { 'no' }) | $($p.Description -replace '\|', '\|') |")
        }
        $null = $md.AppendLine()
        $n = 0
        foreach ($example in $cmdlet.Examples) {
            $n++
            $null = $md.AppendLine("Example $($n):").AppendLine().AppendLine('```powershell').AppendLine($example.Code).AppendLine('```').AppendLine().AppendLine($example.Remarks).AppendLine()
        }
    }
    $null = New-Item -ItemType Directory -Path (Split-Path $Path) -Force
    # One line ending whatever the platform, so the committed copy compares equal everywhere.
    [System.IO.File]::WriteAllText($Path, ($md.ToString() -replace "`r`n", "`n").TrimEnd() + "`n")
}

function Get-TypeName([type] $Type) {
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    return $Type.Name
}
