using System;
using System.Text.Json;
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
        calls.MapGet("", (CallStore store) => Results.Json(new ItemsJson<CallJson>(store.List())));

        // Literal segments win over {callId}, so /history is never read as a call id.
        calls.MapGet("/history", (HttpContext context, CallStore store, string? type) =>
            type is null || Array.IndexOf(HistoryTypes, type) >= 0
                ? Results.Json(new ItemsJson<CallHistoryJson>(store.History(type)))
                : WebexErrors.Error(context, 400, "Invalid type: " + type, "type must be one of placed, missed, received"));

        calls.MapGet("/{callId}", (HttpContext context, CallStore store, string callId) =>
            store.Get(callId) is { } call ? Results.Json(call) : WebexErrors.CallNotFound(context));

        calls.MapPost("/dial", async (HttpContext context, CallStore store) =>
        {
            var (body, error) = await ReadBody(context);
            if (error != null)
            {
                return error;
            }

            var destination = StringField(body, "destination");
            if (string.IsNullOrWhiteSpace(destination))
            {
                return WebexErrors.Error(context, 400, "Missing required field: destination");
            }

            return Results.Json(store.Dial(destination), statusCode: StatusCodes.Status201Created);
        });

        MapCallAction(calls, "answer", (store, id) => store.Answer(id));
        MapCallAction(calls, "hold", (store, id) => store.Hold(id));
        MapCallAction(calls, "resume", (store, id) => store.Resume(id));
        MapCallAction(calls, "hangup", (store, id) => store.Hangup(id));

        // Anything else under /v1 is a Webex-shaped 404, as the real API answers an unknown path.
        app.MapFallback("/v1/{**rest}", (HttpContext context) =>
            WebexErrors.Error(context, 404, "The requested resource could not be found."));
    }

    private static void MapCallAction(RouteGroupBuilder calls, string action, Func<CallStore, string, ActionOutcome> perform)
    {
        calls.MapPost("/" + action, async (HttpContext context, CallStore store) =>
        {
            var (body, error) = await ReadBody(context);
            if (error != null)
            {
                return error;
            }

            var callId = StringField(body, "callId");
            if (string.IsNullOrWhiteSpace(callId))
            {
                return WebexErrors.Error(context, 400, "Missing required field: callId");
            }

            return perform(store, callId) switch
            {
                ActionOutcome.Done => Results.NoContent(),
                ActionOutcome.NotFound => WebexErrors.CallNotFound(context),
                _ => WebexErrors.WrongState(context, action),
            };
        });
    }

    private static async System.Threading.Tasks.Task<(JsonElement Body, IResult? Error)> ReadBody(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, WebexErrors.Error(context, 400, "The request body must be a JSON object."));
            }

            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, WebexErrors.Error(context, 400, "The request body is not valid JSON."));
        }
    }

    private static string? StringField(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
