using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WebexCalls.Simulator;

/// <summary>
/// Conference Controls (webex-conference-controls.openapi.yml) in three families: the user's
/// (<c>/v1/telephony/conference...</c>, with <c>lineOwnerId</c> in the body of start and addParticipant and in the query
/// of GET, DELETE, hold and resume), a member's (<c>.../members/{memberId}/...</c>, with <c>orgId</c>) and the token's own
/// user under <c>.../members/me/...</c>; the supervisor modes only in the last two. The state machine is in
/// <c>CallStore.Conference.cs</c>. Every operation answers 204 but the reads (200, or <c>{}</c> with no conference).
/// </summary>
internal static class ConferenceApiRoutes
{
    public static void Map(WebApplication app)
    {
        MapFamily(app.MapGroup("/v1/telephony/conference"), context => (context.RequestServices.GetRequiredService<CallStore>(), null), root: "", modes: false);
        // "me" is a literal segment, so it wins over {memberId}: the token's own user, with the supervisor modes.
        MapFamily(app.MapGroup("/v1/telephony/conference/members/me"), context => (context.RequestServices.GetRequiredService<CallStore>(), null), root: "/conference", modes: true);
        MapFamily(app.MapGroup("/v1/telephony/conference/members/{memberId}"), WebexApiRoutes.Member, root: "/conference", modes: true);
    }

    private static void MapFamily(RouteGroupBuilder group, Func<HttpContext, (CallStore? Store, IResult? Error)> resolve, string root, bool modes)
    {
        Delegate Handler(string operation, Func<HttpContext, CallStore, ConferenceBody, string?, IResult> perform) =>
            Handle(context => Run(context, resolve, operation, (store, body, line) => perform(context, store, body, line)));

        group.MapGet(root, Handler("conference", (_, store, _, line) =>
            store.GetConference(line) is { } conference ? Results.Json(conference) : Results.Json(new Dictionary<string, object>())));
        group.MapDelete(root, Handler("release", (context, store, _, line) => Result(context, "release", store.ReleaseConference(line))));
        group.MapPost(root, Handler("start", (context, store, body, line) => Result(context, "start", store.StartConference(body.CallIds, line))));
        group.MapPost("/addParticipant", Handler("addParticipant", (context, store, body, line) => Result(context, "addParticipant", store.AddParticipant(body.CallId, line))));
        group.MapPost("/mute", Handler("mute", (context, store, body, line) => Result(context, "mute", store.MuteInConference(body.CallId, true, line))));
        group.MapPost("/unmute", Handler("unmute", (context, store, body, line) => Result(context, "unmute", store.MuteInConference(body.CallId, false, line))));
        group.MapPost("/deafen", Handler("deafen", (context, store, body, line) => Result(context, "deafen", store.DeafenInConference(body.CallId, true, line))));
        group.MapPost("/undeafen", Handler("undeafen", (context, store, body, line) => Result(context, "undeafen", store.DeafenInConference(body.CallId, false, line))));
        group.MapPost("/hold", Handler("hold", (context, store, _, line) => Result(context, "hold", store.HoldConference(false, line))));
        group.MapPost("/resume", Handler("resume", (context, store, _, line) => Result(context, "resume", store.HoldConference(true, line))));
        if (modes)
        {
            foreach (var (operation, type) in new[] { ("bargeIn", "bargeIn"), ("silentMonitor", "silentMonitoring"), ("supervisorCoach", "coaching") })
            {
                group.MapPost("/" + operation, Handler(operation, (context, store, _, _) => Result(context, operation, store.SetConferenceType(type))));
            }
        }
    }

    // A handler typed as a Delegate, so ASP.NET writes the IResult it returns (a bare HttpContext lambda would be a
    // RequestDelegate, whose result is discarded).
    private static Delegate Handle(Func<HttpContext, Task<IResult>> handler) => handler;

    private static async Task<IResult> Run(HttpContext context, Func<HttpContext, (CallStore? Store, IResult? Error)> resolve, string operation, Func<CallStore, ConferenceBody, string?, IResult> perform)
    {
        var (store, refused) = resolve(context);
        if (store is null)
        {
            return refused!;
        }

        var (body, error) = await ReadBody(context);
        if (error != null)
        {
            return error;
        }

        // A member's routes name the line; elsewhere lineOwnerId comes in the body (start, addParticipant) or the query.
        var line = context.GetRouteValue("memberId") is not null ? null
            : body!.LineOwnerId ?? (context.Request.Query["lineOwnerId"].ToString() is { Length: > 0 } query ? query : null);
        return perform(store, body!, line);
    }

    private static IResult Result(HttpContext context, string operation, StoreResult result) => result.Outcome switch
    {
        ActionOutcome.Done => Results.NoContent(),
        ActionOutcome.NotFound => WebexErrors.Error(context, StatusCodes.Status404NotFound, result.Message ?? "Call not found"),
        ActionOutcome.Invalid => WebexErrors.Error(context, StatusCodes.Status400BadRequest, result.Message ?? "Bad request"),
        _ => WebexErrors.WrongState(context, operation, result.Message),
    };

    private static async Task<(ConferenceBody? Body, IResult? Error)> ReadBody(HttpContext context)
    {
        using var reader = new System.IO.StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new ConferenceBody(null, null, null), null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return (null, WebexErrors.Error(context, 400, "The request body must be a JSON object."));
            }

            var ids = body.TryGetProperty("callIds", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String).Select(id => id.GetString()!).ToList()
                : null;
            string? Text(string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return (new ConferenceBody(ids, Text("callId"), Text("lineOwnerId")), null);
        }
        catch (JsonException)
        {
            return (null, WebexErrors.Error(context, 400, "The request body is not valid JSON."));
        }
    }

    private sealed record ConferenceBody(IReadOnlyList<string>? CallIds, string? CallId, string? LineOwnerId);
}
