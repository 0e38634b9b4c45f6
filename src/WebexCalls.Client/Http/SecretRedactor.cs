using System.Text.RegularExpressions;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Blanks the value of every <c>"secret"</c> member of a JSON text before a log sees it: a webhook's secret goes out
    /// in its create and update bodies, and Webex echoes it in every webhook it returns (the spec's examples do).
    /// </summary>
    internal static class SecretRedactor
    {
        private static readonly Regex SecretMember = new Regex(
            "(\"secret\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary><paramref name="json"/> with each secret's value replaced by <c>"(redacted)"</c>.</summary>
        public static string Redact(string json) =>
            json.IndexOf("secret", System.StringComparison.OrdinalIgnoreCase) < 0 ? json : SecretMember.Replace(json, "$1\"(redacted)\"");
    }
}
