using System.Globalization;

namespace WebexCalls
{
    /// <summary>How messages quote values a user gave, which may be of any length and hold any character.</summary>
    internal static class Quoting
    {
        // Longer than any Webex id, so a real id is always quoted whole and can be copied from the message.
        private const int WholeUpTo = 128;
        private const int StartShown = 64;

        /// <summary>
        /// <paramref name="text"/> whole when it is up to 128 characters, else its first 64 and its length; control
        /// characters shown as '?', so a message never carries a line break or an escape sequence it was given.
        /// </summary>
        public static string Quote(string? text)
        {
            if (text is null)
            {
                return "(none)";
            }

            var shown = text.Length <= WholeUpTo ? text : text.Substring(0, StartShown) + "... (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
            var chars = shown.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsControl(chars[i]))
                {
                    chars[i] = '?';
                }
            }

            return new string(chars);
        }

        /// <summary>A request path with each over-long segment quoted short (the query too).</summary>
        public static string QuotePath(string path)
        {
            if (path.Length <= WholeUpTo)
            {
                return Quote(path);
            }

            var parts = path.Split('/');
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = Quote(parts[i]);
            }

            return string.Join("/", parts);
        }
    }
}
