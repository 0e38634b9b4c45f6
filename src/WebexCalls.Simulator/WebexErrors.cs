using Microsoft.AspNetCore.Http;

namespace WebexCalls.Simulator;

/// <summary>Webex-shaped error responses: <c>{ message, errors: [{ description }], trackingId }</c>.</summary>
internal static class WebexErrors
{
    public const string TrackingIdItem = "webex.trackingId";

    public static IResult Error(HttpContext context, int status, string message, string? description = null) =>
        Results.Json(
            new ErrorJson(message, [new ErrorDetailJson(description ?? message)], TrackingId(context)),
            statusCode: status);

    public static IResult CallNotFound(HttpContext context) => Error(context, StatusCodes.Status404NotFound, "Call not found");

    public static IResult WrongState(HttpContext context, string action, string? reason = null) =>
        Error(context, StatusCodes.Status409Conflict, "The call's state does not allow " + action + ".", reason ?? "Invalid call state for " + action);

    public static string TrackingId(HttpContext context) => context.Items[TrackingIdItem] as string ?? string.Empty;
}
