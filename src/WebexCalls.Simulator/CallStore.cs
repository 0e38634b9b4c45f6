using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WebexCalls.Simulator;

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

    /// <summary>Every active call, on every line, as the webhook deliveries compare them (time-driven changes applied).</summary>
    public IReadOnlyList<CallJson> AllCalls()
    {
        lock (_gate)
        {
            Tick();
            return _calls.Select(c => c.ToJson()).ToList();
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
            _conferences.Clear();
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
