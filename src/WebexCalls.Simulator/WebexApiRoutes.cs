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

/// <summary>The simulated Webex endpoints under /v1/telephony/calls, with the spec's status codes and bodies.</summary>
internal static class WebexApiRoutes
{
    private static readonly string[] HistoryTypes = ["placed", "missed", "received"];

    public static void Map(WebApplication app)
    {
        var calls = app.MapGroup("/v1/telephony/calls");

        // ASP.NET routing also matches ".../calls/" with the trailing slash that the Postman collection sends.
        calls.MapGet("", (CallStore store, string? lineOwnerId) => Results.Json(new ItemsJson<CallJson>(store.List(lineOwnerId))));

        // Literal segments win over {callId}, so /history is never read as a call id.
        calls.MapGet("/history", (HttpContext context, CallStore store, string? type) =>
            type is null || Array.IndexOf(HistoryTypes, type) >= 0
                ? Results.Json(new ItemsJson<CallHistoryJson>(store.History(type)))
                : WebexErrors.Error(context, 400, "Invalid type: " + type, "type must be one of placed, missed, received"));

        calls.MapGet("/{callId}", (HttpContext context, CallStore store, string callId, string? lineOwnerId) =>
            store.Get(callId, lineOwnerId) is { } call ? Results.Json(call) : WebexErrors.CallNotFound(context));

        MapCommands(calls, context => (context.RequestServices.GetRequiredService<CallStore>(), null));

        // Admin mode: the same operations for a member of the organisation, with orgId checked. Bodies are the user
        // level's without lineOwnerId (the member names the line); one that comes is ignored, as an unknown field.
        var members = app.MapGroup("/v1/telephony/calls/members/{memberId}");
        members.MapGet("/calls", (HttpContext context) =>
            Member(context) is (null, var error) ? error! : Results.Json(new ItemsJson<CallJson>(Member(context).Store!.List())));
        members.MapGet("/calls/{callId}", (HttpContext context, string callId) =>
            Member(context) is (null, var error) ? error!
            : Member(context).Store!.Get(callId) is { } call ? Results.Json(call) : WebexErrors.CallNotFound(context));
        MapCommands(members, context => Member(context) is (var store, var error) && store != null ? (store, null) : (null, error));
        members.MapPost("/wrapupreasons", async (HttpContext context, Organization organization) =>
        {
            if (Member(context) is (null, var error))
            {
                return error!;
            }

            var reasons = await ReadWrapUpReasons(context);
            if (reasons is null or { Count: 0 })
            {
                return WebexErrors.Error(context, 400, "Missing required field: wrapupReasons");
            }

            return organization.SetWrapUp((string)context.GetRouteValue("memberId")!, reasons)
                ? Results.NoContent()
                : WebexErrors.Error(context, 404, "The member has no completed call to apply wrap-up reasons to.");
        });

        // The OAuth token endpoint, refresh grant only (form-encoded, as Webex takes it).
        app.MapPost("/v1/access_token", async (HttpContext context, TokenRegistry tokens) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return WebexErrors.Error(context, 415, "The token request must be application/x-www-form-urlencoded.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form["grant_type"] != "refresh_token")
            {
                return WebexErrors.Error(context, 400, "Unsupported grant_type: only refresh_token is simulated.");
            }

            var grant = tokens.Refresh(form["client_id"].ToString(), form["client_secret"].ToString(), form["refresh_token"].ToString());
            return grant.Status != 200
                ? WebexErrors.Error(context, grant.Status, grant.Error!)
                : Results.Json(new Dictionary<string, object?>
                {
                    ["access_token"] = grant.AccessToken,
                    ["expires_in"] = grant.ExpiresIn,
                    ["refresh_token"] = grant.RefreshToken,
                    ["refresh_token_expires_in"] = 7_776_000,
                    ["token_type"] = "Bearer",
                    ["scope"] = grant.Scope,
                });
        });

        // Anything else under /v1 is a Webex-shaped 404, as the real API answers an unknown path.
        app.MapFallback("/v1/{**rest}", (HttpContext context) =>
            WebexErrors.Error(context, 404, "The requested resource could not be found."));
    }

