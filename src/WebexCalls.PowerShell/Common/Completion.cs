using System;
using System.Collections;

namespace WebexCalls.Commands
{
    /// <summary>What the id completers share: the connection to ask, what was typed, and how long they may take.</summary>
    internal static class Completion
    {
        /// <summary>Tab completion must never hang the prompt on a slow network.</summary>
        public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

        /// <summary>The connection the command line names (-Connection), else the current one; null when there is none.</summary>
        public static WebexCallingConnection? SessionOf(IDictionary? fakeBoundParameters) =>
            fakeBoundParameters?["Connection"] as WebexCallingConnection ?? WebexSession.Current;

        /// <summary>What was typed, without the quotes PowerShell passes along.</summary>
        public static string Typed(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        /// <summary>Whether <paramref name="text"/> starts with what was typed, ignoring case.</summary>
        public static bool StartsWith(string? text, string typed) => (text ?? string.Empty).StartsWith(typed, StringComparison.OrdinalIgnoreCase);
    }
}
