namespace WebexCalls.Commands
{
    /// <summary>
    /// Where Get-Help -Online goes: each cmdlet's section of docs/cmdlets.md, which the build renders from the same
    /// /// documentation as the MAML help. There is no updatable help (no HelpInfoURI): the help ships inside the
    /// module, and nothing hosts the HelpInfo.xml and cab files Update-Help would need.
    /// </summary>
    internal static class HelpLinks
    {
        public const string Base = "https://github.com/webexcalls/WebexCalls.PowerShell/blob/main/docs/cmdlets.md";
    }
}
