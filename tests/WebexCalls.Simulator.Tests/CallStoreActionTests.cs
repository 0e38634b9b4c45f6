using Microsoft.Extensions.Options;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>Every action of the state machine beyond dial, hold and hang-up: each transition and each refusal.</summary>
public class CallStoreActionTests
{
    private readonly ManualClock _clock = new();
    private readonly CallStore _store;

    public CallStoreActionTests() =>
        _store = new CallStore(_clock, Options.Create(new SimulatorOptions { AlertingDelayMs = 1000, ConnectingDelayMs = 2000, ParkRecallDelayMs = 30_000 }));

    private string Connected(string destination = "+14085550100")
    {
        var id = _store.Dial(destination).CallId;
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("connected", _store.Get(id)!.State);
        return id;
    }

    private string Ringing(string number = "+14085550101") => _store.AddIncoming(number, null, null).Id;

    private static void AssertOutcome(ActionOutcome expected, StoreResult result) =>
        Assert.True(expected == result.Outcome, $"Expected {expected}, got {result.Outcome}: {result.Message}");

    [Theory]
    [InlineData(null)]
    [InlineData("busy")]
    [InlineData("temporarilyUnavailable")]
    [InlineData("ignore")]
    public void Reject_ends_an_unanswered_incoming_call_as_missed(string? action)
    {
        var id = Ringing();
        AssertOutcome(ActionOutcome.Done, _store.Reject(new CallCommand(id, Action: action)));
        Assert.Null(_store.Get(id));
        Assert.Single(_store.History("missed"));
    }

    [Fact]
    public void Reject_refuses_an_unknown_action_an_answered_call_and_an_outgoing_one()
    {
        var ringing = Ringing();
        AssertOutcome(ActionOutcome.Invalid, _store.Reject(new CallCommand(ringing, Action: "later")));
        AssertOutcome(ActionOutcome.WrongState, _store.Reject(new CallCommand(Connected())));
        AssertOutcome(ActionOutcome.WrongState, _store.Reject(new CallCommand(_store.Dial("1234").CallId)));
        AssertOutcome(ActionOutcome.NotFound, _store.Reject(new CallCommand("gone")));
        AssertOutcome(ActionOutcome.Invalid, _store.Reject(new CallCommand()));
    }

    [Fact]
    public void Mute_and_unmute_need_a_mute_capable_call()
    {
        var id = Connected();
        AssertOutcome(ActionOutcome.Done, _store.Mute(new CallCommand(id), muted: true));
        Assert.True(_store.Get(id)!.Muted);
        AssertOutcome(ActionOutcome.Done, _store.Mute(new CallCommand(id), muted: true));   // muting a muted call is no error
        AssertOutcome(ActionOutcome.Done, _store.Mute(new CallCommand(id), muted: false));
        Assert.False(_store.Get(id)!.Muted);

        var ringing = Ringing();
        Assert.False(_store.Get(ringing)!.MuteCapable);
        AssertOutcome(ActionOutcome.WrongState, _store.Mute(new CallCommand(ringing), muted: true));
    }

    [Fact]
    public void Divert_sends_a_call_away_to_a_destination_or_voicemail()
    {
        var answered = Connected();
        AssertOutcome(ActionOutcome.Done, _store.Divert(new CallCommand(answered, Destination: "1234")));
        Assert.Null(_store.Get(answered));

        var ringing = Ringing();
        AssertOutcome(ActionOutcome.Done, _store.Divert(new CallCommand(ringing, ToVoicemail: true)));
        Assert.Null(_store.Get(ringing));
        Assert.Single(_store.History("missed"));
    }

    [Fact]
    public void Divert_follows_the_specs_field_rule_and_refuses_a_call_still_being_placed()
    {
        var ringing = Ringing();
        AssertOutcome(ActionOutcome.Invalid, _store.Divert(new CallCommand(ringing)));
        AssertOutcome(ActionOutcome.Invalid, _store.Divert(new CallCommand(ringing, Destination: "not a number")));
        AssertOutcome(ActionOutcome.WrongState, _store.Divert(new CallCommand(_store.Dial("1234").CallId, Destination: "5678")));
        Assert.NotNull(_store.Get(ringing));
    }

