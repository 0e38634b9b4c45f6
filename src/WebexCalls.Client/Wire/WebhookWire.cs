using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace WebexCalls.Client.Wire
{
    // Webhooks' shapes (webex-webhooks.openapi.yml): Webhook, its list, the create and update bodies, the interest
    // registration, and a delivery's envelope (API notes 5.3: the webhook's fields plus data, the call).

    internal sealed class WebhookWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("targetUrl")] public string? TargetUrl { get; set; }
        [JsonPropertyName("resource")] public string? Resource { get; set; }
        [JsonPropertyName("event")] public string? Event { get; set; }
        [JsonPropertyName("filter")] public string? Filter { get; set; }
        // Webex echoes it; it is read only to tell whether there is one, and never kept.
        [JsonPropertyName("secret")] public string? Secret { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("created")] public string? Created { get; set; }
        [JsonPropertyName("ownedBy")] public string? OwnedBy { get; set; }
    }

    internal sealed class WebhookListWire
    {
        [JsonPropertyName("items")] public List<WebhookWire?>? Items { get; set; }
    }

    internal sealed class WebhookCreateWire
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("targetUrl")] public string TargetUrl { get; set; } = string.Empty;
        [JsonPropertyName("resource")] public string Resource { get; set; } = string.Empty;
        [JsonPropertyName("event")] public string Event { get; set; } = string.Empty;
        [JsonPropertyName("filter")] public string? Filter { get; set; }
        [JsonPropertyName("secret")] public string? Secret { get; set; }
        [JsonPropertyName("ownedBy")] public string? OwnedBy { get; set; }
    }

    internal sealed class WebhookUpdateWire
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("targetUrl")] public string TargetUrl { get; set; } = string.Empty;
        [JsonPropertyName("secret")] public string? Secret { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
    }

    internal sealed class InterestWire
    {
        [JsonPropertyName("resource")] public string? Resource { get; set; }
        [JsonPropertyName("actor")] public string? Actor { get; set; }
    }

    internal sealed class InterestRegistrationWire
    {
        [JsonPropertyName("interests")] public List<InterestWire?>? Interests { get; set; }
        [JsonPropertyName("expiresAt")] public string? ExpiresAt { get; set; }
        [JsonPropertyName("duration")] public int? Duration { get; set; }
    }

    internal sealed class CallEventWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("resource")] public string? Resource { get; set; }
        [JsonPropertyName("event")] public string? Event { get; set; }
        [JsonPropertyName("orgId")] public string? OrgId { get; set; }
        [JsonPropertyName("ownedBy")] public string? OwnedBy { get; set; }
        [JsonPropertyName("createdBy")] public string? CreatedBy { get; set; }
        [JsonPropertyName("actorId")] public string? ActorId { get; set; }
        [JsonPropertyName("data")] public CallWire? Data { get; set; }
    }
}
