using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>What the control API seeds into the store (incoming calls, other users' calls) and reads back from it (parked calls, DTMF sent).</summary>
public sealed partial class CallStore
{
    /// <summary>Seeds an incoming call alerting the user (terminator/alerting), as the control API does.</summary>
    public CallJson AddIncoming(string number, string? name, string? callType) => AddIncoming(new IncomingCallSeed(number, name, callType));

    /// <summary>Seeds an incoming call, alerting or already answered, on a line and device, perhaps for an executive.</summary>
    public CallJson AddIncoming(IncomingCallSeed seed)
    {
        lock (_gate)
        {
            var now = Tick();
            var party = new PartyJson(seed.Name ?? NameOf(seed.Number), seed.Number, null, null, false, seed.CallType ?? CallTypeOf(seed.Number));
            var call = NewCall(now, "terminator", seed.Answered ? "connected" : "alerting", party, seed.LineOwnerId, seed.EndpointId,
                executive: seed.ExecutiveNumber is null ? null : PartyFor(seed.ExecutiveNumber, seed.ExecutiveName),
                redirections: seed.RedirectedFrom is null ? null : [new RedirectionJson("noAnswer", PartyFor(seed.RedirectedFrom))], id: seed.Id);
            if (seed.Answered)
            {
                call.Answered = now;
            }

            return call.ToJson();
        }
    }

    /// <summary>Seeds a call of another user: alerting (for pickup) or connected (for barge-in).</summary>
    public OtherUserCall AddOtherUserCall(string ownerNumber, string? ownerName, string callerNumber, string? callerName, bool connected, bool inPickupGroup)
    {
        lock (_gate)
        {
            var call = new OtherUserCall(
                Base64("ciscospark://us/CALL/simulator/other-" + _nextCallNumber++ + ":0"),
                PartyFor(ownerNumber, ownerName), PartyFor(callerNumber, callerName), connected ? "connected" : "alerting", inPickupGroup);
            _others.Add(call);
            return call;
        }
    }

    /// <summary>Other users' calls, as seeded and not yet picked up.</summary>
    public IReadOnlyList<OtherUserCall> OtherUserCalls()
    {
        lock (_gate)
        {
            return _others.ToList();
        }
    }

    /// <summary>The parked calls, not yet retrieved or recalled.</summary>
    public IReadOnlyList<ParkedCallInfo> Parked()
    {
        lock (_gate)
        {
            Tick();
            return _parked.Select(p => new ParkedCallInfo(p.ParkedAgainst, p.Call.RemoteParty, p.RecallAt is { } at ? Timestamp(at) : null)).ToList();
        }
    }

    /// <summary>Every DTMF sequence sent, oldest first.</summary>
    public IReadOnlyList<DtmfRecord> DtmfSent()
    {
        lock (_gate)
        {
            return _dtmf.ToList();
        }
    }
}
