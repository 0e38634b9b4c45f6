using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WebexCalls.Simulator;

/// <summary>
/// <c>/v1/webhooks</c> and <c>/v1/telephony/webhookInterestRegistrations</c> as Cisco's spec has them
/// (webex-webhooks.openapi.yml): create answers 200 with the webhook, the list is paged by a <c>Link</c> header, PUT
/// changes only name, targetUrl, secret and status (and status only to <c>active</c>), DELETE answers 204; every
/// webhook answer echoes the secret, as the spec's examples do.
/// </summary>
/// <remarks>
/// Assumptions where the spec is silent: <c>event: all</c> is accepted (Webex does); <c>ownedBy: org</c> makes an
/// organisation webhook (every member's calls) and needs the admin read scope when tokens are registered; a resource
/// the spec does not list, or a targetUrl that is not an absolute http(s) URL, is a 400; GET of the registration when
/// there is none answers 404.
/// </remarks>
public static class WebhookApiRoutes
{
    private static readonly string[] Resources =
    [
        "attachmentActions", "dataSources", "memberships", "messages", "rooms", "meetings", "recordings", "convergedRecordings", "meetingParticipants",
        "meetingTranscripts", "telephony_calls", "telephony_conference", "telephony_mwi", "uc_counters", "serviceApp", "adminBatchJobs",
    ];

    private static readonly string[] Events = ["created", "updated", "deleted", "started", "ended", "joined", "left", "migrated", "authorized", "deauthorized", "statusChanged", "all"];

    private static readonly string[] Actors = ["Workspaces", "Virtual Lines"];

    private static readonly string[] InterestResources = ["Hook Status", "Agent", "Services", "Agent Monitoring", "Queue", "Queue Monitoring"];

