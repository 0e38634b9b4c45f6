using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WebexCalls.Simulator;

/// <summary>
/// The simulator's own control API under /_simulator: not part of Webex, never needs a token, and is left out of the
/// request log. Tests and demos use it to seed incoming calls, reset state, inject faults and read what was received.
/// </summary>
internal static class ControlApiRoutes
{
    public const string Prefix = "/_simulator";

    public sealed record IncomingCallRequest(
        string? Number, string? Name, string? CallType, string? LineOwnerId, string? EndpointId, bool Answered,
        string? ExecutiveNumber, string? ExecutiveName, string? RedirectedFrom);

    public sealed record OtherUserCallRequest(string? OwnerNumber, string? OwnerName, string? CallerNumber, string? CallerName, bool Connected, bool? InPickupGroup);

    public sealed record RecordingModeRequest(string? Mode);

    public sealed record ClientRequest(string? ClientId, string? ClientSecret, string? RefreshToken, string[]? Scopes, int? ExpiresInSeconds, bool RotateRefreshToken);

    public sealed record RevokeRequest(string? RefreshToken);

    public sealed record MembersRequest(MemberSeed[]? Members, int? Count, string? Kind, int? ActiveCalls, bool? WithoutCalling = null, string? LocationId = null);

    public sealed record TokenRequest(string? Token, string[]? Scopes, string? Label);

    public sealed record TimelineRequest(FarEndEvent[]? Events);

    public sealed record DelaysRequest(int? AlertingDelayMs, int? ConnectingDelayMs, int? ParkRecallDelayMs, int? RecordingStartDelayMs);