    [Fact]
    public void Automatic_transfer_joins_exactly_two_answered_calls()
    {
        var first = Connected();
        var ringing = Ringing();
        AssertOutcome(ActionOutcome.WrongState, _store.Transfer(new CallCommand()));   // one is unanswered
        _store.Answer(ringing);
        AssertOutcome(ActionOutcome.Done, _store.Transfer(new CallCommand()));
        Assert.Empty(_store.List());

        Connected();
        AssertOutcome(ActionOutcome.Invalid, _store.Transfer(new CallCommand()));   // only one call
        Connected("1234");
        Connected("5678");
        AssertOutcome(ActionOutcome.Invalid, _store.Transfer(new CallCommand()));   // three calls
        Assert.Null(_store.Get(first));
    }

    [Fact]
    public void Attended_transfer_joins_the_two_calls_named()
    {
        var a = Connected();
        var b = Connected("1234");
        var c = Connected("5678");
        AssertOutcome(ActionOutcome.NotFound, _store.Transfer(new CallCommand(CallId1: a, CallId2: "gone")));
        AssertOutcome(ActionOutcome.Invalid, _store.Transfer(new CallCommand(CallId1: a, CallId2: a)));
        AssertOutcome(ActionOutcome.Done, _store.Transfer(new CallCommand(CallId1: a, CallId2: c)));
        Assert.Equal(new[] { b }, _store.List().Select(x => x.Id));
    }

    [Theory]
    [InlineData(null, "call2", null)]
    [InlineData(null, null, "1234")]
    [InlineData("call1", null, null)]
    [InlineData("call1", "call2", "1234")]
    public void Transfer_refuses_the_field_combinations_the_spec_rules_out(string? id1, string? id2, string? destination) =>
        AssertOutcome(ActionOutcome.Invalid, _store.Transfer(new CallCommand(CallId1: id1, CallId2: id2, Destination: destination)));