    public static void Map(WebApplication app)
    {
        app.MapGet("/v1/webhooks", (HttpContext context, WebhookHub hub) =>
        {
            var query = context.Request.Query;
            var max = int.TryParse(query["max"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 100;
            var start = int.TryParse(query["cursor"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
            var all = hub.List().Where(hook => query["ownedBy"] != "org" || hook.OwnedBy == "org").ToList();
            if (start + max < all.Count)
            {
                var next = context.Request.Scheme + "://" + context.Request.Host + context.Request.Path + "?max=" + max + "&cursor=" + (start + max)
                    + (query["ownedBy"] == "org" ? "&ownedBy=org" : string.Empty);
                context.Response.Headers.Append("Link", "<" + next + ">; rel=\"next\"");
            }

            return Results.Json(new JsonObject { ["items"] = new JsonArray(all.Skip(start).Take(max).Select(hook => (JsonNode)hook.ToJson()).ToArray()) });
        });

        app.MapPost("/v1/webhooks", (HttpContext context, JsonObject? body, WebhookHub hub, TokenRegistry tokens) =>
        {
            var name = Text(body, "name");
            var target = Text(body, "targetUrl");
            var resource = Text(body, "resource");
            var @event = Text(body, "event");
            if (name is null || target is null || resource is null || @event is null)
            {
                return WebexErrors.Error(context, 400, "name, targetUrl, resource and event are required.");
            }

            if (!Resources.Contains(resource) || !Events.Contains(@event))
            {
                return WebexErrors.Error(context, 400, "Invalid resource or event: '" + resource + "', '" + @event + "'.");
            }

            if (!IsTarget(target))
            {
                return WebexErrors.Error(context, 400, "targetUrl must be an absolute http or https URL.");
            }

            var ownedBy = Text(body, "ownedBy");
            if (ownedBy != null && ownedBy != "org")
            {
                return WebexErrors.Error(context, 400, "ownedBy can only be 'org'.");
            }

            if (ownedBy == "org" && tokens.HasScope(Bearer(context), TokenRegistry.AdminReadScope) == false)
            {
                return WebexErrors.Error(context, 403, "An organisation webhook needs an administrator's token.", "Missing scope " + TokenRegistry.AdminReadScope);
            }

            var hook = hub.Add(name, target, resource, @event, Text(body, "filter"), Text(body, "secret"), ownedBy);
            return Results.Json(hook.ToJson());
        });

        app.MapGet("/v1/webhooks/{webhookId}", (HttpContext context, string webhookId, WebhookHub hub) =>
            hub.Get(webhookId) is { } hook ? Results.Json(hook.ToJson()) : NotFound(context));

        app.MapPut("/v1/webhooks/{webhookId}", (HttpContext context, string webhookId, JsonObject? body, WebhookHub hub) =>
        {
            if (hub.Get(webhookId) is not { } hook)
            {
                return NotFound(context);
            }

            var name = Text(body, "name");
            var target = Text(body, "targetUrl");
            if (name is null || target is null)
            {
                return WebexErrors.Error(context, 400, "name and targetUrl are required.");
            }

            var status = Text(body, "status");
            if (status != null && status != "active")
            {
                return WebexErrors.Error(context, 400, "status can only be 'active': a webhook cannot be deactivated.");
            }

            if (!IsTarget(target))
            {
                return WebexErrors.Error(context, 400, "targetUrl must be an absolute http or https URL.");
            }

            hook.Name = name;
            hook.TargetUrl = target;
            if (Text(body, "secret") is { } secret)
            {
                hook.Secret = secret;
            }

            if (status == "active")
            {
                hook.Status = "active";
                hook.ConsecutiveFailures = 0;
            }

            return Results.Json(hook.ToJson());
        });

        app.MapDelete("/v1/webhooks/{webhookId}", (HttpContext context, string webhookId, WebhookHub hub) =>
            hub.Remove(webhookId) ? Results.NoContent() : NotFound(context));

        app.MapPost("/v1/telephony/webhookInterestRegistrations", (HttpContext context, JsonObject? body, WebhookHub hub) =>
        {
            var interests = new List<string>();
            foreach (var item in body?["interests"] as JsonArray ?? new JsonArray())
            {
                var actor = Text(item as JsonObject, "actor");
                var resource = Text(item as JsonObject, "resource");
                if ((actor is null) == (resource is null) || (actor != null && !Actors.Contains(actor)) || (resource != null && !InterestResources.Contains(resource)))
                {
                    return WebexErrors.Error(context, 400, "Each interest sets exactly one of a known 'actor' or 'resource'.");
                }

                interests.Add(actor != null ? "actor:" + actor : "resource:" + resource);
            }

            if (interests.Count == 0)
            {
                return WebexErrors.Error(context, 400, "At least one interest is required.");
            }

            int? duration = body?["duration"] is JsonValue value && value.TryGetValue<int>(out var days) ? days : null;
            if (duration < 1)
            {
                return WebexErrors.Error(context, 400, "duration must be at least 1 day.");
            }

            hub.SetInterests(interests, duration);
            return Results.NoContent();
        });

        app.MapGet("/v1/telephony/webhookInterestRegistrations", (HttpContext context, WebhookHub hub) =>
        {
            if (hub.Interests() is not { } registration)
            {
                return WebexErrors.Error(context, 404, "No webhook interest registration exists.");
            }

            var items = registration.Interests.Select(interest => (JsonNode)new JsonObject
            {
                [interest.StartsWith("actor:", StringComparison.Ordinal) ? "actor" : "resource"] = interest[(interest.IndexOf(':') + 1)..],
            }).ToArray();
            return Results.Json(new JsonObject { ["interests"] = new JsonArray(items), ["expiresAt"] = CallStore.Timestamp(registration.ExpiresAt) });
        });

        app.MapDelete("/v1/telephony/webhookInterestRegistrations", (WebhookHub hub) =>
        {
            hub.ClearInterests();
            return Results.NoContent();
        });
    }

    private static IResult NotFound(HttpContext context) => WebexErrors.Error(context, 404, "The requested resource could not be found.", "Webhook not found");

    private static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool IsTarget(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Bearer(HttpContext context) => context.Request.Headers.Authorization.ToString() is { Length: > 7 } header ? header[7..].Trim() : string.Empty;
}
