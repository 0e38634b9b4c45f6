using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>Divert and transfer: the actions that send a call away from the user.</summary>
public sealed partial class CallStore
{
    /// <summary>Diverts a call to a destination or to voicemail; the call leaves the user.</summary>
    public StoreResult Divert(CallCommand command) => Act(command, "divert", required: true, (call, now) =>
    {
        if (!command.ToVoicemail && string.IsNullOrWhiteSpace(command.Destination))
        {
            return StoreResult.Invalid("destination is required when toVoicemail is false.");
        }

        if (command.Destination != null && !IsDestination(command.Destination))
        {
            return StoreResult.Invalid("Invalid destination: " + command.Destination);
        }

        if (call.Personality == "clickToDial" || call.State == "connecting")
        {
            return StoreResult.WrongState("A call that is still being placed cannot be diverted; hang it up instead.");
        }

        End(call, now);
        return StoreResult.Done;
    });

    /// <summary>Transfers: two calls to each other (204), or one to a destination once it answers (201, a new call).</summary>
    public StoreResult Transfer(CallCommand command)
    {
        var (id1, id2, destination) = (command.CallId1, command.CallId2, command.Destination);
        if (id1 is null && (id2 != null || destination != null))
        {
            return StoreResult.Invalid("callId1 is required when callId2 or destination is given.");
        }

        if (id1 != null && id2 is null && destination is null)
        {
            return StoreResult.Invalid("callId2 or destination is required with callId1.");
        }

        if (id2 != null && destination != null)
        {
            return StoreResult.Invalid("Give callId2 (attended transfer) or destination (mute transfer), not both.");
        }

        if (destination != null && !IsDestination(destination))
        {
            return StoreResult.Invalid("Invalid destination: " + destination);
        }

        lock (_gate)
        {
            var now = Tick();
            SimulatedCall[] pair;
            if (id1 is null)
            {
                pair = _calls.Where(c => c.LineOwnerId == command.LineOwnerId).ToArray();
                if (pair.Length != 2)
                {
                    return StoreResult.Invalid("callId1 and callId2 are required: the user has " + pair.Length + " calls, not exactly two.");
                }
            }
            else
            {
                var first = Find(id1, command.LineOwnerId);
                var second = id2 is null ? null : Find(id2, command.LineOwnerId);
                if (first is null || (id2 != null && second is null))
                {
                    return StoreResult.CallNotFound;
                }

                if (second == first)
                {
                    return StoreResult.Invalid("callId1 and callId2 must be two different calls.");
                }

                pair = second is null ? [first] : [first, second];
            }

            if (pair.FirstOrDefault(c => !c.IsAnswered) is { } unanswered)
            {
                return StoreResult.WrongState("Only answered calls can be transferred (use divert for a ringing call); one is " + unanswered.State + ".");
            }

            if (destination is null)
            {
                foreach (var call in pair)
                {
                    End(call, now);
                }

                return StoreResult.Done;
            }

            var party = PartyFor(destination);
            var toDestination = NewCall(now, "originator", "connecting", party, command.LineOwnerId, pair[0].EndpointId, transfersCallId: pair[0].Id);
            toDestination.RemoteAnswersAt = now + _options.ConnectingDelay;
            AddHistory(new CallHistoryJson("placed", party.Name, party.Number, false, Timestamp(now)));
            Tick();
            return StoreResult.Created(new DialResponseJson(toDestination.Id, toDestination.SessionId));
        }
    }
}
