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

        /// <summary>
        /// The longest number accepted, after separators are taken out. The spec sets no limit; E.164 numbers have at
        /// most 15 digits, and this leaves room for a leading +, access codes, * and #.
        /// </summary>
        public const int MaxNumberLength = 32;

        /// <summary>The longest SIP or e-mail-style URI accepted; the spec sets no limit, and real ones are far shorter.</summary>
        public const int MaxUriLength = 256;

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
        public static bool IsValid(string? destination) =>
            !string.IsNullOrWhiteSpace(destination) && TooLong(Normalize(destination!)) is null && Valid.IsMatch(Normalize(destination!));

        /// <summary>Explains why <paramref name="destination"/> is refused, quoting at most the start of a long one.</summary>
        public static string Describe(string? destination)
        {
            var tooLong = string.IsNullOrWhiteSpace(destination) ? null : TooLong(Normalize(destination!));
            return "'" + WebexIdRules.Quote(destination) + "' is not a destination Webex can dial"
                + (tooLong is null ? ". Use " + AcceptedForms + "." : ": " + tooLong + ".");
        }

        private static string? TooLong(string normalized)
        {
            var isNumber = PhoneLike.IsMatch(normalized);
            var limit = isNumber ? MaxNumberLength : MaxUriLength;
            return normalized.Length <= limit ? null
                : "it is " + normalized.Length + " characters long, more than the " + limit + " a " + (isNumber ? "number" : "URI") + " may have";
        }
    }
}
