using System;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Xunit;

namespace WebexCalls.Simulator.Tests;

/// <summary>Far-end events and timelines: what the far end does to the user's calls, for watches to see.</summary>
public class FarEndTests
{
    private readonly ManualClock _clock = new();
    private readonly CallStore _store;

    public FarEndTests() =>
        _store = new CallStore(_clock, Options.Create(new SimulatorOptions { AlertingDelayMs = 0, ConnectingDelayMs = 60_000 }));

    private string ConnectingCall()
    {
        var id = _store.Dial("+14085550100").CallId;
        Assert.Equal("connecting", _store.Get(id)!.State);
        return id;
    }

    [Fact]
    public void The_far_end_answers_holds_resumes_and_hangs_up()
    {
        var id = ConnectingCall();

        Assert.Equal(ActionOutcome.Done, _store.FarEnd(new FarEndEvent("answer", id)).Outcome);
        Assert.Equal("connected", _store.Get(id)!.State);
        Assert.Equal(CallStore.Timestamp(_clock.Now), _store.Get(id)!.Answered);

        Assert.Equal(ActionOutcome.Done, _store.FarEnd(new FarEndEvent("hold", id)).Outcome);
        Assert.Equal("remoteHeld", _store.Get(id)!.State);
        // The user cannot resume what the far end holds.
        Assert.Equal(ActionOutcome.WrongState, _store.Resume(id));

        Assert.Equal(ActionOutcome.Done, _store.FarEnd(new FarEndEvent("resume", id)).Outcome);
        Assert.Equal("connected", _store.Get(id)!.State);

        Assert.Equal(ActionOutcome.Done, _store.FarEnd(new FarEndEvent("hangup", id)).Outcome);
        Assert.Null(_store.Get(id));
        Assert.Equal(ActionOutcome.NotFound, _store.FarEnd(new FarEndEvent("hangup", id)).Outcome);
    }

    [Fact]
    public void An_alerting_call_rings_out_to_a_missed_call_or_is_answered_elsewhere_without_one()
    {
        var missed = _store.AddIncoming("+14085550101", null, null).Id;
        var taken = _store.AddIncoming("+14085550100", null, null).Id;

        Assert.Equal(ActionOutcome.Done, _store.FarEnd(new FarEndEvent("ringOut", missed)).Outcome);
        Assert.Equal(ActionOutcome.Done, _store.FarEnd(new FarEndEvent("answeredElsewhere", taken)).Outcome);

        Assert.Empty(_store.List());
        var record = Assert.Single(_store.History("missed"));
        Assert.Equal("+14085550101", record.Number);
    }

    [Fact]
    public void Events_the_state_does_not_allow_are_refused_and_unknown_events_are_invalid()
    {
        var id = ConnectingCall();

        Assert.Equal(ActionOutcome.WrongState, _store.FarEnd(new FarEndEvent("hold", id)).Outcome);
        Assert.Equal(ActionOutcome.WrongState, _store.FarEnd(new FarEndEvent("ringOut", id)).Outcome);
        Assert.Equal(ActionOutcome.Invalid, _store.FarEnd(new FarEndEvent("explode", id)).Outcome);
        Assert.Equal(ActionOutcome.Invalid, _store.FarEnd(new FarEndEvent("remoteParty", id)).Outcome);
    }

    [Fact]
    public void The_remote_party_can_change_under_a_call()
    {
        var id = ConnectingCall();

        _store.FarEnd(new FarEndEvent("remoteParty", id, Number: "+14085550101"));

        var party = _store.Get(id)!.RemoteParty;
        Assert.Equal(("John Smith", "+14085550101"), (party.Name, party.Number));
    }

    [Fact]
    public void A_timeline_applies_each_event_once_when_it_is_due_in_order()
    {
        Assert.Equal(ActionOutcome.Done, _store.Schedule(
        [
            new FarEndEvent("incoming", "watch-1", AfterMs: 100, Number: "+14085550100"),
            new FarEndEvent("hangup", "watch-1", AfterMs: 300),
            // Same time as the incoming call, given after it: applied after it.
            new FarEndEvent("remoteParty", "watch-1", AfterMs: 100, Number: "1234"),
        ]).Outcome);

        Assert.Empty(_store.List());
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var call = Assert.Single(_store.List());
        Assert.Equal(("watch-1", "alerting", "1234"), (call.Id, call.State, call.RemoteParty.Number));

        _clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Empty(_store.List());
        Assert.Single(_store.History("missed"));

        _store.Reset();
        Assert.Equal(ActionOutcome.Invalid, _store.Schedule([new FarEndEvent("hold", "x", AfterMs: -1)]).Outcome);
    }

    public class OverHttp : SimulatorTestBase
    {
        [Fact]
        public async Task The_control_api_takes_far_end_events_and_timelines_for_the_user_and_members()
        {
            var call = await (await Sim.PostJson("/_simulator/calls/incoming", """{"number":"+14085550100"}""")).Content.ReadFromJsonAsync<JsonElement>();
            var id = call.GetProperty("id").GetString();

            Assert.Equal(HttpStatusCode.Conflict, (await Sim.PostJson($"/_simulator/calls/{id}/farend", """{"event":"hold"}""")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson($"/_simulator/calls/{id}/farend", """{"event":"ringOut"}""")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Sim.PostJson($"/_simulator/calls/{id}/farend", """{"event":"hangup"}""")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Sim.PostJson("/_simulator/timeline", """{"events":[{"event":"nope"}]}""")).StatusCode);

            var members = await (await Sim.PostJson("/_simulator/members", """{"count":1}""")).Content.ReadFromJsonAsync<JsonElement>();
            var member = members.GetProperty("ids")[0].GetString();
            var timeline = "{\"events\":[{\"event\":\"incoming\",\"callId\":\"m-1\",\"number\":\"1234\",\"memberId\":\"" + member + "\"}]}";
            Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson("/_simulator/timeline", timeline)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await Sim.PostJson($"/_simulator/members/{member}/calls/m-1/farend", """{"event":"answeredElsewhere"}""")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Sim.PostJson("/_simulator/members/nobody/calls/m-1/farend", """{"event":"hangup"}""")).StatusCode);

            var stats = await Sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/stats");
            Assert.Equal(0, stats.GetProperty("inFlight").GetInt32());
        }
    }
}