    /// <summary>Maps every call-control POST onto <paramref name="group"/>, acting on the store <paramref name="resolve"/> picks.</summary>
    private static void MapCommands(RouteGroupBuilder group, Func<HttpContext, (CallStore? Store, IResult? Error)> resolve)
    {
        // The success status of each operation is the spec's: 201 for those that start a call, 200 for park, else 204.
        MapCommand(group, resolve, "dial", StatusCodes.Status201Created, (store, command) => store.Dial(command));
        MapCommand(group, resolve, "answer", StatusCodes.Status204NoContent, (store, command) => store.Answer(command));
        MapCommand(group, resolve, "reject", StatusCodes.Status204NoContent, (store, command) => store.Reject(command));
        MapCommand(group, resolve, "hangup", StatusCodes.Status204NoContent, (store, command) => store.Hangup(command));
        MapCommand(group, resolve, "hold", StatusCodes.Status204NoContent, (store, command) => store.Hold(command));
        MapCommand(group, resolve, "resume", StatusCodes.Status204NoContent, (store, command) => store.Resume(command));
        MapCommand(group, resolve, "mute", StatusCodes.Status204NoContent, (store, command) => store.Mute(command, muted: true));
        MapCommand(group, resolve, "unmute", StatusCodes.Status204NoContent, (store, command) => store.Mute(command, muted: false));
        MapCommand(group, resolve, "divert", StatusCodes.Status204NoContent, (store, command) => store.Divert(command));
        // Attended and automatic transfers answer 204; a mute transfer answers 201 with the new call (a body).
        MapCommand(group, resolve, "transfer", StatusCodes.Status204NoContent, (store, command) => store.Transfer(command));
        MapCommand(group, resolve, "park", StatusCodes.Status200OK, (store, command) => store.Park(command));
        MapCommand(group, resolve, "retrieve", StatusCodes.Status201Created, (store, command) => store.Retrieve(command));
        foreach (var operation in new[] { "startRecording", "stopRecording", "pauseRecording", "resumeRecording" })
        {
            MapCommand(group, resolve, operation, StatusCodes.Status204NoContent, (store, command) => store.Record(command, operation));
        }

        MapCommand(group, resolve, "transmitDtmf", StatusCodes.Status204NoContent, (store, command) => store.TransmitDtmf(command));
        MapCommand(group, resolve, "push", StatusCodes.Status204NoContent, (store, command) => store.Push(command));
        MapCommand(group, resolve, "pickup", StatusCodes.Status201Created, (store, command) => store.Pickup(command));
        MapCommand(group, resolve, "bargeIn", StatusCodes.Status201Created, (store, command) => store.BargeIn(command));
        MapCommand(group, resolve, "pull", StatusCodes.Status201Created, (store, command) => store.Pull(command));
    }

    private static void MapCommand(
        RouteGroupBuilder group, Func<HttpContext, (CallStore? Store, IResult? Error)> resolve, string operation, int successStatus,
        Func<CallStore, CallCommand, StoreResult> perform)
    {
        group.MapPost("/" + operation, async (HttpContext context) =>
        {
            var (store, refused) = resolve(context);
            if (store is null)
            {
                return refused!;
            }

            var (command, error) = await ReadCommand(context);
            if (error != null)
            {
                return error;
            }

            if (context.GetRouteValue("memberId") is not null)
            {
                command = command! with { LineOwnerId = null };
            }

            var result = perform(store, command!);
            return result.Outcome switch
            {
                ActionOutcome.Done when result.Body is null => Results.NoContent(),
                ActionOutcome.Done when successStatus == StatusCodes.Status204NoContent => Results.Json(result.Body, statusCode: StatusCodes.Status201Created),
                ActionOutcome.Done => Results.Json(result.Body, statusCode: successStatus),
                ActionOutcome.NotFound => WebexErrors.Error(context, StatusCodes.Status404NotFound, result.Message ?? "Call not found"),
                ActionOutcome.Invalid => WebexErrors.Error(context, StatusCodes.Status400BadRequest, result.Message ?? "Bad request"),
                _ => WebexErrors.WrongState(context, operation, result.Message),
            };
        });
    }

    /// <summary>
    /// Reads a POST body into a command. An empty body counts as {}: the Postman collection sends none for an
    /// automatic transfer, and the spec requires no field for several operations.
    /// </summary>
    private static async Task<(CallCommand? Command, IResult? Error)> ReadCommand(HttpContext context)
    {
        using var reader = new System.IO.StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new CallCommand(), null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return (null, WebexErrors.Error(context, 400, "The request body must be a JSON object."));
            }

            return (new CallCommand(
                CallId: StringField(body, "callId"),
                CallId1: StringField(body, "callId1"),
                CallId2: StringField(body, "callId2"),
                Destination: StringField(body, "destination"),
                Target: StringField(body, "target"),
                Action: StringField(body, "action"),
                ToVoicemail: BoolField(body, "toVoicemail"),
                IsGroupPark: BoolField(body, "isGroupPark"),
                Dtmf: StringField(body, "dtmf"),
                EndpointId: StringField(body, "endpointId"),
                SingleNumberReachPhoneNumber: StringField(body, "singleNumberReachPhoneNumber"),
                LineOwnerId: StringField(body, "lineOwnerId")), null);
        }
        catch (JsonException)
        {
            return (null, WebexErrors.Error(context, 400, "The request body is not valid JSON."));
        }
    }

    /// <summary>The member a members route names, after checking orgId: 403 for a foreign organisation, 404 for an unknown member.</summary>
    internal static (CallStore? Store, IResult? Error) Member(HttpContext context)
    {
        var orgId = context.Request.Query["orgId"].ToString();
        if (orgId.Length > 0 && orgId != Organization.Id)
        {
            return (null, WebexErrors.Error(context, 403, "The organization " + orgId + " is not managed by this token's organization."));
        }

        var memberId = (string)context.GetRouteValue("memberId")!;
        var store = context.RequestServices.GetRequiredService<Organization>().CallsOf(memberId);
        return store is null ? (null, WebexErrors.Error(context, 404, "Member not found: " + memberId)) : (store, null);
    }

    private static async Task<IReadOnlyList<string>?> ReadWrapUpReasons(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("wrapupReasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array
                ? reasons.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringField(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool BoolField(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
