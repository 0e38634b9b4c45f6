using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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

        // The success status of each operation is the spec's: 201 for those that start a call, 200 for park, else 204.
        MapCommand(calls, "dial", StatusCodes.Status201Created, (store, command) => store.Dial(command));
        MapCommand(calls, "answer", StatusCodes.Status204NoContent, (store, command) => store.Answer(command));
        MapCommand(calls, "reject", StatusCodes.Status204NoContent, (store, command) => store.Reject(command));
        MapCommand(calls, "hangup", StatusCodes.Status204NoContent, (store, command) => store.Hangup(command));
        MapCommand(calls, "hold", StatusCodes.Status204NoContent, (store, command) => store.Hold(command));
        MapCommand(calls, "resume", StatusCodes.Status204NoContent, (store, command) => store.Resume(command));
        MapCommand(calls, "mute", StatusCodes.Status204NoContent, (store, command) => store.Mute(command, muted: true));
        MapCommand(calls, "unmute", StatusCodes.Status204NoContent, (store, command) => store.Mute(command, muted: false));
        MapCommand(calls, "divert", StatusCodes.Status204NoContent, (store, command) => store.Divert(command));
        // Attended and automatic transfers answer 204; a mute transfer answers 201 with the new call (a body).
        MapCommand(calls, "transfer", StatusCodes.Status204NoContent, (store, command) => store.Transfer(command));
        MapCommand(calls, "park", StatusCodes.Status200OK, (store, command) => store.Park(command));
        MapCommand(calls, "retrieve", StatusCodes.Status201Created, (store, command) => store.Retrieve(command));
        foreach (var operation in new[] { "startRecording", "stopRecording", "pauseRecording", "resumeRecording" })
        {
            MapCommand(calls, operation, StatusCodes.Status204NoContent, (store, command) => store.Record(command, operation));
        }

        MapCommand(calls, "transmitDtmf", StatusCodes.Status204NoContent, (store, command) => store.TransmitDtmf(command));
        MapCommand(calls, "push", StatusCodes.Status204NoContent, (store, command) => store.Push(command));
        MapCommand(calls, "pickup", StatusCodes.Status201Created, (store, command) => store.Pickup(command));
        MapCommand(calls, "bargeIn", StatusCodes.Status201Created, (store, command) => store.BargeIn(command));
        MapCommand(calls, "pull", StatusCodes.Status201Created, (store, command) => store.Pull(command));

        // Anything else under /v1 is a Webex-shaped 404, as the real API answers an unknown path.
        app.MapFallback("/v1/{**rest}", (HttpContext context) =>
            WebexErrors.Error(context, 404, "The requested resource could not be found."));
    }

    private static void MapCommand(RouteGroupBuilder calls, string operation, int successStatus, Func<CallStore, CallCommand, StoreResult> perform)
    {
        calls.MapPost("/" + operation, async (HttpContext context, CallStore store) =>
        {
            var (command, error) = await ReadCommand(context);
            if (error != null)
            {
                return error;
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

    private static string? StringField(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool BoolField(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
