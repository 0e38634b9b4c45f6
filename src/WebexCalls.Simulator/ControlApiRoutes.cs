using System;
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

    public sealed record IncomingCallRequest(string? Number, string? Name, string? CallType);

    public sealed record TokenRequest(string? Token, string[]? Scopes);

    public sealed record DelaysRequest(int AlertingDelayMs, int ConnectingDelayMs);

    public static void Map(WebApplication app)
    {
        var control = app.MapGroup(Prefix);

        control.MapPost("/reset", (CallStore store, RequestLog log, FaultInjector faults, TokenRegistry tokens) =>
        {
            store.Reset();
            log.Clear();
            faults.Clear();
            tokens.Clear();
            return Results.NoContent();
        });

        control.MapPost("/calls/incoming", (IncomingCallRequest request, CallStore store) =>
            string.IsNullOrWhiteSpace(request.Number)
                ? Results.BadRequest(new { message = "number is required" })
                : Results.Json(store.AddIncoming(request.Number, request.Name, request.CallType), statusCode: StatusCodes.Status201Created));

        control.MapPut("/delays", (DelaysRequest request, CallStore store) =>
        {
            store.SetDelays(request.AlertingDelayMs, request.ConnectingDelayMs);
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
            faults.Add(fault);
            return Results.NoContent();
        });

        control.MapPost("/tokens", (TokenRequest request, TokenRegistry tokens) =>
        {
            if (string.IsNullOrEmpty(request.Token))
            {
                return Results.BadRequest(new { message = "token is required" });
            }

            tokens.Register(request.Token, request.Scopes ?? Array.Empty<string>());
            return Results.NoContent();
        });
    }
}
