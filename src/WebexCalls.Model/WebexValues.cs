using System;
using System.Globalization;

namespace WebexCalls
{
    /// <summary>
    /// The one place that reads Webex's raw strings into the object model's values: the client uses it on JSON from
    /// the wire, and the cmdlets' deserialization converter on the Raw* properties an object kept through a job or a
    /// CSV. A value this version does not know reads as the enum's Unknown, never as an error, and the raw text is kept
    /// beside it by the caller.
    /// </summary>
    public static class WebexValues
    {
        /// <summary>A call's state (<c>connected</c>, <c>held</c>, ...).</summary>
        public static CallState State(string? raw) => Parse(raw, CallState.Unknown);

        /// <summary>A call's personality; the seed schema's <c>clickToDialOriginator</c> is the spec's <c>clickToDial</c>.</summary>
        public static CallPersonality Personality(string? raw) =>
            string.Equals(raw, "clickToDialOriginator", StringComparison.OrdinalIgnoreCase) ? CallPersonality.ClickToDial : Parse(raw, CallPersonality.Unknown);

        /// <summary>A call's or party's type (<c>location</c>, <c>organization</c>, <c>external</c>, ...).</summary>
        public static CallType CallType(string? raw) => Parse(raw, WebexCalls.CallType.Unknown);

        /// <summary>A call's recording state; null when Webex sent none (the call is not being recorded at all).</summary>
        public static RecordingState? RecordingState(string? raw) => raw is null ? (RecordingState?)null : Parse(raw, WebexCalls.RecordingState.Unknown);

        /// <summary>
        /// Why a call was redirected. The spec's own <c>unknown</c> reason is a real value (UnknownReason), distinct from
        /// a value this version does not know (Unknown).
        /// </summary>
        public static RedirectionReason RedirectionReason(string? raw) =>
            string.Equals(raw, "unknown", StringComparison.OrdinalIgnoreCase) ? WebexCalls.RedirectionReason.UnknownReason : Parse(raw, WebexCalls.RedirectionReason.Unknown);

        /// <summary>Why a call came back (<c>park</c>, ...).</summary>
        public static RecallType RecallType(string? raw) => Parse(raw, WebexCalls.RecallType.Unknown);

        /// <summary>A history record's type (<c>placed</c>, <c>missed</c>, <c>received</c>).</summary>
        public static CallHistoryType HistoryType(string? raw) => Parse(raw, CallHistoryType.Unknown);

        /// <summary>A conference's state (<c>connected</c>, <c>held</c>, <c>disconnected</c>).</summary>
        public static ConferenceState ConferenceState(string? raw) => Parse(raw, WebexCalls.ConferenceState.Unknown);

        /// <summary>A conference's type; None when Webex sent none (a standard conference).</summary>
        public static ConferenceType ConferenceType(string? raw) => raw is null ? WebexCalls.ConferenceType.None : Parse(raw, WebexCalls.ConferenceType.Unknown);

        /// <summary>A webhook's resource: <c>telephony_calls</c> is Calls, <c>telephony_conference</c> Conference.</summary>
        public static WebhookResource WebhookResource(string? raw) => raw switch
        {
            "telephony_calls" => WebexCalls.WebhookResource.Calls,
            "telephony_conference" => WebexCalls.WebhookResource.Conference,
            _ => WebexCalls.WebhookResource.Unknown,
        };

        /// <summary>The wire text of a webhook resource; null for Unknown.</summary>
        public static string? WebhookResourceText(WebhookResource resource) => resource switch
        {
            WebexCalls.WebhookResource.Calls => "telephony_calls",
            WebexCalls.WebhookResource.Conference => "telephony_conference",
            _ => null,
        };

        /// <summary>A webhook's event filter (<c>all</c>, <c>created</c>, <c>updated</c>, <c>deleted</c>).</summary>
        public static WebhookEvent WebhookEvent(string? raw) => Parse(raw, WebexCalls.WebhookEvent.Unknown);

        /// <summary>A webhook's status (<c>active</c>, <c>inactive</c>).</summary>
        public static WebhookStatus WebhookStatus(string? raw) => Parse(raw, WebexCalls.WebhookStatus.Unknown);

        /// <summary>An event's envelope <c>event</c> (<c>created</c>, <c>updated</c>, <c>deleted</c>).</summary>
        public static WebexEventKind EventKind(string? raw) => Parse(raw, WebexEventKind.Unknown);

        /// <summary>An ISO 8601 time, read as UTC when it names no offset; null when absent or unreadable.</summary>
        public static DateTimeOffset? Time(string? raw)
        {
            if (string.IsNullOrEmpty(raw))
            {
                return null;
            }

            return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : (DateTimeOffset?)null;
        }

        /// <summary>
        /// One of an enum's names, matched without regard to case; <paramref name="unknown"/> for anything else. Enum
        /// parsing alone would accept numbers, "Unknown" itself and comma-joined names: only a single name the enum
        /// defines passes.
        /// </summary>
        public static T Parse<T>(string? raw, T unknown)
            where T : struct
        {
            if (string.IsNullOrEmpty(raw) || !char.IsLetter(raw![0]))
            {
                return unknown;
            }

            return raw.IndexOf(',') < 0 && Enum.TryParse(raw, ignoreCase: true, out T value)
                && Enum.IsDefined(typeof(T), value) && !value.Equals(unknown)
                ? value
                : unknown;
        }
    }
}
