using System;
using System.Collections.Concurrent;
using System.Threading;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The calls this process has shown or been given, so that a person can type the short handle a table showed
    /// (-CallId callhalf-488), and so that -WhatIf and -Confirm can say who is on a call rather than print its id.
    /// Process-wide, like the connections; bounded, so a long session does not grow without end.
    /// </summary>
    /// <remarks>
    /// Every call a cmdlet writes passes through <see cref="Remember"/>, so it must cost next to nothing: 10,000 calls
    /// listed call it 10,000 times, and decoding each handle and indexing each call there cost about 3 µs a call, 15-20%
    /// of a listing (measured side by side). So Remember only queues the call; the first <see cref="Resolve"/> or
    /// <see cref="Describe"/> after it indexes what is queued, once, for all of them. The count is kept here, since
    /// ConcurrentDictionary.Count takes every lock.
    /// </remarks>
    internal static class KnownCalls
    {
        private const int Capacity = 20000;
        private const string Ambiguous = "";
        private static readonly ConcurrentDictionary<string, string> IdsByHandle = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, CallSession> Newest = new ConcurrentDictionary<string, CallSession>(StringComparer.Ordinal);
        private static readonly ConcurrentQueue<CallSession> Unindexed = new ConcurrentQueue<CallSession>();
        // Calls remembered since the index was last emptied: queued or indexed, counted with repeats.
        private static int _count;

        /// <summary>
        /// Remembers a call (its handle and its reading, if it is the newest: an older object passed in again, a
        /// variable kept from when the call rang, does not bring back the state it had then). Indexed when next asked.
        /// </summary>
        public static void Remember(CallSession call)
        {
            if (string.IsNullOrEmpty(call.Id))
            {
                return;
            }

            if (Interlocked.Increment(ref _count) > Capacity)
            {
                // Bounded: forget what was indexed (it is older) and the oldest half of what is queued, so the calls
                // shown last can still be typed, even after two listings of 10,000.
                Newest.Clear();
                IdsByHandle.Clear();
                while (Unindexed.Count > Capacity / 2 && Unindexed.TryDequeue(out _))
                {
                }

                Interlocked.Exchange(ref _count, Unindexed.Count);
            }

            Unindexed.Enqueue(call);
        }

        /// <summary>The full id for a handle this process has shown, or <paramref name="text"/> as it is.</summary>
        public static string Resolve(string text)
        {
            IndexWhatIsQueued();
            return IdsByHandle.TryGetValue(text, out var id) && id.Length > 0 ? id : text;
        }

        /// <summary>
        /// "the call with Jane Doe &lt;+14085550100&gt; (Connected)" for a known call, in the last state this session
        /// saw, else "call callhalf-488" (a value that is no id is quoted short).
        /// </summary>
        public static string Describe(string id)
        {
            IndexWhatIsQueued();
            return Newest.TryGetValue(id, out var call)
                ? "the call with " + (call.RemoteParty?.ToString() ?? "an unknown party") + " (" + (call.State == CallState.Unknown ? call.RawState ?? "state unknown" : call.State.ToString()) + ")"
                : "call " + (WebexCalls.Client.WebexIdRules.IsValid(id) ? CallHandle.Of(id) : "'" + WebexCalls.Client.WebexIdRules.Quote(id) + "'");
        }

        /// <summary>Who is on a call this session has shown; null for one it has not.</summary>
        public static RemoteParty? PartyOf(string id)
        {
            IndexWhatIsQueued();
            return Newest.TryGetValue(id, out var call) ? call.RemoteParty : null;
        }

        private static void IndexWhatIsQueued()
        {
            while (Unindexed.TryDequeue(out var call))
            {
                var handle = call.Handle;
                if (handle != call.Id)
                {
                    // Two different calls with one handle: the handle names neither.
                    IdsByHandle.AddOrUpdate(handle, call.Id, (_, known) => known == call.Id ? known : Ambiguous);
                }

                Newest.AddOrUpdate(call.Id, call, (_, seen) => seen.RetrievedAt > call.RetrievedAt ? seen : call);
            }
        }
    }
}
