using System.Text.RegularExpressions;

namespace WebexCalls.Client
{
    /// <summary>
    /// Checks a dial destination (or a target) before any request, against the forms the spec lists: digits (with an
    /// optional leading +, and * or #), <c>tel:</c> and <c>sip:</c> URIs, and <c>user@host</c>. The usual visual
    /// separators of phone numbers (spaces, dashes, dots, parentheses) are accepted and taken out before sending.
    /// </summary>
    public static class DestinationValidator
    {
        private static readonly Regex PhoneLike = new Regex(@"^(?<scheme>tel:)?\s*(?<number>\+?\s*\(?[0-9*#][0-9*#\s().-]*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Separators = new Regex(@"[\s().-]", RegexOptions.CultureInvariant);
        private const string Host = @"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+";
        private const string User = @"[A-Za-z0-9][A-Za-z0-9._%+-]*";

        private static readonly Regex Valid = new Regex(
            @"^(?:(?:tel:)?\+?[0-9*#]+|sips?:" + User + "@" + Host + "(?::[0-9]{1,5})?|" + User + "@" + Host + ")$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The forms accepted, for messages.</summary>
        public const string AcceptedForms = "digits (1234, +14085550100, *73, with # allowed; spaces, dashes, dots and parentheses are fine), tel:+14085550100, sip:user@example.com or user@example.com";

        /// <summary>
        /// The destination as it is sent: a phone number without its visual separators (<c>+1 (408) 555-0100</c> becomes
        /// <c>+14085550100</c>); anything else trimmed and unchanged.
        /// </summary>
        public static string Normalize(string destination)
        {
            var text = destination.Trim();
            var phone = PhoneLike.Match(text);
            return phone.Success ? phone.Groups["scheme"].Value + Separators.Replace(phone.Groups["number"].Value, string.Empty) : text;
        }

        /// <summary>True when <paramref name="destination"/>, normalised, has one of the accepted forms.</summary>
        public static bool IsValid(string? destination) => !string.IsNullOrWhiteSpace(destination) && Valid.IsMatch(Normalize(destination!));

        /// <summary>Explains why <paramref name="destination"/> is refused.</summary>
        public static string Describe(string? destination) =>
            "'" + destination + "' is not a destination Webex can dial. Use " + AcceptedForms + ".";
    }
}
