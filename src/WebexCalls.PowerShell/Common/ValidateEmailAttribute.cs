using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Refuses, before any request, text that cannot be an e-mail address: it needs one @ with text on both sides and a
    /// dot in the domain, no whitespace or control character, and at most 254 characters (RFC 5321's path limit). It is
    /// a shape check only; whether Webex knows the address is the People API's to say.
    /// </summary>
    public sealed class ValidateEmailAttribute : ValidateEnumeratedArgumentsAttribute
    {
        /// <summary>True for text shaped like an address.</summary>
        public static bool IsAddress(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.Length > 254 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return false;
            }

            var at = text.IndexOf('@');
            return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && text.IndexOf('.', at) > at + 1 && !text.EndsWith(".", System.StringComparison.Ordinal);
        }

        /// <summary>Checks each address given (the parameter takes many).</summary>
        protected override void ValidateElement(object element)
        {
            var text = element is PSObject wrapped ? wrapped.BaseObject as string : element as string;
            if (!IsAddress(text))
            {
                throw new ValidationMetadataException(Describe(text));
            }
        }

        private static string Describe(string? text) =>
            "'" + WebexCalls.Client.WebexIdRules.Quote(text) + "' is not an e-mail address (name@example.com). To find a member by phone number or extension, use -PhoneNumber or -Extension; by name, -Name.";
    }
}
