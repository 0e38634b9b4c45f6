# Reads each cmdlet of the built module, and its /// documentation, into one model that both help renderers use.

function Get-DocText($parent, [string] $name) {
    # SelectSingleNode, because PowerShell's XML adapter turns a text-only element into a plain string.
    $node = if ($null -ne $parent) { $parent.SelectSingleNode($name) }
    if ($null -eq $node) { return '' }
    $text = $node.InnerXml -replace '<see cref="[A-Z]:(?:[\w.]+\.)?([\w]+)"\s*/>', '$1' -replace '<c>(.*?)</c>', '$1' -replace '<[^>]+>', ''
    return ([System.Net.WebUtility]::HtmlDecode($text) -replace '\s+', ' ').Trim()
}

function Get-DefaultText($instance, $parameter) {
    # The value a fresh cmdlet object holds is the parameter's default; "None" when it holds nothing.
    if ($parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    if ($null -eq $instance) { return 'None' }
    $value = $instance.GetType().GetProperty($parameter.Name).GetValue($instance)
    if ($null -eq $value -or "$value" -eq '' -or ($value -is [array] -and $value.Count -eq 0)) { return 'None' }
    # A TimeSpan cannot be null; zero is how such a parameter says "not given" (Watch-WebexCall -Timeout).
    if ($value -is [TimeSpan] -and $value -eq [TimeSpan]::Zero) { return 'None' }
    return "$value"
}

function Get-PipelineText($parameter) {
    # "by value, by property name (also Id)" for the first parameter set that takes pipeline input; $null for none.
    foreach ($set in $parameter.ParameterSets.Values) {
        $how = @()
        if ($set.ValueFromPipeline) { $how += 'by value' }
        if ($set.ValueFromPipelineByPropertyName) { $how += 'by property name' + $(if ($parameter.Aliases.Count) { ' (also ' + ($parameter.Aliases -join ', ') + ')' }) }
        if ($how) { return $how -join ', ' }
    }
    return $null
}

function Get-HelpModel {
    # One object per cmdlet: synopsis, remarks, syntax, parameters (with docs, defaults, pipeline), examples, links.
    param([Parameter(Mandatory)][string] $DocumentationXml)
    [xml] $docs = Get-Content $DocumentationXml -Raw
    $members = @{}
    foreach ($member in $docs.doc.members.member) { $members[$member.name] = $member }
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')
    # -WhatIf and -Confirm keep PowerShell's usual wording.
    $riskDocs = @{
        WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run, and no request is sent.'
        Confirm = 'Prompts you for confirmation before running the cmdlet.'
    }

    foreach ($cmd in Get-Command -Module WebexCalls -CommandType Cmdlet | Sort-Object Name) {
        $typeDoc = $members["T:$($cmd.ImplementingType.FullName)"]
        if (-not $typeDoc) { throw "$($cmd.Name) ($($cmd.ImplementingType.FullName)) has no /// documentation." }
        $instance = try { [Activator]::CreateInstance($cmd.ImplementingType) } catch { $null }
        $parameters = foreach ($parameter in $cmd.Parameters.Values | Where-Object { $common -notcontains $_.Name }) {
            # An inherited parameter (such as -CallId) is documented on the type that declares it.
            $description = if ($riskDocs.ContainsKey($parameter.Name)) { $riskDocs[$parameter.Name] } else {
                $declaring = $cmd.ImplementingType.GetProperty($parameter.Name).DeclaringType.FullName
                Get-DocText $members["P:$declaring.$($parameter.Name)"] 'summary'
            }
            if (-not $description) { throw "$($cmd.Name) -$($parameter.Name) has no /// summary." }
            [pscustomobject]@{
                Name = $parameter.Name; Parameter = $parameter; Description = $description
                Default = Get-DefaultText $instance $parameter; Pipeline = Get-PipelineText $parameter
            }
        }
        $examples = @(foreach ($example in $typeDoc.SelectNodes('example')) {
                [pscustomobject]@{ Code = Get-DocText $example 'code'; Remarks = Get-DocText $example 'para' }
            })
        if ($examples.Count -eq 0) { throw "$($cmd.Name) has no /// <example>." }
        [pscustomobject]@{
            Command = $cmd; Name = $cmd.Name; Synopsis = Get-DocText $typeDoc 'summary'; Remarks = Get-DocText $typeDoc 'remarks'
            Parameters = @($parameters); Examples = $examples; HelpUri = $cmd.HelpUri
        }
    }
}
