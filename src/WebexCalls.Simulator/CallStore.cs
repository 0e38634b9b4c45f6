using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Options;

namespace WebexCalls.Simulator;

/// <summary>What a call action did, in the terms the HTTP layer turns into a status code.</summary>
public enum ActionOutcome
{
    /// <summary>Done (204).</summary>
    Done,
    /// <summary>No such active call (404 "Call not found").</summary>
    NotFound,
    /// <summary>The call's state does not allow the action (409; see <see cref="CallStore"/>).</summary>
    WrongState,
}

/// <summary>
/// The simulated user's active calls and call history: the state machine of the reference notes, section 2.5.
/// Time-driven transitions (dial: clickToDial/alerting, then originator/connecting, then connected) are applied
/// lazily whenever the store is read, against an injectable <see cref="TimeProvider"/>, so tests need no sleeps.
/// </summary>
/// <remarks>
/// Assumptions where the spec is silent, repeated in the README:
/// an action the call's state does not allow (hold a call that is not connected, resume one that is not held, answer
/// one that is not alerting) answers 409 Conflict, the spec's code for "conflicts with an established rule";
/// a dialled call keeps the id Dial returned when it turns from clickToDial to originator;
/// a hung-up call is removed at once, so later commands on it get 404 "Call not found".
/// </remarks>
public sealed class CallStore
{
    private const int HistoryCapPerType = 20;

