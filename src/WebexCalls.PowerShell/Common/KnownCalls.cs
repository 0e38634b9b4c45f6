using System;
using System.Collections.Concurrent;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The calls this process has shown or been given, so that a person can type the short handle a table showed
    /// (-CallId callhalf-488), and so that -WhatIf and -Confirm can say who is on a call rather than print its id.
    /// Process-wide, like the connections; bounded, so a long session does not grow without end.
    /// </summary>
    internal static class KnownCalls
    {
        private const int Capacity = 20000;
        private const string Ambiguous = "";
        private static readonly ConcurrentDictionary<string, string> IdsByHandle = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, (string Who, DateTimeOffset SeenAt)> Descriptions =
            new ConcurrentDictionary<string, (string, DateTimeOffset)>(StringComparer.Ordinal);

        /// <summary>
        /// Remembers a call's handle and who is on it, as of its newest reading: an older object passed in again (a
        /// variable kept from when the call rang) does not bring back the state it had then.
        /// </summary>
        public static void Remember(CallSession call)
        {
            if (string.IsNullOrEmpty(call.Id))
            {
                return;
            }

            if (Descriptions.Count > Capacity)
            {
                // Crude but bounded: forget everything and learn again from what is shown next.
                Descriptions.Clear();
                IdsByHandle.Clear();
            }

            var handle = call.Handle;
            if (handle != call.Id)
            {
                // Two different calls with one handle: the handle names neither.
                IdsByHandle.AddOrUpdate(handle, call.Id, (_, known) => known == call.Id ? known : Ambiguous);
            }

            var who = (call.RemoteParty?.ToString() ?? "an unknown party") + " (" + (call.State == CallState.Unknown ? call.RawState ?? "state unknown" : call.State.ToString()) + ")";
            Descriptions.AddOrUpdate(call.Id, (who, call.RetrievedAt), (_, known) => known.SeenAt > call.RetrievedAt ? known : (who, call.RetrievedAt));
        }

        /// <summary>The full id for a handle this process has shown, or <paramref name="text"/> as it is.</summary>
        public static string Resolve(string text) =>
            IdsByHandle.TryGetValue(text, out var id) && id.Length > 0 ? id : text;

        /// <summary>
        /// "the call with Jane Doe &lt;+14085550100&gt; (Connected)" for a known call, in the last state this session
        /// saw, else "call callhalf-488" (a value that is no id is quoted short).
        /// </summary>
        public static string Describe(string id) =>
            Descriptions.TryGetValue(id, out var known) ? "the call with " + known.Who
            : "call " + (WebexCalls.Client.WebexIdRules.IsValid(id) ? CallHandle.Of(id) : "'" + WebexCalls.Client.WebexIdRules.Quote(id) + "'");
    }
}
