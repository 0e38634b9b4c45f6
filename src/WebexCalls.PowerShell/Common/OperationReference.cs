using System;
using System.Linq;
using System.Management.Automation;
using System.Text;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Renders docs/operations.md from the client's operation table and the cmdlets' <see cref="WebexOperationAttribute"/>:
    /// build.ps1 calls it, and a test checks the file is current. Public only so the build script can call it.
    /// </summary>
    public static class OperationReference
    {
        /// <summary>The cmdlets that perform <paramref name="operation"/>, by their [Cmdlet] names.</summary>
        public static string[] CmdletsFor(string operation) =>
            typeof(OperationReference).Assembly.GetExportedTypes()
                .Where(type => type.GetCustomAttributes(typeof(WebexOperationAttribute), false).Cast<WebexOperationAttribute>().Any(attribute => attribute.Operations.Contains(operation)))
                .Select(type => type.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single())
                .Select(cmdlet => cmdlet.VerbName + "-" + cmdlet.NounName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The body (or query) fields of an operation, by its reference name (see <see cref="OperationNames"/>).</summary>
        public static string BodyOf(string operation) => Row(operation).Body;

        /// <summary>The operations <paramref name="cmdletType"/> names in its <see cref="WebexOperationAttribute"/>; none when it has none.</summary>
        public static string[] OperationsOf(Type cmdletType) =>
            cmdletType.GetCustomAttributes(typeof(WebexOperationAttribute), false).Cast<WebexOperationAttribute>().SelectMany(attribute => attribute.Operations).ToArray();

        /// <summary>
        /// Every operation's reference name: Webex's name for Call Controls (<c>hold</c>), and <c>conference/</c> and
        /// Webex's name for Conference Controls (<c>conference/mute</c>), since the two families share names.
        /// </summary>
        public static string[] OperationNames() =>
            CallOperations.All.Select(operation => operation.Name).Concat(ConferenceOperations.All.Select(operation => "conference/" + operation.Name)).ToArray();

        private static CallOperation Row(string name) =>
            name.StartsWith("conference/", StringComparison.Ordinal)
                ? ConferenceOperations.All.First(operation => "conference/" + operation.Name == name)
                : CallOperations.Named(name);

        /// <summary>The Markdown of docs/operations.md.</summary>
        public static string ToMarkdown()
        {
            var text = new StringBuilder();
            text.Append("# Call Controls operations\n\n")
                .Append("Rendered by `./build.ps1 Docs` from the client's operation table (`src/WebexCalls.Client/CallOperations.cs`) and\n")
                .Append("the cmdlets' `[WebexOperation]` attributes; a test fails when it is stale. Paths are under `https://webexapis.com/v1`.\n")
                .Append("`lineOwnerId` goes in a POST's body and a GET's query; a member's route carries `orgId` in its query instead.\n")
                .Append("A members route the spec does not confirm answers a bare 404 with `WebexMembersRouteNotOffered`. Conference Controls\n")
                .Append("rows are named `conference/...`; the supervisor modes have no user route, and the user's own go through `members/me`.\n\n")
                .Append("| Operation | Method | User route | Members route | lineOwnerId | Body or query | Success | Cmdlet |\n")
                .Append("|---|---|---|---|---|---|---|---|\n");
            foreach (var (operation, reference) in CallOperations.All.Select(operation => (operation, operation.Name))
                .Concat(ConferenceOperations.All.Select(operation => (operation, "conference/" + operation.Name))))
            {
                text.Append("| `").Append(reference).Append("` | ").Append(operation.Method)
                    .Append(" | ").Append(operation.UserPath is null ? (operation.MePath is null ? "none" : "`" + operation.MePath + "`") : "`" + operation.UserPath + "`")
                    .Append(" | ").Append(operation.MemberPath is null ? "none" : "`" + operation.MemberPath + "`" + (operation.MemberRouteConfirmed ? string.Empty : " (not confirmed)"))
                    .Append(" | ").Append(operation.LineOwner == LineOwnerPlacement.None ? "no" : operation.LineOwner.ToString().ToLowerInvariant())
                    .Append(" | ").Append(operation.Body.Length == 0 ? "none" : "`" + operation.Body + "`")
                    .Append(" | ").Append(operation.SuccessStatus)
                    .Append(" | ").Append(string.Join(", ", CmdletsFor(reference).Select(name => "`" + name + "`")))
                    .Append(" |\n");
            }

            return text.ToString();
        }
    }
}
