using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Client.Watching
{
    /// <summary>
    /// Compares two readings of one owner's call list and names every difference as a <see cref="CallChange"/>.
    /// Calls are matched by id; an id left unmatched on both sides is matched by its call session when that is unique,
    /// since the spec does not promise that a dialled call keeps its id when it turns from clickToDial to originator.
    /// </summary>
    public static class CallChangeDetector
    {
        /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, in the order of the new list, then the removals.</summary>
        public static IReadOnlyList<CallChange> Compare(IReadOnlyList<CallSession> before, IReadOnlyList<CallSession> after, DateTimeOffset seenAt)
        {
            if (before is null)
            {
                throw new ArgumentNullException(nameof(before));
            }

            if (after is null)
            {
                throw new ArgumentNullException(nameof(after));
            }

            var unmatched = before.ToList();
            var changes = new List<CallChange>();
            var arrived = new List<CallSession>();
            foreach (var call in after)
            {
                var previous = unmatched.FirstOrDefault(old => old.Id == call.Id);
                if (previous is null)
                {
                    arrived.Add(call);
                    continue;
                }

                unmatched.Remove(previous);
                AddDifference(changes, previous, call, seenAt);
            }

            foreach (var call in arrived)
            {
                var sameSession = call.CallSessionId is null ? null : unmatched.Where(old => old.CallSessionId == call.CallSessionId).ToList();
                if (sameSession is { Count: 1 } && arrived.Count(other => other.CallSessionId == call.CallSessionId) == 1)
                {
                    unmatched.Remove(sameSession[0]);
                    AddDifference(changes, sameSession[0], call, seenAt);
                    continue;
                }

                changes.Add(Added(call, seenAt));
            }

            changes.AddRange(unmatched.Select(gone => new CallChange
            {
                Change = CallChangeKind.Removed,
                Call = gone,
                PreviousState = gone.State,
                State = CallState.Disconnected,
                SeenAt = seenAt,
            }));
            return changes;
        }

        /// <summary>An Added change for a call seen for the first time.</summary>
        public static CallChange Added(CallSession call, DateTimeOffset seenAt) => new CallChange
        {
            Change = CallChangeKind.Added,
            Call = call ?? throw new ArgumentNullException(nameof(call)),
            State = call.State,
            SeenAt = seenAt,
        };

        private static void AddDifference(List<CallChange> changes, CallSession previous, CallSession call, DateTimeOffset seenAt)
        {
            var changed = Differences(previous, call);
            if (changed.Count == 0)
            {
                return;
            }

            changes.Add(new CallChange
            {
                Change = changed.Contains("State") ? CallChangeKind.StateChanged : CallChangeKind.Updated,
                Call = call,
                PreviousState = previous.State,
                State = call.State,
                Changed = string.Join(", ", changed),
                SeenAt = seenAt,
            });
        }

        // What a person reacting to calls cares about; Duration and the like change on every reading and are left out.
        private static List<string> Differences(CallSession a, CallSession b)
        {
            var changed = new List<string>();
            if (a.State != b.State || a.RawState != b.RawState)
            {
                changed.Add("State");
            }

            if (a.Personality != b.Personality)
            {
                changed.Add("Personality");
            }

            if (a.Muted != b.Muted)
            {
                changed.Add("Muted");
            }

            if (a.RawRecordingState != b.RawRecordingState)
            {
                changed.Add("RecordingState");
            }

            if (a.RemoteParty?.Name != b.RemoteParty?.Name || a.RemoteNumber != b.RemoteNumber)
            {
                changed.Add("RemoteParty");
            }

            return changed;
        }
    }
}
