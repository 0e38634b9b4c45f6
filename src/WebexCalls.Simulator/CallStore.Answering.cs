using System.Linq;

namespace WebexCalls.Simulator;

/// <summary>Answer, reject, hold, resume, hang up and mute: the actions on a call that stays the user's (or ends).</summary>
public sealed partial class CallStore
{
    /// <summary>Answers an alerting call: an incoming call connects; a clickToDial call places its outgoing leg.</summary>
    public ActionOutcome Answer(string callId) => Answer(new CallCommand(callId)).Outcome;

    /// <summary>Answer with every field the spec gives it.</summary>
    public StoreResult Answer(CallCommand command) => Act(command, "answer", required: true, (call, now) =>
    {
        if (call.State != "alerting")
        {
            return StoreResult.WrongState("Only an alerting call can be answered; this one is " + call.State + ".");
        }

        call.EndpointId = command.EndpointId ?? call.EndpointId;
        if (call.Personality == "clickToDial")
        {
            // Answering a Click to Dial on a device places the outgoing leg now: the far end starts ringing (or, for a
            // retrieve, pickup, barge-in or pull, the waiting party is joined at once).
            var ringFor = call.RemoteAnswersAt - call.UserAnswersAt ?? _options.ConnectingDelay;
            call.UserAnswersAt = now;
            call.RemoteAnswersAt = now + ringFor;
            return StoreResult.Done;
        }

        call.State = "connected";
        call.Answered = now;
        AddHistory(new CallHistoryJson("received", call.RemoteParty.Name, call.RemoteParty.Number, call.RemoteParty.PrivacyEnabled, Timestamp(now)));
        return StoreResult.Done;
    });

    /// <summary>Rejects an unanswered incoming call; it becomes a missed call.</summary>
    public StoreResult Reject(CallCommand command) => Act(command, "reject", required: true, (call, now) =>
    {
        if (command.Action != null && !RejectActions.Contains(command.Action))
        {
            return StoreResult.Invalid("Invalid action: " + command.Action + ". Use busy, temporarilyUnavailable or ignore.");
        }

        if (call.Personality != "terminator" || call.State != "alerting")
        {
            return StoreResult.WrongState("Only an unanswered incoming call can be rejected; this one is " + call.Personality + "/" + call.State + ".");
        }

        End(call, now);
        return StoreResult.Done;
    });

    /// <summary>Holds a connected call.</summary>
    public ActionOutcome Hold(string callId) => Hold(new CallCommand(callId)).Outcome;

    /// <summary>Hold with every field the spec gives it.</summary>
    public StoreResult Hold(CallCommand command) => Act(command, "hold", required: true, (call, _) => Move(call, from: "connected", to: "held"));

    /// <summary>Resumes a held call.</summary>
    public ActionOutcome Resume(string callId) => Resume(new CallCommand(callId)).Outcome;

    /// <summary>Resume with every field the spec gives it.</summary>
    public StoreResult Resume(CallCommand command) => Act(command, "resume", required: true, (call, _) => Move(call, from: "held", to: "connected"));

    /// <summary>Hangs up any call; an unanswered incoming call becomes a missed call (rejected to busy).</summary>
    public ActionOutcome Hangup(string callId) => Hangup(new CallCommand(callId)).Outcome;

    /// <summary>Hangup with every field the spec gives it.</summary>
    public StoreResult Hangup(CallCommand command) => Act(command, "hangup", required: true, (call, now) =>
    {
        End(call, now);
        return StoreResult.Done;
    });

    /// <summary>Mutes (or unmutes) a call whose muteCapable is true; muting a muted call is no error.</summary>
    public StoreResult Mute(CallCommand command, bool muted) => Act(command, muted ? "mute" : "unmute", required: true, (call, _) =>
    {
        if (!call.MuteCapable)
        {
            return StoreResult.WrongState("The call is not mute capable (muteCapable is false while it is " + call.State + ").");
        }

        call.Muted = muted;
        return StoreResult.Done;
    });
}
