using System;
using System.Globalization;

namespace WebexCalls.Client
{
    /// <summary>
    /// What the client accepts as a Webex id (a call, member, organisation, line owner or endpoint id) before any
    /// request is built. Webex's ids are base64 text or UUIDs of a few dozen characters; the rules refuse only what no
    /// Webex id can be, and what could change where a request goes or what it means: a path segment of dots (which
    /// .NET's URI parser removes, moving the request up the path: <c>/calls/..</c> is <c>/telephony/</c>), control
    /// characters, whitespace, and text far longer than any id.
    /// </summary>
    public static class WebexIdRules
    {
        /// <summary>The longest id accepted: ten times the longest Webex id seen, far below what a URL may hold.</summary>
        public const int MaxLength = 1024;

        /// <summary>Why <paramref name="id"/> cannot be a Webex id, or null when it can.</summary>
        public static string? Problem(string? id)
        {
            if (id is null || id.Length == 0)
            {
                return "it is empty";
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                return "it is only whitespace";
            }

            if (id.Length > MaxLength)
            {
                return "it is " + id.Length.ToString(CultureInfo.InvariantCulture) + " characters long, and Webex ids are far shorter (at most " + MaxLength.ToString(CultureInfo.InvariantCulture) + " are accepted)";
            }

            if (id == "." || id == "..")
            {
                return "a path segment of dots would move the request to another route";
            }

            foreach (var c in id)
            {
                if (char.IsControl(c))
                {
                    return "it contains a control character (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ")";
                }

                if (char.IsWhiteSpace(c))
                {
                    return "it contains whitespace, and Webex ids have none";
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="id"/> can be a Webex id.</summary>
        public static bool IsValid(string? id) => Problem(id) is null;

        /// <summary>
        /// <paramref name="text"/> as a message quotes it: whole up to 128 characters (longer than any Webex id, so an
        /// id can be copied from a message), else its start and its length; control characters are shown as '?'.
        /// </summary>
        public static string Quote(string? text) => Quoting.Quote(text);
    }
}
