using System;
using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>Dial, park, and the operations that start a new call to join a party already waiting: retrieve, pickup, barge-in and pull.</summary>
public sealed partial class CallStore
{
    /// <summary>Starts a Click to Dial call: the user's devices alert first (clickToDial/alerting), then the far end rings.</summary>
    public DialResponseJson Dial(string destination) => (DialResponseJson)Dial(new CallCommand(Destination: destination)).Body!;

    /// <summary>Dial with every field the spec gives it.</summary>
    public StoreResult Dial(CallCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Destination))
        {
            return StoreResult.Invalid("Missing required field: destination");
        }

        if (CheckNewCallFields(command) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            var now = Tick();
            var party = PartyFor(command.Destination);
            var call = NewCall(now, "clickToDial", "alerting", party, command.LineOwnerId, command.EndpointId);
            call.UserAnswersAt = now + _options.AlertingDelay;
            call.RemoteAnswersAt = call.UserAnswersAt + _options.ConnectingDelay;
            AddHistory(new CallHistoryJson("placed", party.Name, party.Number, false, Timestamp(now)));
            return StoreResult.Created(new DialResponseJson(call.Id, call.SessionId));
        }
    }

    /// <summary>Parks an answered call against a destination, the user, or a call park group member (200, parkedAgainst).</summary>
    public StoreResult Park(CallCommand command) => Act(command, "park", required: true, (call, now) =>
    {
        if (!command.IsGroupPark && command.Destination != null && !IsDestination(command.Destination))
        {
            return StoreResult.Invalid("Invalid destination: " + command.Destination);
        }

        if (!call.IsAnswered)
        {
            return StoreResult.WrongState("Only a connected call can be parked; this one is " + call.State + ".");
        }

        PartyJson against;
        if (command.IsGroupPark)
        {
            // The spec: Webex picks a member of the user's call park group, and the destination is ignored.
            var free = Enumerable.Range(1, 9).Select(n => "510" + n).FirstOrDefault(number => FindParked(number) is null);
            if (free is null)
            {
                return StoreResult.WrongState("Every member of the call park group already has a parked call.");
            }

            against = new PartyJson("Park Group Member " + free[^1], free, null, null, false, "location");
        }
        else
        {
            against = command.Destination is null ? Self : PartyFor(command.Destination);
        }

        if (FindParked(against.Number!) is not null)
        {
            return StoreResult.WrongState("A call is already parked against " + against.Number + ".");
        }

        _calls.Remove(call);
        _parked.Add(new ParkedCall(call, against, _options.ParkRecallDelayMs > 0 ? now + _options.ParkRecallDelay : null));
        return new StoreResult(ActionOutcome.Done, null, new ParkResponseJson(against));
    });

    /// <summary>Retrieves a parked call with a new call (201); without a destination, the call parked against the user.</summary>
    public StoreResult Retrieve(CallCommand command)
    {
        if (command.Destination != null && !IsDestination(command.Destination))
        {
            return StoreResult.Invalid("Invalid destination: " + command.Destination);
        }

        return StartJoiningCall(command, now =>
        {
            var number = command.Destination is null ? Self.Number! : Bare(command.Destination);
            var parked = FindParked(number);
            if (parked is null)
            {
                return (null, StoreResult.NotFound("No call is parked against " + number + "."));
            }

            _parked.Remove(parked);
            return (new JoinPlan(parked.Call.RemoteParty, parked.Call.SessionId, "originator"), null);
        });
    }

    /// <summary>Picks up a call ringing another user (the target, or anyone in the user's pickup group) with a new call.</summary>
    public StoreResult Pickup(CallCommand command) => StartJoiningCall(command, now =>
    {
        if (command.Target != null && !IsDestination(command.Target))
        {
            return (null, StoreResult.Invalid("Invalid target: " + command.Target));
        }

        var ringing = _others.FirstOrDefault(o => o.State == "alerting"
            && (command.Target is null ? o.InPickupGroup : SameNumber(o.Owner.Number, command.Target)));
        if (ringing is null)
        {
            return (null, StoreResult.NotFound(command.Target is null ? "No call is ringing in the user's call pickup group." : "No call is ringing " + command.Target + "."));
        }

        _others.Remove(ringing);
        return (new JoinPlan(ringing.Caller, null, "terminator"), null);
    });

    /// <summary>Barges in on another user's answered call with a new call.</summary>
    public StoreResult BargeIn(CallCommand command) => StartJoiningCall(command, now =>
    {
        if (string.IsNullOrWhiteSpace(command.Target))
        {
            return (null, StoreResult.Invalid("Missing required field: target"));
        }

        if (!IsDestination(command.Target))
        {
            return (null, StoreResult.Invalid("Invalid target: " + command.Target));
        }

        var theirs = _others.Where(o => SameNumber(o.Owner.Number, command.Target)).ToList();
        if (theirs.Count == 0)
        {
            return (null, StoreResult.NotFound(command.Target + " has no call to barge in on."));
        }

        var answered = theirs.FirstOrDefault(o => o.State == "connected");
        return answered is null
            ? (null, StoreResult.WrongState(command.Target + "'s call has not been answered yet; barge-in needs an answered call."))
            : (new JoinPlan(answered.Owner, null, "originator"), null);
    });

    /// <summary>Pulls the user's answered call from another device: a temporary call alerts the target device.</summary>
    public StoreResult Pull(CallCommand command)
    {
        if (command.SingleNumberReachPhoneNumber != null)
        {
            return StoreResult.Invalid("Pull takes no singleNumberReachPhoneNumber.");
        }

        return StartJoiningCall(command, now =>
        {
            var pulled = _calls.LastOrDefault(c => c.LineOwnerId == command.LineOwnerId && c.IsAnswered && c.EndpointId != command.EndpointId);
            return pulled is null
                ? (null, StoreResult.NotFound("The user has no answered call on another device to pull."))
                : (new JoinPlan(pulled.RemoteParty, pulled.SessionId, pulled.Personality, PullsCallId: pulled.Id), null);
        });
    }

    private sealed record JoinPlan(PartyJson RemoteParty, string? SessionId, string AnsweredPersonality, string? PullsCallId = null);

    /// <summary>
    /// Retrieve, pickup, barge-in and pull: a new clickToDial call alerts the user's device and, once answered, joins
    /// the party that is already waiting, so it connects without a far end ringing.
    /// </summary>
    private StoreResult StartJoiningCall(CallCommand command, Func<DateTimeOffset, (JoinPlan? Plan, StoreResult? Error)> plan)
    {
        if (CheckNewCallFields(command) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            var now = Tick();
            var (join, error) = plan(now);
            if (join is null)
            {
                return error!;
            }

            var call = NewCall(now, "clickToDial", "alerting", join.RemoteParty, command.LineOwnerId, command.EndpointId,
                sessionId: join.SessionId, answeredPersonality: join.AnsweredPersonality, pullsCallId: join.PullsCallId);
            call.UserAnswersAt = now + _options.AlertingDelay;
            call.RemoteAnswersAt = call.UserAnswersAt;
            Tick();
            return StoreResult.Created(new DialResponseJson(call.Id, call.SessionId));
        }
    }

    private static StoreResult? CheckNewCallFields(CallCommand command)
    {
        if (command.EndpointId != null && command.SingleNumberReachPhoneNumber != null)
        {
            return StoreResult.Invalid("endpointId and singleNumberReachPhoneNumber are mutually exclusive.");
        }

        if (command.Destination != null && !IsDestination(command.Destination))
        {
            return StoreResult.Invalid("Invalid destination: " + command.Destination);
        }

        return null;
    }
}
