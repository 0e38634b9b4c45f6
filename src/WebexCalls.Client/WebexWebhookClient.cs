using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client.Http;
using WebexCalls.Client.Wire;

namespace WebexCalls.Client
{
    /// <summary>What to create a webhook for: New-WebexCallWebhook's choices, checked before any request.</summary>
    public sealed class WebhookSpec
    {
        /// <summary>The webhook's name (required by Webex).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The absolute http(s) URL Webex will POST events to.</summary>
        public Uri? TargetUrl { get; set; }

        /// <summary>Calls (<c>telephony_calls</c>) or Conference (<c>telephony_conference</c>).</summary>
        public WebhookResource Resource { get; set; } = WebhookResource.Calls;

        /// <summary>All (the default), Created, Updated or Deleted.</summary>
        public WebhookEvent Event { get; set; } = WebhookEvent.All;

        /// <summary>Webex's filter text, such as <c>personId=...</c>; null for none.</summary>
        public string? Filter { get; set; }

        /// <summary>Sends <c>ownedBy: org</c>: an organisation-wide webhook (admin token).</summary>
        public bool OrgWide { get; set; }
    }

    /// <summary>
    /// Webex webhooks for call and conference events (<c>/webhooks</c>) and the organisation's webhook interest
    /// registration (<c>/telephony/webhookInterestRegistrations</c>), over the same connection and handlers as the calls.
    /// A webhook's secret goes out only in the body that sets it; Webex's echo of it is never kept, and request logs
    /// see it redacted. Every failure is a <see cref="WebexApiException"/>; a bad argument is an
    /// <see cref="ArgumentException"/> (or an <see cref="WebexErrorKind.InvalidId"/>), before any request. Made by
    /// <see cref="WebexCallsClient.Webhooks"/>.
    /// </summary>
    public sealed class WebexWebhookClient
    {
        /// <summary>Webhooks per page asked for (the spec's default and example).</summary>
        public const int PageSize = 100;

        /// <summary>The actor interests Webex knows, as it spells them.</summary>
        public static readonly IReadOnlyList<string> KnownActors = new[] { "Workspaces", "Virtual Lines" };

        /// <summary>The resource interests Webex knows, as it spells them.</summary>
        public static readonly IReadOnlyList<string> KnownResources = new[] { "Hook Status", "Agent", "Services", "Agent Monitoring", "Queue", "Queue Monitoring" };

        private const string InterestPath = "telephony/webhookInterestRegistrations";
        private readonly WebexRequestSender _sender;
        private readonly string? _connectionId;

        internal WebexWebhookClient(WebexRequestSender sender, string? connectionId)
        {
            _sender = sender;
            _connectionId = connectionId;
        }

        /// <summary>
        /// Lists the account's call and conference webhooks (<c>GET /webhooks</c>, paged by <c>Link</c>); webhooks for
        /// other resources (messages, meetings) are left out. <paramref name="orgWide"/> asks for <c>ownedBy=org</c> only.
        /// </summary>
        public Task ListAsync(bool orgWide, Action<IReadOnlyList<WebexWebhook>> onPage, CancellationToken cancellationToken) =>
            PageReader.ReadAsync(
                _sender, "webhooks", "webhooks?max=" + PageSize + (orgWide ? "&ownedBy=org" : string.Empty), WebexJsonContext.Wire.WebhookListWire,
                page => page.Items?.Count ?? -1,
                page => page.Items!.Where(item => item?.Id != null && WebexValues.WebhookResource(item.Resource) != WebhookResource.Unknown).Select(item => ToWebhook(item!)).ToList(),
                webhook => webhook.ConnectionId = _connectionId, PageSize, null, onPage, cancellationToken);

        /// <summary>Reads one webhook (<c>GET /webhooks/{id}</c>); an unknown id is <see cref="WebexErrorKind.NotFound"/>.</summary>
        public async Task<WebexWebhook> GetAsync(string id, CancellationToken cancellationToken)
        {
            var response = await _sender.SendAsync("webhook", HttpMethod.Get, WebhookPath(id, "GET"), null, cancellationToken).ConfigureAwait(false);
            return Stamp(ToWebhook(Read(response)));
        }

        /// <summary>
        /// Creates a webhook (<c>POST /webhooks</c>, answered 200) signed with <paramref name="secret"/>; the object
        /// returned says whether Webex kept a secret, never what it is.
        /// </summary>
        public async Task<WebexWebhook> CreateAsync(WebhookSpec spec, string? secret, CancellationToken cancellationToken)
        {
            var body = new WebhookCreateWire
            {
                Name = RequireName(spec?.Name),
                TargetUrl = RequireTarget(spec!.TargetUrl),
                Resource = WebexValues.WebhookResourceText(spec.Resource) ?? throw new ArgumentException("A webhook here is for Calls or Conference.", nameof(spec)),
                Event = spec.Event == WebhookEvent.Unknown ? throw new ArgumentException("Choose All, Created, Updated or Deleted.", nameof(spec)) : spec.Event.ToString().ToLowerInvariant(),
                Filter = string.IsNullOrWhiteSpace(spec.Filter) ? null : spec.Filter,
                Secret = string.IsNullOrEmpty(secret) ? null : secret,
                OwnedBy = spec.OrgWide ? "org" : null,
            };
            var response = await _sender.SendAsync("webhooks", HttpMethod.Post, "webhooks", JsonSerializer.SerializeToUtf8Bytes(body, WebexJsonContext.Wire.WebhookCreateWire), cancellationToken).ConfigureAwait(false);
            return Stamp(ToWebhook(Read(response)));
        }

