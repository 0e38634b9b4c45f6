using Microsoft.Extensions.Options;
using Xunit;

namespace WebexCalls.Simulator.Tests;

public class CallStoreTests
{
    private readonly ManualClock _clock = new();
    private readonly CallStore _store;

    public CallStoreTests() =>
        _store = new CallStore(_clock, Options.Create(new SimulatorOptions { AlertingDelayMs = 1000, ConnectingDelayMs = 2000 }));

    [Fact]
    public void A_dial_alerts_the_users_devices_then_rings_the_far_end_then_connects()
    {
        var dial = _store.Dial("+14085550100");

        var call = _store.Get(dial.CallId)!;
        Assert.Equal(("clickToDial", "alerting"), (call.Personality, call.State));
        Assert.Null(call.Answered);
        Assert.Equal(dial.CallSessionId, call.CallSessionId);
        Assert.Equal("Jane Doe", call.RemoteParty.Name);
        Assert.Equal("external", call.RemoteParty.CallType);

        _clock.Advance(TimeSpan.FromMilliseconds(1000));
        call = _store.Get(dial.CallId)!;
        Assert.Equal(("originator", "connecting"), (call.Personality, call.State));

        _clock.Advance(TimeSpan.FromMilliseconds(2000));
        call = _store.Get(dial.CallId)!;
        Assert.Equal(("originator", "connected"), (call.Personality, call.State));
        Assert.Equal(CallStore.Timestamp(_clock.Now), call.Answered);
        Assert.True(call.MuteCapable);
    }

    [Fact]
    public void Hold_and_resume_follow_the_spec_and_wrong_states_are_refused()
    {
        var id = _store.Dial("1234").CallId;
        Assert.Equal(ActionOutcome.WrongState, _store.Hold(id));     // still alerting
        Assert.Equal(ActionOutcome.WrongState, _store.Resume(id));

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ActionOutcome.Done, _store.Hold(id));
        Assert.Equal("held", _store.Get(id)!.State);
        Assert.Equal(ActionOutcome.WrongState, _store.Hold(id));
        Assert.Equal(ActionOutcome.Done, _store.Resume(id));
        Assert.Equal("connected", _store.Get(id)!.State);
    }

    [Fact]
    public void A_hung_up_call_leaves_the_list_and_later_commands_get_not_found()
    {
        var id = _store.Dial("1234").CallId;
        var other = _store.Dial("5678").CallId;

        Assert.Equal(ActionOutcome.Done, _store.Hangup(id));

        Assert.Null(_store.Get(id));
        Assert.Equal(new[] { other }, _store.List().Select(c => c.Id));
        Assert.Equal(ActionOutcome.NotFound, _store.Hangup(id));
        Assert.Equal(ActionOutcome.NotFound, _store.Hold(id));
        Assert.Equal(ActionOutcome.NotFound, _store.Resume(id));
        Assert.Equal(ActionOutcome.NotFound, _store.Answer(id));
    }

    [Fact]
    public void An_incoming_call_alerts_as_terminator_and_answer_connects_it()
    {
        var call = _store.AddIncoming("+14085550101", null, null);
        Assert.Equal(("terminator", "alerting"), (call.Personality, call.State));
        Assert.Equal("John Smith", call.RemoteParty.Name);

        _clock.Advance(TimeSpan.FromHours(1));   // an incoming call never connects by itself
        Assert.Equal("alerting", _store.Get(call.Id)!.State);

        Assert.Equal(ActionOutcome.Done, _store.Answer(call.Id));
        var answered = _store.Get(call.Id)!;
        Assert.Equal("connected", answered.State);
        Assert.NotNull(answered.Answered);
        Assert.Equal(ActionOutcome.WrongState, _store.Answer(call.Id));
        Assert.Equal("received", Assert.Single(_store.History("received")).Type);
    }

    [Fact]
    public void Answering_a_click_to_dial_call_places_the_outgoing_leg_at_once()
    {
        var id = _store.Dial("1234").CallId;

        Assert.Equal(ActionOutcome.Done, _store.Answer(id));
        Assert.Equal(("originator", "connecting"), (_store.Get(id)!.Personality, _store.Get(id)!.State));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("connected", _store.Get(id)!.State);
    }

    [Fact]
    public void Hanging_up_an_unanswered_incoming_call_makes_a_missed_call()
    {
        var call = _store.AddIncoming("1234", "Front Desk", "location");

        Assert.Equal(ActionOutcome.Done, _store.Hangup(call.Id));

        var missed = Assert.Single(_store.History("missed"));
        Assert.Equal("Front Desk", missed.Name);
        Assert.Empty(_store.List());
    }

    [Fact]
    public void History_keeps_at_most_20_records_per_type_newest_first()
    {
        for (var i = 0; i < 25; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            _store.Dial("10" + i.ToString("00"));
        }

        var placed = _store.History("placed");
        Assert.Equal(20, placed.Count);
        Assert.Equal("1024", placed[0].Number);
        Assert.Equal("1005", placed[^1].Number);
    }

    [Theory]
    [InlineData("1234", "location")]
    [InlineData("+14085550100", "external")]
    [InlineData("tel:+14085550100", "external")]
    [InlineData("*73", "other")]
    [InlineData("911", "emergency")]
    [InlineData("bob@example.com", "external")]
    public void The_remote_partys_call_type_follows_the_destination(string destination, string callType)
    {
        var id = _store.Dial(destination).CallId;
        var party = _store.Get(id)!.RemoteParty;
        Assert.Equal(callType, party.CallType);
        Assert.DoesNotContain("tel:", party.Number);
    }

    [Theory]
    [InlineData("sip:jane.doe@example.com")]
    [InlineData("jane.doe@example.com")]
    [InlineData("tel:+14085550100")]
    public void Directory_names_are_found_whatever_the_uri_form(string destination) =>
        Assert.Equal("Jane Doe", _store.Get(_store.Dial(destination).CallId)!.RemoteParty.Name);

    [Fact]
    public void Reset_forgets_calls_history_and_runtime_delays()
    {
        _store.SetDelays(0, 0);
        _store.Dial("1234");
        _store.Reset();
        Assert.Empty(_store.List());
        Assert.Empty(_store.History(null));

        var id = _store.Dial("1234").CallId;
        Assert.Equal("alerting", _store.Get(id)!.State);   // the start-up delays are back
    }
}
