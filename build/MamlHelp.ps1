# Writes the help model as MAML (en-US/WebexCalls.PowerShell.dll-Help.xml), the file Get-Help reads.

$script:MamlNs = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Write-MamlHelp {
    param([Parameter(Mandatory)] $Model, [Parameter(Mandatory)][string] $Path)
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $w = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $w.WriteStartDocument()
        $w.WriteStartElement('helpItems', 'http://msh')
        $w.WriteAttributeString('schema', 'maml')
        foreach ($cmdlet in $Model) { Write-MamlCommand $w $cmdlet }
        $w.WriteEndElement()
        $w.WriteEndDocument()
    }
    finally { $w.Dispose() }
}

function Write-MamlCommand($w, $cmdlet) {
    $ns = $script:MamlNs
    $cmd = $cmdlet.Command
    $docs = @{}
    foreach ($p in $cmdlet.Parameters) { $docs[$p.Name] = $p }

    $w.WriteStartElement('command', 'command', $ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $w.WriteStartElement('command', 'details', $ns.command)
    $w.WriteElementString('name', $ns.command, $cmd.Name)
    $w.WriteElementString('verb', $ns.command, $cmd.Verb)
    $w.WriteElementString('noun', $ns.command, $cmd.Noun)
    Write-MamlDescription $w $cmdlet.Synopsis
    $w.WriteEndElement()
    Write-MamlDescription $w $cmdlet.Remarks

    # One syntax item per parameter set, with that set's required, position and pipeline flags.
    $w.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $cmd.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('name', $ns.maml, $cmd.Name)
        foreach ($p in $set.Parameters | Where-Object { $docs.ContainsKey($_.Name) }) { Write-MamlParameter $w $docs[$p.Name] $p }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($p in $cmdlet.Parameters) { Write-MamlParameter $w $p ($p.Parameter.ParameterSets.Values | Select-Object -First 1) }
    $w.WriteEndElement()

    # INPUTS: what the pipeline can bind, from the parameters that take pipeline input.
    $w.WriteStartElement('command', 'inputTypes', $ns.command)
    foreach ($p in $cmdlet.Parameters | Where-Object Pipeline) {
        $w.WriteStartElement('command', 'inputType', $ns.command)
        Write-MamlType $w $p.Parameter.ParameterType.FullName
        Write-MamlDescription $w "-$($p.Name), $($p.Pipeline)."
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($output in $cmd.OutputType) {
        $w.WriteStartElement('command', 'returnValue', $ns.command)
        Write-MamlType $w $output.Name
        Write-MamlDescription $w ''
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $ns.command)
    $n = 0
    foreach ($example in $cmdlet.Examples) {
        $n++
        $w.WriteStartElement('command', 'example', $ns.command)
        $w.WriteElementString('title', $ns.maml, "-------------------------- Example $n --------------------------")
        $w.WriteElementString('code', $ns.dev, "PS> $($example.Code)")
        $w.WriteStartElement('dev', 'remarks', $ns.dev); Write-MamlPara $w $example.Remarks; $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    # The first link with a URI is what Get-Help -Online opens.
    $w.WriteStartElement('command', 'relatedLinks', $ns.command)
    Write-MamlLink $w 'Online version:' $cmdlet.HelpUri
    Write-MamlLink $w 'about_WebexCalls' $null
    $w.WriteEndElement()
    $w.WriteEndElement()
}

function Write-MamlParameter($w, $doc, $setMetadata) {
    $ns = $script:MamlNs
    $parameter = $doc.Parameter
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
    Write-MamlDescription $w $doc.Description
    if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', 'true')
        $w.WriteString((Get-TypeName $parameter.ParameterType))
        $w.WriteEndElement()
    }
    Write-MamlType $w $parameter.ParameterType.FullName
    $w.WriteElementString('defaultValue', $ns.dev, $doc.Default)
    $w.WriteEndElement()
}

function Write-MamlPara($w, [string] $text) {
    $w.WriteStartElement('maml', 'para', $script:MamlNs.maml); $w.WriteString($text); $w.WriteEndElement()
}

function Write-MamlDescription($w, [string] $text) {
    $w.WriteStartElement('maml', 'description', $script:MamlNs.maml); Write-MamlPara $w $text; $w.WriteEndElement()
}

function Write-MamlType($w, [string] $name) {
    $w.WriteStartElement('dev', 'type', $script:MamlNs.dev); $w.WriteElementString('name', $script:MamlNs.maml, $name); $w.WriteEndElement()
}

function Write-MamlLink($w, [string] $text, [string] $uri) {
    $w.WriteStartElement('maml', 'navigationLink', $script:MamlNs.maml)
    $w.WriteElementString('linkText', $script:MamlNs.maml, $text)
    if ($uri) { $w.WriteElementString('uri', $script:MamlNs.maml, $uri) }
    $w.WriteEndElement()
}