        /// <summary>
        /// Updates a webhook (<c>PUT /webhooks/{id}</c>): its name, target, secret, or, with <paramref name="activate"/>,
        /// reactivates one Webex switched off. Webex requires the name and target on every PUT: any not given are read
        /// from the webhook first. Resource, event and filter cannot change (remove and create).
        /// </summary>
        public async Task<WebexWebhook> UpdateAsync(string id, string? name, Uri? targetUrl, string? secret, bool activate, CancellationToken cancellationToken)
        {
            var path = WebhookPath(id, "PUT");
            if (name != null)
            {
                RequireName(name);
            }

            var target = targetUrl is null ? null : RequireTarget(targetUrl);
            if (name is null || target is null)
            {
                var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
                name ??= current.Name ?? string.Empty;
                target ??= current.TargetUrl ?? string.Empty;
            }

            var body = new WebhookUpdateWire { Name = name, TargetUrl = target, Secret = string.IsNullOrEmpty(secret) ? null : secret, Status = activate ? "active" : null };
            var response = await _sender.SendAsync("webhook", HttpMethod.Put, path, JsonSerializer.SerializeToUtf8Bytes(body, WebexJsonContext.Wire.WebhookUpdateWire), cancellationToken).ConfigureAwait(false);
            return Stamp(ToWebhook(Read(response)));
        }

        /// <summary>Deletes a webhook (<c>DELETE /webhooks/{id}</c>, answered 204).</summary>
        public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
            _sender.SendAsync("webhook", HttpMethod.Delete, WebhookPath(id, "DELETE"), null, cancellationToken);

        /// <summary>
        /// Reads the organisation's interest registration for this token's user and app; null when there is none (Webex
        /// answers 404, or a registration without interests).
        /// </summary>
        public async Task<WebexEventInterest?> GetInterestsAsync(CancellationToken cancellationToken)
        {
            WebexResponse response;
            try
            {
                response = await _sender.SendAsync("webhookInterestRegistrations", HttpMethod.Get, InterestPath, null, cancellationToken).ConfigureAwait(false);
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound)
            {
                return null;
            }

            var wire = WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.InterestRegistrationWire);
            var interests = (wire.Interests ?? new List<InterestWire?>()).Where(item => item != null).ToList();
            if (interests.Count == 0)
            {
                return null;
            }

            return new WebexEventInterest
            {
                Actors = interests.Where(item => !string.IsNullOrEmpty(item!.Actor)).Select(item => item!.Actor!).ToArray(),
                Resources = interests.Where(item => !string.IsNullOrEmpty(item!.Resource)).Select(item => item!.Resource!).ToArray(),
                ExpiresAt = WebexValues.Time(wire.ExpiresAt),
                ConnectionId = _connectionId,
            };
        }

        /// <summary>
        /// Writes the whole registration (<c>POST</c>, answered 204): Webex's POST replaces what was there, so callers
        /// that add merge first. <paramref name="durationDays"/> (1 or more) sets when it expires; Webex's default is 60 days.
        /// </summary>
        public Task SetInterestsAsync(IEnumerable<string> actors, IEnumerable<string> resources, int? durationDays, CancellationToken cancellationToken)
        {
            var interests = (actors ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).Select(actor => new InterestWire { Actor = actor })
                .Concat((resources ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).Select(resource => new InterestWire { Resource = resource }))
                .ToList<InterestWire?>();
            if (interests.Count == 0)
            {
                throw new ArgumentException("A registration needs at least one interest; to remove them all, delete it.", nameof(actors));
            }

            if (durationDays < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(durationDays), durationDays, "The duration is in days, at least 1.");
            }

            var body = new InterestRegistrationWire { Interests = interests, Duration = durationDays };
            return _sender.SendAsync("webhookInterestRegistrations", HttpMethod.Post, InterestPath, JsonSerializer.SerializeToUtf8Bytes(body, WebexJsonContext.Wire.InterestRegistrationWire), cancellationToken);
        }

        /// <summary>Deletes the whole registration (<c>DELETE</c>, answered 204).</summary>
        public Task DeleteInterestsAsync(CancellationToken cancellationToken) =>
            _sender.SendAsync("webhookInterestRegistrations", HttpMethod.Delete, InterestPath, null, cancellationToken);

        private static string WebhookPath(string id, string method) => "webhooks/" + Routes.Escape("webhookId", id, method, "/webhooks/{webhookId}");

        private static string RequireName(string? name) =>
            string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A webhook needs a name.", nameof(name)) : name!;

        private static string RequireTarget(Uri? target)
        {
            if (target is null || !target.IsAbsoluteUri || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException("The target must be an absolute http or https URL that Webex can reach, such as https://example.com/webex; '" + target + "' is not.");
            }

            return target.AbsoluteUri;
        }

        private static WebhookWire Read(WebexResponse response) => WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.WebhookWire);

        private WebexWebhook Stamp(WebexWebhook webhook)
        {
            webhook.ConnectionId = _connectionId;
            return webhook;
        }

        private static WebexWebhook ToWebhook(WebhookWire wire) => new WebexWebhook
        {
            Id = wire.Id ?? string.Empty,
            Name = wire.Name,
            TargetUrl = wire.TargetUrl,
            Resource = WebexValues.WebhookResource(wire.Resource),
            RawResource = wire.Resource,
            Event = WebexValues.WebhookEvent(wire.Event),
            RawEvent = wire.Event,
            Filter = wire.Filter,
            Status = WebexValues.WebhookStatus(wire.Status),
            RawStatus = wire.Status,
            Created = WebexValues.Time(wire.Created),
            OwnedBy = wire.OwnedBy,
            HasSecret = !string.IsNullOrEmpty(wire.Secret),
        };
    }
}
