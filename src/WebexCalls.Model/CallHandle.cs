using System;
using System.Text;

namespace WebexCalls
{
    /// <summary>
    /// Makes the short handle a person can tell calls apart by. Webex's call ids are unpadded base64 of
    /// <c>ciscospark://us/CALL/.../callhalf-488:0</c>, so they all begin alike; the handle is the distinguishing end:
    /// the decoded last segment (<c>callhalf-488</c>), or the last 8 characters of an id that does not decode so.
    /// </summary>
    public static class CallHandle
    {
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

                if (last.Length > 0 && last.Length <= 24)
                {
                    return last;
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
