using System.Text.RegularExpressions;

namespace WebexCalls.Client
{
    /// <summary>
    /// Checks a dial destination before any request, against the forms the spec lists: digits (with an optional
    /// leading +, and * or #), <c>tel:</c> and <c>sip:</c> URIs, and <c>user@host</c>.
    /// </summary>
    public static class DestinationValidator
    {
        private static readonly Regex Valid = new Regex(
            @"^(?:(?:tel:)?\+?[0-9*#]+|sips?:[^@\s:]+@[A-Za-z0-9.-]+(?::[0-9]+)?|[^@\s:]+@[A-Za-z0-9.-]+)$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The forms accepted, for messages.</summary>
        public const string AcceptedForms = "digits (1234, +14085550100, *73, with # allowed), tel:+14085550100, sip:user@example.com or user@example.com";

        /// <summary>True when <paramref name="destination"/> has one of the accepted forms.</summary>
        public static bool IsValid(string? destination) => !string.IsNullOrEmpty(destination) && Valid.IsMatch(destination);

        /// <summary>Explains why <paramref name="destination"/> is refused.</summary>
        public static string Describe(string? destination) =>
            "'" + destination + "' is not a destination Webex can dial. Use " + AcceptedForms + ".";
    }
}
