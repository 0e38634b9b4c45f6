namespace WebexCalls.Simulator;

/// <summary>Recording, DTMF and push: what is done to a call while it is up.</summary>
public sealed partial class CallStore
{
    /// <summary>Starts, pauses, resumes or stops the recording of a call, by the rules of the user's recording mode.</summary>
    public StoreResult Record(CallCommand command, string operation) => Act(command, operation, required: false, (call, now) =>
    {
        var onDemand = _recordingMode == "onDemand";
        var pausable = onDemand || _recordingMode == "alwaysWithPauseResume";
        if (!call.IsAnswered)
        {
            return StoreResult.WrongState("Only an answered call can be recorded; this one is " + call.State + ".");
        }

        string? next = operation switch
        {
            "startRecording" when onDemand && call.RecordingState is null or "stopped" or "failed" => "pending",
            "stopRecording" when onDemand && call.RecordingState is "pending" or "started" or "paused" => "stopped",
            "pauseRecording" when pausable && call.RecordingState == "started" => "paused",
            "resumeRecording" when pausable && call.RecordingState == "paused" => "started",
            _ => null,
        };
        if (next is null)
        {
            return StoreResult.WrongState(operation + " is not allowed while the recording is " + (call.RecordingState ?? "not started") + " and the user's recording mode is " + _recordingMode + ".");
        }

        call.RecordingState = next;
        call.RecordingStartsAt = now + _options.RecordingStartDelay;
        call.Advance(now);
        return StoreResult.Done;
    });

    /// <summary>Sends DTMF digits into a connected call; the control API can read them back.</summary>
    public StoreResult TransmitDtmf(CallCommand command) => Act(command, "transmitDtmf", required: false, (call, now) =>
    {
        if (command.Dtmf is null || !ValidDtmf.IsMatch(command.Dtmf))
        {
            return StoreResult.Invalid("Invalid dtmf: '" + command.Dtmf + "'. Use 0-9 * # A B C D, with a comma for a pause.");
        }

        if (call.State != "connected")
        {
            return StoreResult.WrongState("DTMF needs a connected call; this one is " + call.State + ".");
        }

        _dtmf.Add(new DtmfRecord(call.Id, command.Dtmf, Timestamp(now)));
        return StoreResult.Done;
    });

    /// <summary>Pushes an executive assistant's call to the associated executive; the call leaves the user.</summary>
    public StoreResult Push(CallCommand command) => Act(command, "push", required: false, (call, now) =>
    {
        if (call.Executive is null)
        {
            return StoreResult.WrongState("The call is not associated with an executive.");
        }

        _calls.Remove(call);
        return StoreResult.Done;
    });
}
