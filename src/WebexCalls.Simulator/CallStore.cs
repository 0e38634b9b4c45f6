using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WebexCalls.Simulator;

/// <summary>What a store operation did, in the terms the HTTP layer turns into a status code.</summary>
public enum ActionOutcome
{
    /// <summary>Done (204, or 200/201 with a body).</summary>
    Done,
    /// <summary>No such active call, or nothing parked, ringing or answered where the request points (404).</summary>
    NotFound,
    /// <summary>The call's state does not allow the action (409; see <see cref="CallStore"/>).</summary>
    WrongState,
    /// <summary>The request breaks one of the spec's field rules (400).</summary>
    Invalid,
}

/// <summary>An operation's outcome, the message for an error, and the body for a success that has one.</summary>
public sealed record StoreResult(ActionOutcome Outcome, string? Message = null, object? Body = null)
{
    internal static readonly StoreResult Done = new(ActionOutcome.Done);
    internal static readonly StoreResult CallNotFound = new(ActionOutcome.NotFound, "Call not found");

    internal static StoreResult Created(object body) => new(ActionOutcome.Done, null, body);
    internal static StoreResult WrongState(string message) => new(ActionOutcome.WrongState, message);
    internal static StoreResult Invalid(string message) => new(ActionOutcome.Invalid, message);
    internal static StoreResult NotFound(string message) => new(ActionOutcome.NotFound, message);
}

/// <summary>A call-control request, with the spec's field names; the HTTP layer fills it from the JSON body or query.</summary>
public sealed record CallCommand(
    string? CallId = null,
    string? CallId1 = null,
    string? CallId2 = null,
    string? Destination = null,
    string? Target = null,
    string? Action = null,
    bool ToVoicemail = false,
    bool IsGroupPark = false,
    string? Dtmf = null,
    string? EndpointId = null,
    string? SingleNumberReachPhoneNumber = null,
    string? LineOwnerId = null);

/// <summary>A call of another user in the organisation, for pickup (alerting) and barge-in (connected).</summary>
public sealed record OtherUserCall(string Id, PartyJson Owner, PartyJson Caller, string State, bool InPickupGroup);

/// <summary>A call that Park put aside, as the control API reports it.</summary>
public sealed record ParkedCallInfo(PartyJson ParkedAgainst, PartyJson Caller, string? RecallAt);

/// <summary>DTMF digits a call was sent, as the control API reports them.</summary>
public sealed record DtmfRecord(string CallId, string Dtmf, string Time);

/// <summary>
/// The simulated user's active calls, call history, the org's parking lot and other users' calls: the state machine
/// of the reference notes (sections 1.2 and 2.5). Time-driven transitions (a dial's alerting, connecting and
/// connected; a mute transfer completing; a pull's device joining; a park recall) are applied lazily whenever the
/// store is used, against an injectable <see cref="TimeProvider"/>, so tests need no sleeps.
/// </summary>
/// <remarks>
/// Assumptions where the spec is silent, repeated in docs/simulator.md:
/// <list type="bullet">
/// <item>An action that the call's state does not allow answers 409 Conflict, the spec's code for "conflicts with an
/// established rule" (hold needs connected, resume held, answer and reject alerting, mute muteCapable, park and
/// transfer an answered call, DTMF connected, push an executive's call, recording the rules of the user's mode).</item>
/// <item>A request that breaks a field rule (divert without destination or voicemail, transfer with callId2 but no
/// callId1, an unknown reject action, bad DTMF digits, endpointId with singleNumberReachPhoneNumber) answers 400.</item>
/// <item>A dialled call keeps the id Dial returned when it turns from clickToDial to originator.</item>
/// <item>A call that ends (hang-up, reject, divert, transfer, park, push) leaves the list at once; later commands on it
/// get 404 "Call not found".</item>
/// <item>Calls belong to a line: without lineOwnerId the user's own, with it that secondary line. A call is found only
/// on its own line.</item>
/// <item>The recording ops, DTMF and push mark callId optional: without one, the user's only call on the line is
/// used, and with none or several the request is a 400.</item>
/// <item>Reject with ignore also takes the call out of the user's list (their devices stop alerting).</item>
/// <item>A mute transfer leaves the first call as it is until the destination answers; then both calls leave the
/// user. Hanging up the call to the destination first abandons the transfer.</item>
/// <item>Retrieve, pickup, barge-in and pull start a clickToDial call that alerts the user's devices for
/// AlertingDelayMs and then connects at once (the other side is already waiting).</item>
/// <item>A parked call not retrieved within ParkRecallDelayMs comes back as an alerting call with recall.type park.</item>
/// </list>
/// </remarks>
public sealed partial class CallStore
{
    private const int HistoryCapPerType = 20;