    // A few well-known numbers get names, so the demo shows "Jane Doe <+14085550100>" like a real directory would.
    private static readonly Dictionary<string, string> Directory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["+14085550100"] = "Jane Doe",
        ["+14085550101"] = "John Smith",
        ["1234"] = "Front Desk",
        ["jane.doe@example.com"] = "Jane Doe",
    };

    private readonly object _gate = new();
    private readonly List<SimulatedCall> _calls = new();
    private readonly List<CallHistoryJson> _history = new();
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _startupOptions;
    private SimulatorOptions _options;
    private int _nextCallNumber = 1;

    /// <summary>Creates an empty store.</summary>
    public CallStore(TimeProvider time, IOptions<SimulatorOptions> options)
    {
        _time = time;
        _startupOptions = options.Value;
        _options = _startupOptions;
    }

    /// <summary>Changes the dial delays for calls dialled from now on, until the next reset.</summary>
    public void SetDelays(int alertingDelayMs, int connectingDelayMs)
    {
        lock (_gate)
        {
            _options = new SimulatorOptions { AlertingDelayMs = alertingDelayMs, ConnectingDelayMs = connectingDelayMs };
        }
    }

    /// <summary>The active calls, in the order they were created.</summary>
    public IReadOnlyList<CallJson> List()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return _calls.Select(c => c.Advance(now).ToJson()).ToList();
        }
    }

    /// <summary>One active call, or null.</summary>
    public CallJson? Get(string callId)
    {
        lock (_gate)
        {
            return Find(callId)?.Advance(_time.GetUtcNow()).ToJson();
        }
    }

    /// <summary>Starts a Click to Dial call: the user's devices alert first (clickToDial/alerting).</summary>
    public DialResponseJson Dial(string destination)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var number = destination.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? destination[4..] : destination;
            var party = new PartyJson(NameOf(number), number, null, null, false, CallTypeOf(number));
            var call = NewCall("clickToDial", "alerting", party, now);
            call.UserAnswersAt = now + _options.AlertingDelay;
            call.RemoteAnswersAt = call.UserAnswersAt + _options.ConnectingDelay;
            AddHistory(new CallHistoryJson("placed", party.Name, party.Number, false, Timestamp(now)));
            return new DialResponseJson(call.Id, call.SessionId);
        }
    }

    /// <summary>Seeds an incoming call alerting the user (terminator/alerting), as the control API does.</summary>
    public CallJson AddIncoming(string number, string? name, string? callType)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var party = new PartyJson(name ?? NameOf(number), number, null, null, false, callType ?? CallTypeOf(number));
            return NewCall("terminator", "alerting", party, now).ToJson();
        }
    }

    /// <summary>Answers an alerting call.</summary>
    public ActionOutcome Answer(string callId) => Act(callId, (call, now) =>
    {
        if (call.State != "alerting")
        {
            return false;
        }

        if (call.Personality == "clickToDial")
        {
            // Answering a Click to Dial on a device places the outgoing leg now: the far end starts ringing.
            call.UserAnswersAt = now;
            call.RemoteAnswersAt = now + _options.ConnectingDelay;
            call.Advance(now);
            return true;
        }

        call.State = "connected";
        call.Answered = now;
        AddHistory(new CallHistoryJson("received", call.RemoteParty.Name, call.RemoteParty.Number, call.RemoteParty.PrivacyEnabled, Timestamp(now)));
        return true;
    });

    /// <summary>Holds a connected call.</summary>
    public ActionOutcome Hold(string callId) => Act(callId, (call, _) => Move(call, from: "connected", to: "held"));

    /// <summary>Resumes a held call.</summary>
    public ActionOutcome Resume(string callId) => Act(callId, (call, _) => Move(call, from: "held", to: "connected"));

    /// <summary>Hangs up any call; an unanswered incoming call becomes a missed call (rejected to busy).</summary>
    public ActionOutcome Hangup(string callId) => Act(callId, (call, now) =>
    {
        if (call.Personality == "terminator" && call.Answered is null)
        {
            AddHistory(new CallHistoryJson("missed", call.RemoteParty.Name, call.RemoteParty.Number, call.RemoteParty.PrivacyEnabled, Timestamp(now)));
        }

        call.State = "disconnected";
        _calls.Remove(call);
        return true;
    });

    /// <summary>The call history, newest first, at most 20 per type; <paramref name="type"/> filters.</summary>
    public IReadOnlyList<CallHistoryJson> History(string? type)
    {
        lock (_gate)
        {
            return _history.Where(h => type is null || h.Type == type).Reverse().ToList();
        }
    }

    /// <summary>Forgets every call and all history, and restores the start-up delays.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _options = _startupOptions;
            _calls.Clear();
            _history.Clear();
            _nextCallNumber = 1;
        }
    }

    internal static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Move(SimulatedCall call, string from, string to)
    {
        if (call.State != from)
        {
            return false;
        }

        call.State = to;
        return true;
    }

    private ActionOutcome Act(string callId, Func<SimulatedCall, DateTimeOffset, bool> action)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var call = Find(callId)?.Advance(now);
            if (call is null)
            {
                return ActionOutcome.NotFound;
            }

            return action(call, now) ? ActionOutcome.Done : ActionOutcome.WrongState;
        }
    }

    private SimulatedCall? Find(string callId) => _calls.FirstOrDefault(c => c.Id == callId);

    private SimulatedCall NewCall(string personality, string state, PartyJson party, DateTimeOffset now)
    {
        var number = _nextCallNumber++;
        // Shaped like Webex's ids: unpadded base64 of a ciscospark:// URI, and of a UUID for the session.
        var id = Base64("ciscospark://us/CALL/simulator/callhalf-" + number + ":0");
        var session = Base64(Guid.NewGuid().ToString());
        var call = new SimulatedCall(id, session, personality, state, party, now, appearance: _calls.Count + 1);
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

    private sealed class SimulatedCall(string id, string sessionId, string personality, string state, PartyJson remoteParty, DateTimeOffset created, int appearance)
    {
        public string Id { get; } = id;
        public string SessionId { get; } = sessionId;
        public string Personality { get; set; } = personality;
        public string State { get; set; } = state;
        public PartyJson RemoteParty { get; } = remoteParty;
        public DateTimeOffset Created { get; } = created;
        public DateTimeOffset? Answered { get; set; }
        public DateTimeOffset? UserAnswersAt { get; set; }
        public DateTimeOffset? RemoteAnswersAt { get; set; }

        /// <summary>Applies the transitions whose time has come.</summary>
        public SimulatedCall Advance(DateTimeOffset now)
        {
            if (Personality == "clickToDial" && UserAnswersAt is { } userAnswers && now >= userAnswers)
            {
                Personality = "originator";
                State = "connecting";
            }

            if (Personality == "originator" && State == "connecting" && RemoteAnswersAt is { } remoteAnswers && now >= remoteAnswers)
            {
                State = "connected";
                Answered = remoteAnswers;
            }

            return this;
        }

        public CallJson ToJson() => new(
            Id, SessionId, Personality, State, RemoteParty, appearance, Timestamp(Created),
            Answered is { } answered ? Timestamp(answered) : null,
            Redirections: null, Recall: null, RecordingState: null, MuteCapable: State is "connected" or "held", Muted: false);
    }
}
