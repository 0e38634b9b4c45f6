using System;
using System.Text;

namespace WebexCalls
{
    /// <summary>
    /// Makes the short handle a person can tell calls apart by. Webex's call ids are unpadded base64 of
    /// <c>ciscospark://us/CALL/.../callhalf-488:0</c>, so they all begin alike; the handle is the distinguishing end:
    /// the decoded last segment (<c>callhalf-488</c>), or the last 8 characters of an id that does not decode so.
    /// A handle is at most <see cref="MaxLength"/> characters, the width the table gives it, so a handle that is shown
    /// is always whole and can be typed; a longer segment keeps its end, where calls of one session differ
    /// (<c>callhalf-6586-1</c>, <c>callhalf-6586-2</c>).
    /// </summary>
    public static class CallHandle
    {
        /// <summary>The longest handle, and the width of the table's Handle column.</summary>
        public const int MaxLength = 16;

        /// <summary>The handle of <paramref name="callId"/>; empty for an empty id.</summary>
        public static string Of(string? callId)
        {
            if (string.IsNullOrEmpty(callId))
            {
                return string.Empty;
            }

            var decoded = TryDecode(callId!);
            if (decoded != null && decoded.StartsWith("ciscospark://", StringComparison.OrdinalIgnoreCase))
            {
                var last = decoded.Substring(decoded.LastIndexOf('/') + 1);
                var colon = last.LastIndexOf(':');
                if (colon > 0)
                {
                    last = last.Substring(0, colon);
                }

                // A UUID-shaped tail is long; its first block tells calls apart.
                if (last.Length == 36 && last[8] == '-')
                {
                    last = last.Substring(0, 8);
                }

                if (last.Length > 0)
                {
                    return last.Length <= MaxLength ? last : last.Substring(last.Length - MaxLength);
                }
            }

            return callId!.Length <= 8 ? callId : callId.Substring(callId.Length - 8);
        }

        private static string? TryDecode(string id)
        {
            try
            {
                var text = id.Replace('-', '+').Replace('_', '/');
                text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
                return Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
