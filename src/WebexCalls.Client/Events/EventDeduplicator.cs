using System;
using System.Collections.Generic;
using System.Globalization;

namespace WebexCalls.Client.Events
{
    /// <summary>
    /// Remembers the events already seen, so an event delivered twice (Webex delivers at least once, and two webhooks
    /// on the same resource each deliver) is let through once. An event is the same when its call, envelope event,
    /// <c>eventType</c> and <c>eventTimestamp</c> are (the API notes' 5.5). The memory is bounded: the oldest keys go
    /// first, so a redelivery later than <see cref="Capacity"/> other events would pass again. Thread-safe.
    /// </summary>
    public sealed class EventDeduplicator
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<string> _order = new Queue<string>();
        private readonly object _gate = new object();

        /// <summary>Creates a deduplicator that remembers the last <paramref name="capacity"/> events (10,000 by default).</summary>
        public EventDeduplicator(int capacity = 10000)
        {
            Capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Remember at least one event.");
        }

        /// <summary>How many events are remembered.</summary>
        public int Capacity { get; }

        /// <summary>True the first time an event is offered; false for a copy of one already let through.</summary>
        public bool IsFirst(WebexCallEvent callEvent)
        {
            var key = (callEvent ?? throw new ArgumentNullException(nameof(callEvent))).CallId + "\n" + callEvent.RawEvent + "\n" + callEvent.EventType + "\n"
                + (callEvent.EventTime?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "\n" + callEvent.ActorId;
            lock (_gate)
            {
                if (!_seen.Add(key))
                {
                    return false;
                }

                _order.Enqueue(key);
                if (_order.Count > Capacity)
                {
                    _seen.Remove(_order.Dequeue());
                }

                return true;
            }
        }
    }
}