    [Fact]
    public void Mute_transfer_calls_the_destination_and_hands_over_when_it_answers()
    {
        var customer = Connected();
        var result = _store.Transfer(new CallCommand(CallId1: customer, Destination: "1234"));
        AssertOutcome(ActionOutcome.Done, result);
        var created = Assert.IsType<DialResponseJson>(result.Body);
        var toDestination = _store.Get(created.CallId)!;
        Assert.Equal(("originator", "connecting", "Front Desk"), (toDestination.Personality, toDestination.State, toDestination.RemoteParty.Name));
        Assert.NotNull(_store.Get(customer));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_store.List());
    }

    [Fact]
    public void A_mute_transfer_whose_destination_call_is_hung_up_first_transfers_nothing()
    {
        var customer = Connected();
        var created = (DialResponseJson)_store.Transfer(new CallCommand(CallId1: customer, Destination: "1234")).Body!;
        _store.Hangup(created.CallId);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { customer }, _store.List().Select(x => x.Id));
    }

    [Fact]
    public void Unanswered_calls_cannot_be_transferred()
    {
        var ringing = Ringing();
        AssertOutcome(ActionOutcome.WrongState, _store.Transfer(new CallCommand(CallId1: ringing, Destination: "1234")));
    }

    [Fact]
    public void Park_puts_a_call_aside_against_a_destination_the_user_or_a_group_member()
    {
        var result = _store.Park(new CallCommand(Connected(), Destination: "1000"));
        AssertOutcome(ActionOutcome.Done, result);
        Assert.Equal("1000", ((ParkResponseJson)result.Body!).ParkedAgainst.Number);

        var mine = (ParkResponseJson)_store.Park(new CallCommand(Connected("1234"))).Body!;
        Assert.Equal(CallStore.User, mine.ParkedAgainst);

        var group = (ParkResponseJson)_store.Park(new CallCommand(Connected("5678"), Destination: "1000", IsGroupPark: true)).Body!;
        Assert.Equal("5101", group.ParkedAgainst.Number);   // the destination is ignored with isGroupPark

        Assert.Empty(_store.List());
        Assert.Equal(3, _store.Parked().Count);
    }

    [Fact]
    public void Park_refuses_an_unanswered_call_and_an_occupied_destination()
    {
        AssertOutcome(ActionOutcome.WrongState, _store.Park(new CallCommand(Ringing())));
        _store.Park(new CallCommand(Connected(), Destination: "1000"));
        var second = Connected("1234");
        AssertOutcome(ActionOutcome.WrongState, _store.Park(new CallCommand(second, Destination: "1000")));
        Assert.NotNull(_store.Get(second));
    }

    [Fact]
    public void Retrieve_brings_a_parked_call_back_through_a_new_call_that_alerts_then_connects()
    {
        var original = Connected();
        var session = _store.Get(original)!.CallSessionId;
        _store.Park(new CallCommand(original, Destination: "tel:1000"));

        var result = _store.Retrieve(new CallCommand(Destination: "1000"));
        AssertOutcome(ActionOutcome.Done, result);
        var retrieved = (DialResponseJson)result.Body!;
        Assert.Equal(session, retrieved.CallSessionId);
        Assert.Equal(("clickToDial", "alerting"), (_store.Get(retrieved.CallId)!.Personality, _store.Get(retrieved.CallId)!.State));

        AssertOutcome(ActionOutcome.Done, _store.Answer(new CallCommand(retrieved.CallId)));
        var call = _store.Get(retrieved.CallId)!;
        Assert.Equal(("originator", "connected", "Jane Doe"), (call.Personality, call.State, call.RemoteParty.Name));
        Assert.Empty(_store.Parked());
        AssertOutcome(ActionOutcome.NotFound, _store.Retrieve(new CallCommand(Destination: "1000")));
        AssertOutcome(ActionOutcome.NotFound, _store.Retrieve(new CallCommand()));
    }

    [Fact]
    public void A_parked_call_not_retrieved_in_time_is_recalled_to_the_user()
    {
        _store.Park(new CallCommand(Connected(), Destination: "1000"));
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(_store.List());

        _clock.Advance(TimeSpan.FromSeconds(1));
        var recalled = Assert.Single(_store.List());
        Assert.Equal(("terminator", "alerting", "Jane Doe"), (recalled.Personality, recalled.State, recalled.RemoteParty.Name));
        Assert.Equal("park", recalled.Recall!.Type);
        Assert.Equal("1000", recalled.Recall.Party!.Number);
        Assert.Empty(_store.Parked());
    }

    [Fact]
    public void On_demand_recording_goes_pending_started_paused_stopped_and_refuses_the_wrong_order()
    {
        _store.SetDelays(null, null, recordingStartDelayMs: 500);
        var id = Connected();
        AssertOutcome(ActionOutcome.WrongState, _store.Record(new CallCommand(id), "pauseRecording"));
        AssertOutcome(ActionOutcome.WrongState, _store.Record(new CallCommand(id), "stopRecording"));

        AssertOutcome(ActionOutcome.Done, _store.Record(new CallCommand(id), "startRecording"));
        Assert.Equal("pending", _store.Get(id)!.RecordingState);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal("started", _store.Get(id)!.RecordingState);
        AssertOutcome(ActionOutcome.WrongState, _store.Record(new CallCommand(id), "startRecording"));
        AssertOutcome(ActionOutcome.WrongState, _store.Record(new CallCommand(id), "resumeRecording"));

        AssertOutcome(ActionOutcome.Done, _store.Record(new CallCommand(id), "pauseRecording"));
        Assert.Equal("paused", _store.Get(id)!.RecordingState);
        AssertOutcome(ActionOutcome.Done, _store.Record(new CallCommand(id), "resumeRecording"));
        Assert.Equal("started", _store.Get(id)!.RecordingState);
        AssertOutcome(ActionOutcome.Done, _store.Record(new CallCommand(id), "stopRecording"));
        Assert.Equal("stopped", _store.Get(id)!.RecordingState);
        AssertOutcome(ActionOutcome.WrongState, _store.Record(new CallCommand(Ringing()), "startRecording"));
    }

    [Theory]
    [InlineData("never", "startRecording", ActionOutcome.WrongState)]
    [InlineData("always", "startRecording", ActionOutcome.WrongState)]
    [InlineData("always", "pauseRecording", ActionOutcome.WrongState)]
    [InlineData("alwaysWithPauseResume", "pauseRecording", ActionOutcome.Done)]
    [InlineData("alwaysWithPauseResume", "stopRecording", ActionOutcome.WrongState)]
    public void The_recording_mode_decides_what_is_allowed(string mode, string operation, ActionOutcome expected)
    {
        Assert.True(_store.SetRecordingMode(mode));
        var id = Connected();
        Assert.Equal(mode == "never" ? null : "started", _store.Get(id)!.RecordingState);   // "always" modes record by themselves
        AssertOutcome(expected, _store.Record(new CallCommand(id), operation));
    }

    [Fact]
    public void Dtmf_is_recorded_for_a_connected_call_and_checked()
    {
        var id = Connected();
        AssertOutcome(ActionOutcome.Done, _store.TransmitDtmf(new CallCommand(id, Dtmf: "1,234#")));
        AssertOutcome(ActionOutcome.Done, _store.TransmitDtmf(new CallCommand(Dtmf: "*")));   // the only call is meant
        Assert.Equal(new[] { "1,234#", "*" }, _store.DtmfSent().Select(d => d.Dtmf));
        Assert.All(_store.DtmfSent(), d => Assert.Equal(id, d.CallId));

        AssertOutcome(ActionOutcome.Invalid, _store.TransmitDtmf(new CallCommand(id, Dtmf: "12x")));
        AssertOutcome(ActionOutcome.Invalid, _store.TransmitDtmf(new CallCommand(id)));
        _store.Hold(id);
        AssertOutcome(ActionOutcome.WrongState, _store.TransmitDtmf(new CallCommand(id, Dtmf: "1")));
        Connected("1234");
        AssertOutcome(ActionOutcome.Invalid, _store.TransmitDtmf(new CallCommand(Dtmf: "1")));   // two calls: which one?
    }

    [Fact]
    public void Push_sends_an_executives_call_on_and_refuses_any_other()
    {
        var assisted = _store.AddIncoming(new IncomingCallSeed("+14085550100", ExecutiveNumber: "2000", ExecutiveName: "The Boss")).Id;
        AssertOutcome(ActionOutcome.WrongState, _store.Push(new CallCommand(Connected("1234"))));
        AssertOutcome(ActionOutcome.Done, _store.Push(new CallCommand(assisted)));
        Assert.Null(_store.Get(assisted));
    }

    [Fact]
    public void Pickup_takes_a_call_ringing_another_user_or_the_pickup_group()
    {
        _store.AddOtherUserCall("2001", "Alice", "+14085550100", null, connected: false, inPickupGroup: false);
        _store.AddOtherUserCall("2002", "Bob", "+14085550101", null, connected: false, inPickupGroup: true);

        var byTarget = (DialResponseJson)_store.Pickup(new CallCommand(Target: "2001")).Body!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var call = _store.Get(byTarget.CallId)!;
        Assert.Equal(("terminator", "connected", "Jane Doe"), (call.Personality, call.State, call.RemoteParty.Name));

        var fromGroup = (DialResponseJson)_store.Pickup(new CallCommand()).Body!;
        Assert.Equal("John Smith", _store.Get(fromGroup.CallId)!.RemoteParty.Name);
        Assert.Empty(_store.OtherUserCalls());
        AssertOutcome(ActionOutcome.NotFound, _store.Pickup(new CallCommand()));
        AssertOutcome(ActionOutcome.NotFound, _store.Pickup(new CallCommand(Target: "2001")));
    }

    [Fact]
    public void Barge_in_joins_another_users_answered_call_only()
    {
        _store.AddOtherUserCall("2001", "Alice", "+14085550100", null, connected: false, inPickupGroup: true);
        AssertOutcome(ActionOutcome.WrongState, _store.BargeIn(new CallCommand(Target: "2001")));
        AssertOutcome(ActionOutcome.NotFound, _store.BargeIn(new CallCommand(Target: "2999")));
        AssertOutcome(ActionOutcome.Invalid, _store.BargeIn(new CallCommand()));

        _store.AddOtherUserCall("2002", "Bob", "+14085550101", null, connected: true, inPickupGroup: true);
        var barged = (DialResponseJson)_store.BargeIn(new CallCommand(Target: "2002")).Body!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var call = _store.Get(barged.CallId)!;
        Assert.Equal(("originator", "connected", "Bob"), (call.Personality, call.State, call.RemoteParty.Name));
        Assert.Equal(2, _store.OtherUserCalls().Count);   // Bob keeps his call
    }

    [Fact]
    public void Pull_moves_an_answered_call_from_another_device_and_releases_the_temporary_call()
    {
        AssertOutcome(ActionOutcome.NotFound, _store.Pull(new CallCommand()));
        var onDesk = _store.AddIncoming(new IncomingCallSeed("+14085550100", EndpointId: "desk-phone", Answered: true));

        var pull = (DialResponseJson)_store.Pull(new CallCommand(EndpointId: "laptop")).Body!;
        Assert.Equal(onDesk.CallSessionId, pull.CallSessionId);
        Assert.Equal("clickToDial", _store.Get(pull.CallId)!.Personality);
        AssertOutcome(ActionOutcome.Done, _store.Answer(new CallCommand(pull.CallId)));

        Assert.Null(_store.Get(pull.CallId));
        Assert.Equal(new[] { onDesk.Id }, _store.List().Select(c => c.Id));
        AssertOutcome(ActionOutcome.NotFound, _store.Pull(new CallCommand(EndpointId: "laptop")));   // already there
        AssertOutcome(ActionOutcome.Invalid, _store.Pull(new CallCommand(SingleNumberReachPhoneNumber: "+14085550199")));
    }

    [Fact]
    public void A_call_on_a_secondary_line_is_found_only_on_that_line()
    {
        var dial = (DialResponseJson)_store.Dial(new CallCommand(Destination: "1234", LineOwnerId: "line-owner-1")).Body!;
        Assert.Empty(_store.List());
        Assert.Single(_store.List("line-owner-1"));
        Assert.Null(_store.Get(dial.CallId));
        AssertOutcome(ActionOutcome.NotFound, _store.Hangup(new CallCommand(dial.CallId)));
        AssertOutcome(ActionOutcome.Done, _store.Hangup(new CallCommand(dial.CallId, LineOwnerId: "line-owner-1")));
    }

    [Fact]
    public void Dial_refuses_an_endpoint_with_a_single_number_reach_number() =>
        AssertOutcome(ActionOutcome.Invalid, _store.Dial(new CallCommand(Destination: "1234", EndpointId: "e", SingleNumberReachPhoneNumber: "+14085550199")));

    [Fact]
    public void A_redirected_call_shows_its_redirections_only_while_alerting()
    {
        var id = _store.AddIncoming(new IncomingCallSeed("+14085550100", RedirectedFrom: "1234")).Id;
        var redirection = Assert.Single(_store.Get(id)!.Redirections!);
        Assert.Equal(("noAnswer", "Front Desk"), (redirection.Reason, redirection.RedirectingParty.Name));
        _store.Answer(id);
        Assert.Null(_store.Get(id)!.Redirections);
    }
}
