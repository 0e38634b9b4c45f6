using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace WebexCalls.Simulator;

/// <summary>A webhook as the simulator keeps it (the spec's <c>Webhook</c>, plus whose calls it reports and its failures).</summary>
public sealed class SimulatedWebhook
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string TargetUrl { get; set; }
    public required string Resource { get; init; }
    public required string Event { get; init; }
    public string? Filter { get; init; }
    public string? Secret { get; set; }
    public string Status { get; set; } = "active";
    public required string Created { get; init; }
    public string? OwnedBy { get; init; }
    public int ConsecutiveFailures { get; set; }

    /// <summary>The spec's <c>Webhook</c> as Webex answers it, secret included (the spec's examples echo it).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id, ["name"] = Name, ["targetUrl"] = TargetUrl, ["resource"] = Resource, ["event"] = Event,
        ["filter"] = Filter, ["secret"] = Secret, ["status"] = Status, ["created"] = Created, ["ownedBy"] = OwnedBy,
    };
}

/// <summary>A fault the next matching deliveries meet: sent twice, held back (so later ones overtake it), or never sent.</summary>
public sealed record DeliveryFault(string Action, string? EventType, string? Event, int Count, int DelayMs);

/// <summary>One delivery the simulator attempted, for tests: which event, to where, and what the target answered.</summary>
public sealed record DeliveryRecord(DateTimeOffset At, string WebhookId, string Event, string EventType, string CallId, string? ActorId, int? Status, string? Fault);

/// <summary>
/// Webex's webhooks for calls, as the simulator delivers them: on every change of a call of a webhook's owner (the
/// user's calls, or, for <c>ownedBy: org</c>, every member's) it POSTs the event the way Webex does (API notes 5.3):
/// the webhook's fields plus <c>data</c>, the call with <c>callId</c>, <c>eventType</c> and <c>eventTimestamp</c>,
/// signed with <c>X-Spark-Signature</c> (hex HMAC-SHA1 of the body) when the webhook has a secret.
/// </summary>
/// <remarks>
/// Assumptions where Webex documents nothing, repeated in docs/simulator.md:
/// <list type="bullet">
/// <item>Changes are found by comparing each owner's calls after every request and every 100 ms while a webhook is
/// active; an incoming call gives created/received, then updated/updated (the endpoint now known), as captured.</item>
/// <item><c>eventType</c>: received (incoming) or originated (outgoing) on created; answered, held, resumed, remoteHeld
/// or updated on updated; disconnected on deleted.</item>
/// <item>A delivery that fails (no answer, or not 2xx) is not retried; after <see cref="FailuresBeforeInactive"/> in a
/// row the webhook becomes <c>inactive</c> and gets nothing until a PUT sets <c>status: active</c>.</item>
/// <item>Workspaces' and virtual lines' events go to organisation webhooks only while the interest registration names
/// their actor kind. No <c>telephony_conference</c> events are delivered: no sample of one is published.</item>
/// </list>
/// </remarks>
public sealed class WebhookHub : BackgroundService
{
    /// <summary>Failed deliveries in a row after which a webhook is switched to inactive.</summary>
    public const int FailuresBeforeInactive = 5;

    /// <summary>The simulated user's person id, the actor of the user's own call events.</summary>
    public static readonly string UserPersonId = Convert.ToBase64String(Encoding.UTF8.GetBytes("ciscospark://us/PEOPLE/simulated-user")).TrimEnd('=');

    private static readonly string AppId = Convert.ToBase64String(Encoding.UTF8.GetBytes("ciscospark://us/APPLICATION/webexcalls-simulator")).TrimEnd('=');

    private readonly ConcurrentDictionary<string, SimulatedWebhook> _webhooks = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly Dictionary<string, Dictionary<string, CallJson>> _snapshots = new(StringComparer.Ordinal);
    private readonly List<DeliveryFault> _faults = new();
    private readonly List<DeliveryRecord> _deliveries = new();
    private readonly object _gate = new();
    private readonly SemaphoreSlim _poke = new(0, int.MaxValue);
    private readonly CallStore _store;
    private readonly Organization _organization;
    private readonly TimeProvider _time;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private List<string> _interests = new();
    private DateTimeOffset? _interestsExpire;