    public static void Map(WebApplication app)
    {
        var control = app.MapGroup(Prefix);

        control.MapPost("/reset", (CallStore store, RequestLog log, FaultInjector faults, TokenRegistry tokens, Organization organization, Latency latency, WebhookHub webhooks) =>
        {
            webhooks.Reset();
            store.Reset();
            organization.Clear();
            latency.Clear();
            log.Clear();
            faults.Clear();
            tokens.Clear();
            return Results.NoContent();
        });

        control.MapPost("/calls/incoming", (IncomingCallRequest request, CallStore store) =>
            string.IsNullOrWhiteSpace(request.Number)
                ? Results.BadRequest(new { message = "number is required" })
                : Results.Json(
                    store.AddIncoming(new IncomingCallSeed(
                        request.Number, request.Name, request.CallType, request.LineOwnerId, request.EndpointId, request.Answered,
                        request.ExecutiveNumber, request.ExecutiveName, request.RedirectedFrom)),
                    statusCode: StatusCodes.Status201Created));

        // Other users' calls: what pickup (alerting) and barge-in (connected) act on.
        control.MapPost("/others/calls", (OtherUserCallRequest request, CallStore store) =>
            string.IsNullOrWhiteSpace(request.OwnerNumber) || string.IsNullOrWhiteSpace(request.CallerNumber)
                ? Results.BadRequest(new { message = "ownerNumber and callerNumber are required" })
                : Results.Json(
                    store.AddOtherUserCall(request.OwnerNumber, request.OwnerName, request.CallerNumber, request.CallerName, request.Connected, request.InPickupGroup ?? true),
                    statusCode: StatusCodes.Status201Created));
        control.MapGet("/others/calls", (CallStore store) => Results.Json(store.OtherUserCalls()));

        control.MapGet("/parked", (CallStore store) => Results.Json(store.Parked()));

        // The organisation for admin mode: members seeded in bulk ({"count": 2000, "activeCalls": 1}) or one by one. Each
        // is in the directory too (People, Workspaces, Virtual Lines, Numbers); "withoutCalling" seeds people who have no
        // Webex Calling (in People only), "locationId" puts them in another location.
        control.MapPost("/members", (MembersRequest request, Organization organization) =>
        {
            var seeds = (request.Members ?? []).ToList();
            for (var i = 0; i < (request.Count ?? 0); i++)
            {
                seeds.Add(new MemberSeed(null, request.Kind, null, null, request.ActiveCalls ?? 0, null, request.LocationId, request.WithoutCalling == true ? false : null));
            }

            return seeds.Count == 0
                ? Results.BadRequest(new { message = "give members, or a count" })
                : Results.Json(new { orgId = Organization.Id, ids = organization.Add(seeds) }, statusCode: StatusCodes.Status201Created);
        });
        control.MapGet("/members", (Organization organization) => Results.Json(organization.List()));
        control.MapPost("/members/{memberId}/calls/incoming", (string memberId, IncomingCallRequest request, Organization organization) =>
            organization.CallsOf(memberId) is not { } calls ? Results.NotFound(new { message = "no such member" })
            : string.IsNullOrWhiteSpace(request.Number) ? Results.BadRequest(new { message = "number is required" })
            : Results.Json(
                calls.AddIncoming(new IncomingCallSeed(request.Number, request.Name, request.CallType, null, request.EndpointId, request.Answered)),
                statusCode: StatusCodes.Status201Created));

        // Far-end events, at once or as a timeline, for the user's calls or a member's: what watches have to see.
        control.MapPost("/calls/{callId}/farend", (string callId, FarEndEvent request, CallStore store) =>
            ToResult(store.FarEnd(request with { CallId = callId })));
        control.MapPost("/members/{memberId}/calls/{callId}/farend", (string memberId, string callId, FarEndEvent request, Organization organization) =>
            organization.CallsOf(memberId) is { } calls ? ToResult(calls.FarEnd(request with { CallId = callId })) : Results.NotFound(new { message = "no such member" }));
        control.MapPost("/timeline", (TimelineRequest request, CallStore store, Organization organization) =>
        {
            var events = request.Events ?? [];
            if (events.Length == 0)
            {
                return Results.BadRequest(new { message = "give events" });
            }

            // Each store keeps its own events and applies them when it is next used, so a member's come due on its polls.
            foreach (var group in events.GroupBy(e => e.MemberId))
            {
                var target = group.Key is null ? store : organization.CallsOf(group.Key);
                if (target is null)
                {
                    return Results.NotFound(new { message = "no such member: " + group.Key });
                }

                if (target.Schedule(group) is { Outcome: not ActionOutcome.Done } refused)
                {
                    return ToResult(refused);
                }
            }

            return Results.NoContent();
        });
        control.MapGet("/stats", (RequestLog log) =>
        {
            var (inFlight, maxInFlight) = log.Concurrency;
            return Results.Json(new { requests = log.Snapshot().Count, inFlight, maxInFlight });
        });

        control.MapPut("/latency", (LatencyRule rule, Latency latency) =>
        {
            latency.Add(rule);
            return Results.NoContent();
        });
        control.MapGet("/dtmf", (CallStore store) => Results.Json(store.DtmfSent()));

        control.MapPut("/recording", (RecordingModeRequest request, CallStore store) =>
            request.Mode is { } mode && store.SetRecordingMode(mode)
                ? Results.NoContent()
                : Results.BadRequest(new { message = "mode must be one of " + string.Join(", ", CallStore.RecordingModes) }));

        // A harmless page for the Postman collection's "Cleanup" requests, which otherwise call an outside echo host.
        // Webhook deliveries: what was sent, and faults for the next ones (sent twice, held back, or dropped).
        control.MapGet("/deliveries", (WebhookHub webhooks) => Results.Json(webhooks.Deliveries()));
        control.MapPost("/deliveries/faults", (DeliveryFault fault, WebhookHub webhooks) =>
        {
            if (fault.Action is not ("duplicate" or "delay" or "drop") || fault.Count < 0 || fault.DelayMs < 0)
            {
                return Results.BadRequest(new { message = "action is duplicate, delay or drop; count and delayMs are not negative" });
            }

            webhooks.AddFault(fault with { Count = Math.Max(1, fault.Count) });
            return Results.NoContent();
        });

        control.MapGet("/echo", () => Results.Json(new { echo = true }));

        control.MapPut("/delays", (DelaysRequest request, CallStore store) =>
        {
            store.SetDelays(request.AlertingDelayMs, request.ConnectingDelayMs, request.ParkRecallDelayMs, request.RecordingStartDelayMs);
            return Results.NoContent();
        });

        control.MapGet("/requests", (RequestLog log) => Results.Json(log.Snapshot()));
        control.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });

        control.MapPost("/faults", (Fault fault, FaultInjector faults) =>
        {
            if (fault.Action is { } action && Array.IndexOf(Fault.Actions, action) < 0)
            {
                return Results.BadRequest(new { message = "action must be one of " + string.Join(", ", Fault.Actions) });
            }

            if (fault.Fraction is < 0 or > 1)
            {
                return Results.BadRequest(new { message = "fraction must be between 0 and 1" });
            }

            faults.Add(fault);
            return Results.NoContent();
        });

        // Integrations and Service Apps whose refresh tokens /v1/access_token takes; revoking one makes it fail.
        control.MapPost("/clients", (ClientRequest request, TokenRegistry tokens) =>
        {
            if (string.IsNullOrEmpty(request.ClientId) || string.IsNullOrEmpty(request.ClientSecret) || string.IsNullOrEmpty(request.RefreshToken))
            {
                return Results.BadRequest(new { message = "clientId, clientSecret and refreshToken are required" });
            }

            tokens.RegisterClient(request.ClientId, request.ClientSecret, request.RefreshToken,
                request.Scopes ?? [TokenRegistry.ReadScope, TokenRegistry.WriteScope], request.ExpiresInSeconds ?? 3600, request.RotateRefreshToken);
            return Results.NoContent();
        });
        control.MapPost("/clients/revoke", (RevokeRequest request, TokenRegistry tokens) =>
            request.RefreshToken is { } token && tokens.Revoke(token) ? Results.NoContent() : Results.NotFound(new { message = "no client has that refresh token" }));

        control.MapPost("/tokens", (TokenRequest request, TokenRegistry tokens) =>
        {
            if (string.IsNullOrEmpty(request.Token))
            {
                return Results.BadRequest(new { message = "token is required" });
            }

            tokens.Register(request.Token, request.Scopes ?? Array.Empty<string>(), label: request.Label);
            return Results.NoContent();
        });
    }

    private static IResult ToResult(StoreResult result) => result.Outcome switch
    {
        ActionOutcome.Done => result.Body is { } body ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.NoContent(),
        ActionOutcome.NotFound => Results.NotFound(new { message = result.Message }),
        ActionOutcome.WrongState => Results.Conflict(new { message = result.Message }),
        _ => Results.BadRequest(new { message = result.Message }),
    };
}