    /// <summary>The simulated user, whom Park without a destination parks against and Retrieve without one retrieves from.</summary>
    public static readonly PartyJson User = new("Sam Simulator", "5000", null, null, false, "location");

    /// <summary>The recording modes of Webex's call recording setting, as the control API takes them.</summary>
    public static readonly string[] RecordingModes = ["never", "always", "alwaysWithPauseResume", "onDemand"];

    private static readonly string[] RejectActions = ["busy", "temporarilyUnavailable", "ignore"];

    // A few well-known numbers get names, so the demo shows "Jane Doe <+14085550100>" like a real directory would.
    private static readonly Dictionary<string, string> Directory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["+14085550100"] = "Jane Doe",
        ["+14085550101"] = "John Smith",
        ["1234"] = "Front Desk",
        ["1000"] = "Lobby Park",
        ["jane.doe@example.com"] = "Jane Doe",
        ["5000"] = User.Name!,
    };

    private static readonly Regex ValidDestination = new(
        @"^(?:(?:tel:)?\+?[0-9*#]+|sips?:[^@\s:]+@[A-Za-z0-9.-]+(?::[0-9]+)?|[^@\s:]+@[A-Za-z0-9.-]+)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex ValidDtmf = new("^,*[0-9*#A-D][0-9*#A-D,]*$", RegexOptions.CultureInvariant);

    private readonly object _gate = new();
    private readonly List<SimulatedCall> _calls = new();
    private readonly List<CallHistoryJson> _history = new();
    private readonly List<OtherUserCall> _others = new();
    private readonly List<ParkedCall> _parked = new();
    private readonly List<DtmfRecord> _dtmf = new();
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _startupOptions;
    private SimulatorOptions _options;
    private string _recordingMode = "onDemand";
    private int _nextCallNumber = 1;

    /// <summary>Creates an empty store for the token's own user.</summary>
    public CallStore(TimeProvider time, IOptions<SimulatorOptions> options)
        : this(time, options, User)
    {
    }

    /// <summary>Creates an empty store for <paramref name="self"/>: the token's user, or a member of the organisation.</summary>
    public CallStore(TimeProvider time, IOptions<SimulatorOptions> options, PartyJson self)
    {
        _time = time;
        _startupOptions = options.Value;
        _options = _startupOptions;
        Self = self;
    }

    /// <summary>Whose calls these are: Park without a destination parks against them, Retrieve without one retrieves from them.</summary>
    public PartyJson Self { get; }

    /// <summary>The call that ended last, for wrap-up reasons; null until a call ends.</summary>
    public string? LastEndedCallId { get; private set; }

    /// <summary>Changes the delays from now on, until the next reset; a null leaves that delay as it is.</summary>
    public void SetDelays(int? alertingDelayMs, int? connectingDelayMs, int? parkRecallDelayMs = null, int? recordingStartDelayMs = null)
    {
        lock (_gate)
        {
            _options = new SimulatorOptions
            {
                AlertingDelayMs = alertingDelayMs ?? _options.AlertingDelayMs,
                ConnectingDelayMs = connectingDelayMs ?? _options.ConnectingDelayMs,
                ParkRecallDelayMs = parkRecallDelayMs ?? _options.ParkRecallDelayMs,
                RecordingStartDelayMs = recordingStartDelayMs ?? _options.RecordingStartDelayMs,
            };
        }
    }

    /// <summary>Sets the user's call recording mode (one of <see cref="RecordingModes"/>); false for an unknown mode.</summary>
    public bool SetRecordingMode(string mode)
    {
        if (!RecordingModes.Contains(mode))
        {
            return false;
        }

        lock (_gate)
        {
            _recordingMode = mode;
        }

        return true;
    }

    /// <summary>The active calls on a line (the user's own when null), in the order they were created.</summary>
    public IReadOnlyList<CallJson> List(string? lineOwnerId = null)
    {
        lock (_gate)
        {
            Tick();
            return _calls.Where(c => c.LineOwnerId == lineOwnerId).Select(c => c.ToJson()).ToList();
        }
    }

    /// <summary>One active call on a line, or null.</summary>
    public CallJson? Get(string callId, string? lineOwnerId = null)
    {
        lock (_gate)
        {
            Tick();
            return Find(callId, lineOwnerId)?.ToJson();
        }
    }

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

    /// <summary>The call history, newest first, at most 20 per type; <paramref name="type"/> filters.</summary>
    public IReadOnlyList<CallHistoryJson> History(string? type)
    {
        lock (_gate)
        {
            Tick();
            return _history.Where(h => type is null || h.Type == type).Reverse().ToList();
        }
    }

    /// <summary>Forgets every call, all history, parked and other users' calls, DTMF, and restores the start-up settings.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _options = _startupOptions;
            _recordingMode = "onDemand";
            _calls.Clear();
            _history.Clear();
            _others.Clear();
            _parked.Clear();
            _dtmf.Clear();
            _timeline.Clear();
            _nextCallNumber = 1;
            LastEndedCallId = null;
        }
    }

    internal static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static StoreResult Move(SimulatedCall call, string from, string to)
    {
        if (call.State != from)
        {
            return StoreResult.WrongState("The call is " + call.State + "; this action needs a " + from + " call.");
        }

        call.State = to;
        return StoreResult.Done;
    }

    /// <summary>
    /// Finds the call a command names (or, where the spec makes callId optional, the line's only call), runs the
    /// action on it, and applies the transitions it sets off.
    /// </summary>
    private StoreResult Act(CallCommand command, string operation, bool required, Func<SimulatedCall, DateTimeOffset, StoreResult> action)
    {
        if (required && string.IsNullOrWhiteSpace(command.CallId))
        {
            return StoreResult.Invalid("Missing required field: callId");
        }

        lock (_gate)
        {
            var now = Tick();
            SimulatedCall? call;
            if (string.IsNullOrWhiteSpace(command.CallId))
            {
                var onLine = _calls.Where(c => c.LineOwnerId == command.LineOwnerId).ToList();
                if (onLine.Count != 1)
                {
                    return StoreResult.Invalid("callId is required for " + operation + " unless the user has exactly one call.");
                }

                call = onLine[0];
            }
            else
            {
                call = Find(command.CallId, command.LineOwnerId);
            }

            if (call is null)
            {
                return StoreResult.CallNotFound;
            }

            var result = action(call, now);
            Tick();
            return result;
        }
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

    /// <summary>Applies every transition whose time has come; returns the time it used. Call under the lock.</summary>
    private DateTimeOffset Tick()
    {
        var now = _time.GetUtcNow();
        ApplyDueEvents(now);
        foreach (var call in _calls.ToList())
        {
            call.Advance(now);
            if (_recordingMode is "always" or "alwaysWithPauseResume" && call.IsAnswered && call.RecordingState is null)
            {
                call.RecordingState = "started";
            }

            if (call.TransfersCallId != null && call.State == "connected")
            {
                // A mute transfer completes when the destination answers: both calls leave the user.
                _calls.Remove(call);
                _calls.RemoveAll(c => c.Id == call.TransfersCallId);
            }

            if (call.PullsCallId != null && call.Personality != "clickToDial")
            {
                // The pulling device answered: it joins the pulled call, and the temporary call is released.
                _calls.Remove(call);
                if (_calls.FirstOrDefault(c => c.Id == call.PullsCallId) is { } pulled)
                {
                    pulled.EndpointId = call.EndpointId;
                }
            }
        }

        foreach (var parked in _parked.Where(p => p.RecallAt is { } at && now >= at).ToList())
        {
            _parked.Remove(parked);
            NewCall(now, "terminator", "alerting", parked.Call.RemoteParty, parked.Call.LineOwnerId, null,
                sessionId: parked.Call.SessionId, recall: new RecallJson("park", parked.ParkedAgainst));
        }

        return now;
    }

    private void End(SimulatedCall call, DateTimeOffset now)
    {
        if (call.Personality == "terminator" && call.Answered is null)
        {
            AddHistory(new CallHistoryJson("missed", call.RemoteParty.Name, call.RemoteParty.Number, call.RemoteParty.PrivacyEnabled, Timestamp(now)));
        }

        call.State = "disconnected";
        _calls.Remove(call);
        LastEndedCallId = call.Id;
    }

    private SimulatedCall? Find(string callId, string? lineOwnerId) => _calls.FirstOrDefault(c => c.Id == callId && c.LineOwnerId == lineOwnerId);

    private ParkedCall? FindParked(string number) => _parked.FirstOrDefault(p => SameNumber(p.ParkedAgainst.Number, number));

    private SimulatedCall NewCall(
        DateTimeOffset now, string personality, string state, PartyJson party, string? lineOwnerId, string? endpointId,
        string? sessionId = null, string answeredPersonality = "originator", string? transfersCallId = null, string? pullsCallId = null,
        PartyJson? executive = null, RecallJson? recall = null, IReadOnlyList<RedirectionJson>? redirections = null, string? id = null)
    {
        var number = _nextCallNumber++;
        // Shaped like Webex's ids: unpadded base64 of a ciscospark:// URI, and of a UUID for the session.
        // A member's calls carry its extension too: Webex's call ids are unique across the organisation, and scripts
        // that watch many members key their calls by id.
        id ??= Base64("ciscospark://us/CALL/simulator/callhalf-" + (ReferenceEquals(Self, User) ? string.Empty : Self.Number + "-") + number + ":0");
        var call = new SimulatedCall(id, sessionId ?? Base64(Guid.NewGuid().ToString()), personality, state, party, now, appearance: _calls.Count + 1)
        {
            LineOwnerId = lineOwnerId,
            EndpointId = endpointId,
            AnsweredPersonality = answeredPersonality,
            TransfersCallId = transfersCallId,
            PullsCallId = pullsCallId,
            Executive = executive,
            Recall = recall,
            Redirections = redirections,
        };
        _calls.Add(call);
        return call;
    }

    private void AddHistory(CallHistoryJson record)
    {
        _history.Add(record);
        var ofType = _history.Where(h => h.Type == record.Type).ToList();
        if (ofType.Count > HistoryCapPerType)
        {
            _history.Remove(ofType[0]);
        }
    }

    private static bool IsDestination(string text) => ValidDestination.IsMatch(text);

    /// <summary>A destination without its tel: or sip: scheme, as a party's number shows it.</summary>
    private static string Bare(string destination) =>
        destination.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? destination[4..]
        : destination.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? destination[4..]
        : destination;

    private static bool SameNumber(string? number, string destination) => string.Equals(number, Bare(destination), StringComparison.OrdinalIgnoreCase);

    private static PartyJson PartyFor(string destination, string? name = null)
    {
        var number = destination.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? destination[4..] : destination;
        return new PartyJson(name ?? NameOf(number), number, null, null, false, CallTypeOf(number));
    }

    private static string? NameOf(string number) =>
        Directory.GetValueOrDefault(number.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? number[4..] : number);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=');

    private static string CallTypeOf(string number)
    {
        if (number is "911" or "112" or "999")
        {
            return "emergency";
        }

        if (number.StartsWith('*') || number.StartsWith('#'))
        {
            return "other";
        }

        var digits = number.TrimStart('+');
        return digits.All(char.IsAsciiDigit) && digits.Length <= 6 && !number.StartsWith('+') ? "location" : "external";
    }

    private sealed record ParkedCall(SimulatedCall Call, PartyJson ParkedAgainst, DateTimeOffset? RecallAt);
}

/// <summary>An incoming call for the control API to seed: alerting by default, or already answered.</summary>
public sealed record IncomingCallSeed(
    string Number,
    string? Name = null,
    string? CallType = null,
    string? LineOwnerId = null,
    string? EndpointId = null,
    bool Answered = false,
    string? ExecutiveNumber = null,
    string? ExecutiveName = null,
    string? RedirectedFrom = null,
    string? Id = null);
