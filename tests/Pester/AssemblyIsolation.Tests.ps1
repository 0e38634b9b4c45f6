# Each scenario runs in a fresh pwsh, because which copy of an assembly a process loads first cannot be undone.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    if (-not $env:WEBEXCALLS_CONFLICTING_DLL) { throw 'WEBEXCALLS_CONFLICTING_DLL is not set: run the tests with ./build.ps1 Test.' }
    $script:Connect = "Connect-WebexCalling -BaseUri '$(Get-SimulatorUri)' -AccessToken (ConvertTo-SecureString 'x' -AsPlainText -Force) -PassThru | ForEach-Object { 'CONNECTED ' + `$_.ActiveCalls }"
}

Describe 'Another module''s copy of a dependency' {
    It 'loaded after WebexCalls does not break it' {
        $output = Invoke-FreshPwsh @"
Import-Module '$(Get-TestModulePath)'
$Connect
Add-Type -Path '$env:WEBEXCALLS_CONFLICTING_DLL'
Get-WebexCall | Measure-Object | ForEach-Object { 'LISTED ' + `$_.Count }
"@
        $output | Should -Contain 'CONNECTED 0'
        $output | Should -Contain 'LISTED 0'
    }

    It 'loaded before WebexCalls gives a clear WebexDependencyConflict error, not a raw FileLoadException' {
        # Known limit: the module does not isolate its dependencies yet, so an older copy loaded first wins.
        $output = Invoke-FreshPwsh @"
Add-Type -Path '$env:WEBEXCALLS_CONFLICTING_DLL'
Import-Module '$(Get-TestModulePath)'
try { $Connect } catch { `$_.FullyQualifiedErrorId; `$_.ErrorDetails.Message; `$_.ErrorDetails.RecommendedAction }
"@
        $output | Should -Contain 'WebexDependencyConflict,WebexCalls.Commands.ConnectWebexCallingCommand'
        ($output -join "`n") | Should -Match 'cannot load Microsoft\.Extensions\.DependencyInjection\.Abstractions'
        ($output -join "`n") | Should -Match 'Import-Module WebexCalls before'
    }
}
