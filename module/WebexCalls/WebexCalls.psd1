@{
    # build.ps1 stamps the version and prerelease label from Directory.Build.props, the release notes from the
    # newest section of CHANGELOG.md and the cmdlets from the assembly, over the placeholders in double braces.
    RootModule           = 'WebexCalls.PowerShell.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = '5b0c7f0e-3d7a-4f43-9c55-1f1d0a6a8e21'
    Author               = 'The WebexCalls authors'
    CompanyName          = 'Community'
    Copyright            = '(c) 2026 The WebexCalls authors. MIT licence.'
    Description          = 'Webex Calling call control from PowerShell: list, dial, answer, hold, transfer, park, record and hang up calls through the Webex Calling Call Controls API, manage conferences, and receive verified webhook events, with rich CallSession objects, -WhatIf, pipeline binding and a local simulator for trying it without a Webex account.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # The dependency-free object model, loaded at import into the shared context so that [WebexCalls.CallState],
    # [WebexCalls.CallSession] and the exception types can be named in scripts at once. The engine (engine/) loads
    # in a context of its own on first use, so other modules' copies of its packages never meet ours.
    RequiredAssemblies   = @('WebexCalls.Model.dll')
    FormatsToProcess     = @('WebexCalls.format.ps1xml')
    TypesToProcess       = @('WebexCalls.types.ps1xml')
    # Written by build.ps1 from the cmdlet classes in WebexCalls.PowerShell.dll: no list of cmdlets is kept by hand.
    CmdletsToExport      = @({{CmdletsToExport}})
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Webex', 'WebexCalling', 'Cisco', 'Telephony', 'CallControl', 'Calls', 'Webhooks', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/webexcalls/WebexCalls.PowerShell/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/webexcalls/WebexCalls.PowerShell'
            ReleaseNotes = '{{ReleaseNotes}}'
            Prerelease   = '{{Prerelease}}'
        }
    }
}