    public WebhookHub(CallStore store, Organization organization, TimeProvider time)
    {
        _store = store;
        _organization = organization;
        _time = time;
    }

    /// <summary>Webhooks in the order created.</summary>
    public IReadOnlyList<SimulatedWebhook> List()
    {
        lock (_gate)
        {
            return _order.Select(id => _webhooks[id]).ToList();
        }
    }

    public SimulatedWebhook? Get(string id) => _webhooks.TryGetValue(id, out var hook) ? hook : null;

    /// <summary>Adds a webhook; the calls there now are its starting point, so only later changes are delivered.</summary>
    public SimulatedWebhook Add(string name, string targetUrl, string resource, string @event, string? filter, string? secret, string? ownedBy)
    {
        var hook = new SimulatedWebhook
        {
            Id = Convert.ToBase64String(Encoding.UTF8.GetBytes("ciscospark://us/WEBHOOK/" + Guid.NewGuid())).TrimEnd('='),
            Name = name, TargetUrl = targetUrl, Resource = resource, Event = @event, Filter = filter, Secret = secret, OwnedBy = ownedBy,
            Created = CallStore.Timestamp(_time.GetUtcNow()),
        };
        lock (_gate)
        {
            if (!_order.Any(id => _webhooks[id].Status == "active"))
            {
                // Nothing was compared while no webhook listened: start from the calls as they are now.
                Compare(deliver: false);
            }

            _webhooks[hook.Id] = hook;
            _order.Add(hook.Id);
        }

        return hook;
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            _order.Remove(id);
            return _webhooks.TryRemove(id, out _);
        }
    }

    /// <summary>The interest registration: its interests ("actor:Workspaces", "resource:Agent") and expiry; null when none.</summary>
    public (IReadOnlyList<string> Interests, DateTimeOffset ExpiresAt)? Interests()
    {
        lock (_gate)
        {
            return _interestsExpire is { } expires && expires > _time.GetUtcNow() && _interests.Count > 0 ? (_interests.ToList(), expires) : null;
        }
    }

    public void SetInterests(IEnumerable<string> interests, int? durationDays)
    {
        lock (_gate)
        {
            _interests = interests.Distinct(StringComparer.Ordinal).ToList();
            _interestsExpire = _time.GetUtcNow().AddDays(durationDays ?? 60);
        }
    }

    public void ClearInterests()
    {
        lock (_gate)
        {
            _interests = new List<string>();
            _interestsExpire = null;
        }
    }

    public void AddFault(DeliveryFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public IReadOnlyList<DeliveryRecord> Deliveries()
    {
        lock (_gate)
        {
            return _deliveries.ToList();
        }
    }

    /// <summary>Forgets every webhook, the registration, faults and the delivery log.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _webhooks.Clear();
            _order.Clear();
            _snapshots.Clear();
            _faults.Clear();
            _deliveries.Clear();
            _interests = new List<string>();
            _interestsExpire = null;
        }
    }

    /// <summary>Asks for a comparison now (after a request that may have changed calls).</summary>
    public void Poke()
    {
        if (!_webhooks.IsEmpty)
        {
            _poke.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Woken by a request, or every 100 ms for the changes time makes (a dialled call connecting).
                await _poke.WaitAsync(_webhooks.IsEmpty ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(100), stoppingToken);
                while (_poke.CurrentCount > 0 && _poke.Wait(0))
                {
                    // Pokes that came together are served by this one comparison.
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_webhooks.IsEmpty)
            {
                continue;
            }

            List<(SimulatedWebhook Hook, string Body, string EventName, string EventType, string CallId, string? Actor)> outgoing;
            lock (_gate)
            {
                outgoing = Compare(deliver: true);
            }

            foreach (var group in outgoing.GroupBy(item => item.Hook.Id))
            {
                // One webhook's deliveries go in order; a held-back one is sent on its own, later.
                _ = Task.Run(async () =>
                {
                    foreach (var item in group)
                    {
                        await DeliverAsync(item.Hook, item.Body, item.EventName, item.EventType, item.CallId, item.Actor, stoppingToken);
                    }
                }, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    // Compares every owner's calls with the last look and builds each active webhook's deliveries. Under _gate.
    private List<(SimulatedWebhook, string, string, string, string, string?)> Compare(bool deliver)
    {
        var outgoing = new List<(SimulatedWebhook, string, string, string, string, string?)>();
        var owners = new List<(string Key, string? MemberId, string Kind, CallStore Calls)> { ("user", null, "person", _store) };
        owners.AddRange(_organization.CallingMembers().Select(member => ("member:" + member.Id, (string?)member.Id, member.Kind, member.Calls)));
        var now = _time.GetUtcNow();
        var active = _order.Select(id => _webhooks[id]).Where(hook => hook.Status == "active" && hook.Resource == "telephony_calls").ToList();
        foreach (var owner in owners)
        {
            var calls = owner.Calls.AllCalls().ToDictionary(call => call.Id, StringComparer.Ordinal);
            _snapshots.TryGetValue(owner.Key, out var before);
            _snapshots[owner.Key] = calls;
            if (!deliver || before is null)
            {
                continue;
            }

            var events = new List<(string Event, string EventType, JsonObject Data)>();
            foreach (var call in calls.Values)
            {
                if (!before.TryGetValue(call.Id, out var old))
                {
                    var incoming = call.Personality == "terminator";
                    events.Add(("created", incoming ? "received" : "originated", Data(call)));
                    if (incoming)
                    {
                        // As captured: moments later the same call again, now with its endpoint.
                        var again = Data(call);
                        again["endpointId"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("ciscospark://us/ENDPOINT/simulated-device")).TrimEnd('=');
                        again["endpointType"] = "APPLICATION";
                        events.Add(("updated", "updated", again));
                    }
                }
                else if (JsonSerializer.Serialize(old) != JsonSerializer.Serialize(call))
                {
                    var type = old.State == call.State ? "updated"
                        : call.State == "connected" && old.State is "alerting" or "connecting" ? "answered"
                        : call.State == "held" ? "held"
                        : call.State == "remoteHeld" ? "remoteHeld"
                        : call.State == "connected" && old.State is "held" or "remoteHeld" ? "resumed"
                        : "updated";
                    events.Add(("updated", type, Data(call)));
                }
            }

            foreach (var gone in before.Values.Where(call => !calls.ContainsKey(call.Id)))
            {
                var data = Data(gone);
                data["state"] = "disconnected";
                data["disconnected"] = CallStore.Timestamp(now);
                events.Add(("deleted", "disconnected", data));
            }

            var tick = 0;
            foreach (var (eventName, eventType, data) in events)
            {
                data["eventType"] = eventType;
                data["eventTimestamp"] = CallStore.Timestamp(now.AddMilliseconds(tick++));
                foreach (var hook in active.Where(hook => Wants(hook, owner.MemberId, owner.Kind, eventName)))
                {
                    outgoing.Add((hook, Envelope(hook, eventName, owner.MemberId ?? UserPersonId, data), eventName, eventType, data["callId"]!.GetValue<string>(), owner.MemberId));
                }
            }
        }

        return outgoing;
    }

    private bool Wants(SimulatedWebhook hook, string? memberId, string kind, string eventName)
    {
        var orgWide = hook.OwnedBy == "org";
        if (orgWide != (memberId != null) || (hook.Event != "all" && hook.Event != eventName))
        {
            return false;
        }

        if (hook.Filter is { } filter && filter.StartsWith("personId=", StringComparison.Ordinal) && filter["personId=".Length..] != (memberId ?? UserPersonId))
        {
            return false;
        }

        // Workspaces' and virtual lines' events need their actor kind in the interest registration.
        var needed = kind == "workspace" ? "actor:Workspaces" : kind == "virtualLine" ? "actor:Virtual Lines" : null;
        return needed is null || (_interestsExpire > _time.GetUtcNow() && _interests.Contains(needed));
    }

    private static JsonObject Data(CallJson call)
    {
        var data = JsonSerializer.SerializeToNode(call, SimulatorJson.Options)!.AsObject();
        data.Remove("id");
        data["callId"] = call.Id;
        return data;
    }

    private static string Envelope(SimulatedWebhook hook, string eventName, string actorId, JsonObject data) => new JsonObject
    {
        ["id"] = hook.Id, ["name"] = hook.Name, ["targetUrl"] = hook.TargetUrl, ["resource"] = hook.Resource, ["event"] = eventName,
        ["orgId"] = Organization.Id, ["createdBy"] = UserPersonId, ["appId"] = AppId, ["ownedBy"] = hook.OwnedBy ?? "creator",
        ["status"] = hook.Status, ["created"] = hook.Created, ["actorId"] = actorId, ["data"] = data.DeepClone(),
    }.ToJsonString();

    private async Task DeliverAsync(SimulatedWebhook hook, string body, string eventName, string eventType, string callId, string? actor, CancellationToken stoppingToken)
    {
        DeliveryFault? fault;
        lock (_gate)
        {
            fault = _faults.FirstOrDefault(f => (f.EventType is null || f.EventType == eventType) && (f.Event is null || f.Event == eventName));
            if (fault != null)
            {
                _faults.Remove(fault);
                if (fault.Count > 1)
                {
                    _faults.Add(fault with { Count = fault.Count - 1 });
                }
            }
        }

        switch (fault?.Action)
        {
            case "drop":
                Record(hook, eventName, eventType, callId, actor, null, "drop");
                return;
            case "delay":
                _ = Task.Run(async () =>
                {
                    await Task.Delay(fault.DelayMs, stoppingToken);
                    await PostAsync(hook, body, eventName, eventType, callId, actor, "delay", stoppingToken);
                }, stoppingToken);
                return;
            case "duplicate":
                await PostAsync(hook, body, eventName, eventType, callId, actor, null, stoppingToken);
                await PostAsync(hook, body, eventName, eventType, callId, actor, "duplicate", stoppingToken);
                return;
            default:
                await PostAsync(hook, body, eventName, eventType, callId, actor, null, stoppingToken);
                return;
        }
    }

    private async Task PostAsync(SimulatedWebhook hook, string body, string eventName, string eventType, string callId, string? actor, string? fault, CancellationToken stoppingToken)
    {
        if (hook.Status != "active")
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.TargetUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(hook.Secret))
        {
            request.Headers.TryAddWithoutValidation("X-Spark-Signature", Convert.ToHexString(HMACSHA1.HashData(Encoding.UTF8.GetBytes(hook.Secret), bytes)).ToLowerInvariant());
        }

        int? status = null;
        try
        {
            using var response = await _http.SendAsync(request, stoppingToken);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The target is down: Webex documents no queue, so the event is lost (API notes 5.5).
        }

        lock (_gate)
        {
            if (status is >= 200 and < 300)
            {
                hook.ConsecutiveFailures = 0;
            }
            else if (++hook.ConsecutiveFailures >= FailuresBeforeInactive)
            {
                hook.Status = "inactive";
            }
        }

        Record(hook, eventName, eventType, callId, actor, status, fault);
    }

    private void Record(SimulatedWebhook hook, string eventName, string eventType, string callId, string? actor, int? status, string? fault)
    {
        lock (_gate)
        {
            _deliveries.Add(new DeliveryRecord(_time.GetUtcNow(), hook.Id, eventName, eventType, callId, actor, status, fault));
            if (_deliveries.Count > 10000)
            {
                _deliveries.RemoveRange(0, 1000);
            }
        }
    }
}

/// <summary>The JSON options of the simulator's answers (camelCase, nulls left out), for bodies it writes itself.</summary>
internal static class SimulatorJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
