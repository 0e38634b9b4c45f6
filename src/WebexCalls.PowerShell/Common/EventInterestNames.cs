using System.Linq;
using System.Text.RegularExpressions;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The interest cmdlets' parameter values (VirtualLines, HookStatus: one word, for tab completion) and Webex's
    /// spelling of them (Virtual Lines, Hook Status).
    /// </summary>
    internal static class EventInterestNames
    {
        /// <summary>The parameter values of -Actor.</summary>
        public const string Actors = "Workspaces,VirtualLines";

        /// <summary>Webex's spelling: a space before each capital but the first.</summary>
        public static string ToWebex(string value) => Regex.Replace(value, "(?<=[a-z])(?=[A-Z])", " ");

        /// <summary>Webex's spellings of <paramref name="values"/>, or none.</summary>
        public static string[] ToWebex(string[]? values) => (values ?? new string[0]).Select(ToWebex).Distinct().ToArray();
    }
}
