using System.Text.RegularExpressions;

namespace WebexCalls.Client
{
    /// <summary>
    /// Checks DTMF digits before any request, against the spec's set: <c>0-9 * # A B C D</c>, with a comma for a
    /// pause. At least one digit is needed; the letters may be typed in either case and are sent upper-case.
    /// </summary>
    public static class DtmfValidator
    {
        private static readonly Regex Valid = new Regex(@"^,*[0-9*#A-Da-d][0-9*#A-Da-d,]*$", RegexOptions.CultureInvariant);

        /// <summary>True when <paramref name="digits"/> holds only DTMF digits and pauses, and at least one digit.</summary>
        public static bool IsValid(string? digits) => !string.IsNullOrEmpty(digits) && Valid.IsMatch(digits);

        /// <summary>The digits as sent: the letters upper-case.</summary>
        public static string Normalize(string digits) => digits.ToUpperInvariant();

        /// <summary>Explains why <paramref name="digits"/> is refused.</summary>
        public static string Describe(string? digits) =>
            "'" + digits + "' is not a DTMF sequence. Use the digits 0-9, *, #, A, B, C and D, with a comma for a pause (for example 1,234#).";
    }
}
