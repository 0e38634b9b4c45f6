# The module's engine (WebexCalls.Client, Microsoft.Extensions.*, and System.Text.Json where the runtime's is older)
# loads in a private AssemblyLoadContext, so other modules' copies of the same packages, older or newer, loaded before
# or after ours, never meet it. Each scenario runs in a fresh pwsh, because what a process loaded cannot be undone.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    if (-not $env:WEBEXCALLS_OLDER_DLLS -or -not $env:WEBEXCALLS_NEWER_DLL) {
        throw 'WEBEXCALLS_OLDER_DLLS and WEBEXCALLS_NEWER_DLL are not set: run the tests with ./build.ps1 Test.'
    }
    $script:OlderDlls = $env:WEBEXCALLS_OLDER_DLLS -split [regex]::Escape([System.IO.Path]::PathSeparator)
    $script:OlderAbstractions = $script:OlderDlls | Where-Object { $_ -match 'DependencyInjection\.Abstractions\.dll$' }

    function Get-UsageScript([string[]] $Preload) {
        # Loads $Preload first (as another module would), then uses the module the way a script does, and prints
        # tagged lines for the assertions: what worked, and which load context each assembly sits in.
        $adds = ($Preload | ForEach-Object { "Add-Type -Path '$_'" }) -join "`n"
        @"
`$ErrorActionPreference = 'Stop'
$adds
Import-Module '$(Get-TestModulePath)'
`$token = ConvertTo-SecureString 'x' -AsPlainText -Force
Connect-WebexCalling -BaseUri '$(Get-SimulatorUri)' -AccessToken `$token
`$call = Invoke-WebexDial -Destination +14085550100 -Confirm:`$false
'DIALLED ' + (`$call -is [WebexCalls.CallSession])
'LISTED ' + @(Get-WebexCall | Where-Object CallId -EQ `$call.CallId).Count
'STATE ' + [WebexCalls.CallState]::Held
try { Get-WebexCall -CallId no-such-call -ErrorAction Stop } catch [WebexCalls.WebexApiException] { 'CAUGHT ' + `$_.Exception.Kind }
'VIEW ' + ((`$call | Format-Table | Out-String) -match 'Handle\s+State\s+Direction')
foreach (`$assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    `$name = `$assembly.GetName()
    if (`$name.Name -match '^(WebexCalls\.|Microsoft\.Extensions\.|Microsoft\.Bcl\.)') {
        'CONTEXT {0} {1} {2}' -f `$name.Name, `$name.Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly).Name
    }
}
Remove-Module WebexCalls
Import-Module '$(Get-TestModulePath)' -Force
Connect-WebexCalling -BaseUri '$(Get-SimulatorUri)' -AccessToken `$token
'REIMPORTED ' + @(Get-WebexCall | Where-Object CallId -EQ `$call.CallId | Stop-WebexCall -PassThru -Confirm:`$false).Count
"@
    }

    function Assert-Works([string[]] $Output) {
        $Output | Should -Contain 'DIALLED True'
        $Output | Should -Contain 'LISTED 1'
        $Output | Should -Contain 'STATE Held'
        $Output | Should -Contain 'CAUGHT NotFound'
        $Output | Should -Contain 'VIEW True'
        $Output | Should -Contain 'REIMPORTED 1'
        # Ours: the cmdlets, the object model and the loader share PowerShell's context; the engine has its own.
        $Output | Should -Contain 'CONTEXT WebexCalls.PowerShell 0.1.0.0 Default'
        $Output | Should -Contain 'CONTEXT WebexCalls.Model 0.1.0.0 Default'
        $Output | Should -Contain 'CONTEXT WebexCalls.Loader 0.1.0.0 Default'
        $Output | Should -Contain 'CONTEXT WebexCalls.Client 0.1.0.0 WebexCalls.Engine'
        $Output | Should -Contain 'CONTEXT Microsoft.Extensions.Http 8.0.0.0 WebexCalls.Engine'
        $Output | Should -Contain 'CONTEXT Microsoft.Extensions.DependencyInjection.Abstractions 8.0.0.0 WebexCalls.Engine'
        # Nothing of ours leaked into the shared context.
        $Output | Where-Object { $_ -match '^CONTEXT Microsoft\.Extensions\.\S+ 8\.0\.0\.0 Default$' } | Should -BeNullOrEmpty
    }
}

# Windows PowerShell 5.1 has one load context and a different mechanism (an AssemblyResolve hook), which these
# AssemblyLoadContext assertions do not describe.
Describe 'Dependency isolation' -Skip:($PSVersionTable.PSEdition -eq 'Desktop') {
    It 'works alone, with the engine in its own load context' {
        $output = Invoke-FreshPwsh (Get-UsageScript @())
        Assert-Works $output
    }

    It 'works when another module loaded an older Microsoft.Extensions.DependencyInjection.Abstractions first' {
        $output = Invoke-FreshPwsh (Get-UsageScript @($script:OlderAbstractions))
        Assert-Works $output
        $output | Should -Contain 'CONTEXT Microsoft.Extensions.DependencyInjection.Abstractions 6.0.0.0 Default'
    }

    It 'works when another module loaded a newer Microsoft.Extensions.DependencyInjection.Abstractions first' {
        $output = Invoke-FreshPwsh (Get-UsageScript @($env:WEBEXCALLS_NEWER_DLL))
        Assert-Works $output
        $output | Should -Contain 'CONTEXT Microsoft.Extensions.DependencyInjection.Abstractions 10.0.0.0 Default'
    }

    It 'works when another module loaded an older copy of every third-party package the engine ships first' {
        $output = Invoke-FreshPwsh (Get-UsageScript $script:OlderDlls)
        Assert-Works $output
        $output | Should -Contain 'CONTEXT Microsoft.Extensions.Http 6.0.0.0 Default'
        $output | Should -Contain 'CONTEXT Microsoft.Extensions.Primitives 6.0.0.0 Default'
    }

    It 'does not break a module imported after it that needs the older version' {
        $output = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-TestModulePath)'
Connect-WebexCalling -BaseUri '$(Get-SimulatorUri)' -AccessToken (ConvertTo-SecureString 'x' -AsPlainText -Force)
`$null = Get-WebexCall
Add-Type -Path '$($script:OlderAbstractions)'
`$descriptor = [Microsoft.Extensions.DependencyInjection.ServiceDescriptor]::new([string], 'other module')
'OTHER ' + `$descriptor.GetType().Assembly.GetName().Version
'STILL ' + (@(Get-WebexCall).Count -ge 0)
"@
        $output | Should -Contain 'OTHER 6.0.0.0'
        $output | Should -Contain 'STILL True'
    }
}

Describe 'A damaged installation' {
    BeforeEach {
        # A copy of the built module with one engine file missing, as a partly copied installation would be.
        $script:Damaged = Join-Path ([System.IO.Path]::GetTempPath()) "webexcalls-damaged-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        Copy-Item (Split-Path (Get-TestModulePath)) $script:Damaged -Recurse
    }
    AfterEach { Remove-Item $script:Damaged -Recurse -Force -ErrorAction SilentlyContinue }

    It 'says at import that the engine is missing and how to mend it' {
        Remove-Item (Join-Path $script:Damaged 'engine/WebexCalls.Client.dll')
        $output = Invoke-FreshPwsh "try { Import-Module '$(Join-Path $script:Damaged 'WebexCalls.psd1')' -ErrorAction Stop } catch { 'IMPORT ' + `$_.Exception.Message }"
        ($output -join ' ') | Should -Match 'IMPORT .*WebexCalls is incomplete: .*WebexCalls\.Client\.dll is missing\. Reinstall'
    }

    It 'gives WebexDependencyConflict, not a raw FileNotFoundException, when a package of the engine is missing' {
        Remove-Item (Join-Path $script:Damaged 'engine/Microsoft.Extensions.Http.dll')
        $output = Invoke-FreshPwsh @"
Import-Module '$(Join-Path $script:Damaged 'WebexCalls.psd1')'
try { Connect-WebexCalling -BaseUri '$(Get-SimulatorUri)' -AccessToken (ConvertTo-SecureString 'x' -AsPlainText -Force) }
catch { 'ID ' + `$_.FullyQualifiedErrorId; 'CATEGORY ' + `$_.CategoryInfo.Category; 'ACTION ' + `$_.ErrorDetails.RecommendedAction }
"@
        $output | Should -Contain 'ID WebexDependencyConflict,WebexCalls.Commands.ConnectWebexCallingCommand'
        $output | Should -Contain 'CATEGORY ResourceUnavailable'
        ($output -join ' ') | Should -Match 'ACTION Reinstall the module'
    }
}
