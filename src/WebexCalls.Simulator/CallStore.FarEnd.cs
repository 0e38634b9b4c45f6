using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>
/// One thing the world outside the user does to a call, now or on a timeline: what watches have to see. The
/// <see cref="Event"/> names are those of <see cref="CallStore.FarEndEvents"/>; <see cref="AfterMs"/> counts from when
/// the timeline was given; <see cref="Number"/> and <see cref="Name"/> describe a new party (incoming, remoteParty).
/// </summary>
public sealed record FarEndEvent(string Event, string? CallId = null, int AfterMs = 0, string? Number = null, string? Name = null, string? MemberId = null);

/// <summary>Far-end events: the remote party answers, holds, resumes, hangs up; an alerting call rings out or is answered elsewhere.</summary>
public sealed partial class CallStore
{
    /// <summary>
    /// What <see cref="FarEnd"/> and timelines take: answer (a connecting call connects), hold (connected → remoteHeld),
    /// resume (remoteHeld → connected), hangup (any call ends), answeredElsewhere (an alerting incoming call is taken
    /// by another device or agent and leaves the list with no missed record), ringOut (an alerting incoming call gives
    /// up: a missed call), remoteParty (the far end is now Number/Name, as after a transfer on their side), and
    /// incoming (a new alerting call from Number, with CallId as its id when given).
    /// </summary>
    public static readonly string[] FarEndEvents = ["answer", "hold", "resume", "hangup", "answeredElsewhere", "ringOut", "remoteParty", "incoming"];

    private readonly List<(DateTimeOffset Due, long Order, FarEndEvent Event)> _timeline = new();
    private long _timelineOrder;

    /// <summary>Applies a far-end event now; NotFound for an unknown call, WrongState when the call's state does not allow it.</summary>
    public StoreResult FarEnd(FarEndEvent farEnd)
    {
        if (Array.IndexOf(FarEndEvents, farEnd.Event) < 0)
        {
            return StoreResult.Invalid("event must be one of " + string.Join(", ", FarEndEvents));
        }

        lock (_gate)
        {
            var now = Tick();
            var result = Apply(farEnd, now);
            Tick();
            return result;
        }
    }

    /// <summary>
    /// Schedules events, each <see cref="FarEndEvent.AfterMs"/> from now, applied in time order (ties in the order
    /// given) the next time the store is used after they are due, like every other timed transition.
    /// </summary>
    public StoreResult Schedule(IEnumerable<FarEndEvent> events)
    {
        var list = events.ToList();
        if (list.FirstOrDefault(e => Array.IndexOf(FarEndEvents, e.Event) < 0 || e.AfterMs < 0) is { } bad)
        {
            return StoreResult.Invalid("Each event needs afterMs >= 0 and an event among " + string.Join(", ", FarEndEvents) + "; got " + bad.Event + ".");
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var e in list)
            {
                _timeline.Add((now + TimeSpan.FromMilliseconds(e.AfterMs), _timelineOrder++, e));
            }

            return StoreResult.Done;
        }
    }

    /// <summary>Applies the scheduled events that are due, oldest first. Call under the lock.</summary>
    private void ApplyDueEvents(DateTimeOffset now)
    {
        while (_timeline.Count > 0)
        {
            var next = _timeline.OrderBy(t => t.Due).ThenBy(t => t.Order).First();
            if (next.Due > now)
            {
                return;
            }

            _timeline.Remove(next);
            // A scheduled event that no longer fits (the call already ended) is dropped, as the far end's would be.
            _ = Apply(next.Event, next.Due);
        }
    }

    private StoreResult Apply(FarEndEvent farEnd, DateTimeOffset now)
    {
        if (farEnd.Event == "incoming")
        {
            if (string.IsNullOrWhiteSpace(farEnd.Number))
            {
                return StoreResult.Invalid("incoming needs a number");
            }

            var party = PartyFor(farEnd.Number, farEnd.Name);
            return StoreResult.Created(NewCall(now, "terminator", "alerting", party, null, null, id: farEnd.CallId).ToJson());
        }

        if (_calls.FirstOrDefault(c => c.Id == farEnd.CallId) is not { } call)
        {
            return StoreResult.CallNotFound;
        }

        switch (farEnd.Event)
        {
            case "answer" when call.State == "connecting" && call.Personality != "clickToDial":
                call.State = "connected";
                call.Answered = now;
                call.RemoteAnswersAt = null;
                return StoreResult.Done;
            case "hold":
                return Move(call, from: "connected", to: "remoteHeld");
            case "resume":
                return Move(call, from: "remoteHeld", to: "connected");
            case "hangup":
                End(call, now);
                return StoreResult.Done;
            case "answeredElsewhere" when call.Personality == "terminator" && call.State == "alerting":
                call.State = "disconnected";
                _calls.Remove(call);
                return StoreResult.Done;
            case "ringOut" when call.Personality == "terminator" && call.State == "alerting":
                End(call, now);
                return StoreResult.Done;
            case "remoteParty" when !string.IsNullOrWhiteSpace(farEnd.Number):
                call.RemoteParty = PartyFor(farEnd.Number, farEnd.Name);
                return StoreResult.Done;
            case "remoteParty":
                return StoreResult.Invalid("remoteParty needs a number");
            default:
                return StoreResult.WrongState("The far end cannot " + farEnd.Event + " a " + call.Personality + "/" + call.State + " call.");
        }
    }
}
