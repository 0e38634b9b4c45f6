using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client.Http;
using WebexCalls.Client.Wire;

namespace WebexCalls.Client
{
    /// <summary>
    /// Conference Controls (<c>/telephony/conference</c>) for the user, a secondary line's owner or a member, over the
    /// same connection and handlers as the calls: every request is a row of <see cref="ConferenceOperations"/>. The
    /// supervisor modes exist only for members and the token's own user (<c>members/me</c>). Every failure is a
    /// <see cref="WebexApiException"/>; a bad argument is an <see cref="ArgumentException"/> (or an
    /// <see cref="WebexErrorKind.InvalidId"/> for an id), before any request. Made by <see cref="WebexCallsClient.Conference"/>.
    /// </summary>
    public sealed class WebexConferenceClient
    {
        private readonly WebexRequestSender _sender;
        private readonly string? _connectionId;

        internal WebexConferenceClient(WebexRequestSender sender, string? connectionId)
        {
            _sender = sender;
            _connectionId = connectionId;
        }

        /// <summary>Starts a conference of <paramref name="callIds"/> (at least two distinct calls of the owner).</summary>
        public Task StartAsync(IEnumerable<string> callIds, CallScope? scope, CancellationToken cancellationToken)
        {
            var ids = (callIds ?? throw new ArgumentNullException(nameof(callIds))).Where(id => id != null).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count < 2)
            {
                throw new ArgumentException("A conference starts from at least two calls; " + (ids.Count == 0 ? "none was" : "only one was") + " given.", nameof(callIds));
            }

            foreach (var id in ids)
            {
                Routes.RequireId("callId", id, "POST", ConferenceOperations.Start.UserPath!);
            }

            return SendAsync(ConferenceOperations.Start, scope, new ConferenceCommandWire { CallIds = ids }, null, cancellationToken);
        }

        /// <summary>Reads the owner's conference; null when there is none (Webex answers <c>{}</c>).</summary>
        public async Task<WebexConference?> GetAsync(CallScope? scope, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;
            var response = await _sender.SendAsync(ConferenceOperations.Details, scope, Routes.Command(scope, ConferenceOperations.Details), null, null, cancellationToken).ConfigureAwait(false);
            var details = WebexRequestSender.Deserialize(response, WebexJsonContext.Wire.ConferenceDetailsWire);
            if (details.State is null && details.Participants is null && details.Created is null)
            {
                return null;
            }

            return new WebexConference
            {
                State = WebexValues.ConferenceState(details.State),
                RawState = details.State,
                Appearance = details.Appearance is double appearance ? (int)Math.Round(appearance) : (int?)null,
                Created = WebexValues.Time(details.Created),
                Muted = details.Muted ?? false,
                Type = WebexValues.ConferenceType(details.Type),
                RawType = details.Type,
                Participants = (details.Participants ?? new List<ConferenceParticipantWire?>())
                    .Where(participant => participant?.CallId != null)
                    .Select(participant => new ConferenceParticipant { CallId = participant!.CallId!, Muted = participant.Muted ?? false, Deafened = participant.Deafened ?? false })
                    .ToList(),
                MemberId = scope.MemberId,
                OrgId = scope.OrgId,
                LineOwnerId = scope.IsMember ? null : scope.LineOwnerId,
                ConnectionId = _connectionId,
                RetrievedAt = DateTimeOffset.UtcNow,
            };
        }

        /// <summary>Releases the conference: every participant's call ends.</summary>
        public Task ReleaseAsync(CallScope? scope, CancellationToken cancellationToken) => SendAsync(ConferenceOperations.Release, scope, null, null, cancellationToken);

        /// <summary>Adds one of the owner's calls to the conference.</summary>
        public Task AddParticipantAsync(string callId, CallScope? scope, CancellationToken cancellationToken)
        {
            Routes.RequireId("callId", callId, "POST", ConferenceOperations.AddParticipant.UserPath!);
            return SendAsync(ConferenceOperations.AddParticipant, scope, new ConferenceCommandWire { CallId = callId }, callId, cancellationToken);
        }

        /// <summary>Mutes (or unmutes) the participant on <paramref name="callId"/>, or the host when it is null.</summary>
        public Task MuteAsync(string? callId, bool mute, CallScope? scope, CancellationToken cancellationToken)
        {
            Routes.RequireIdIfGiven("callId", callId, "POST", ConferenceOperations.Mute.UserPath!);
            var body = callId is null ? null : new ConferenceCommandWire { CallId = callId };
            return SendAsync(mute ? ConferenceOperations.Mute : ConferenceOperations.Unmute, scope, body, callId, cancellationToken);
        }

        /// <summary>Deafens (or undeafens) the participant on <paramref name="callId"/>.</summary>
        public Task DeafenAsync(string callId, bool deafen, CallScope? scope, CancellationToken cancellationToken)
        {
            Routes.RequireId("callId", callId, "POST", ConferenceOperations.Deafen.UserPath!);
            return SendAsync(deafen ? ConferenceOperations.Deafen : ConferenceOperations.Undeafen, scope, new ConferenceCommandWire { CallId = callId }, callId, cancellationToken);
        }

        /// <summary>The host leaves the conference (hold), or rejoins it (<paramref name="resume"/>).</summary>
        public Task HoldAsync(bool resume, CallScope? scope, CancellationToken cancellationToken) =>
            SendAsync(resume ? ConferenceOperations.Resume : ConferenceOperations.Hold, scope, null, null, cancellationToken);

        /// <summary>Switches a supervisor mode; for the user's own, through <c>members/me</c>.</summary>
        public Task SetModeAsync(ConferenceMode mode, CallScope? scope, CancellationToken cancellationToken)
        {
            var operation = mode switch
            {
                ConferenceMode.BargeIn => ConferenceOperations.BargeIn,
                ConferenceMode.SilentMonitor => ConferenceOperations.SilentMonitor,
                ConferenceMode.Coach => ConferenceOperations.SupervisorCoach,
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a supervisor mode."),
            };
            if (scope?.LineOwnerId != null && !scope.IsMember)
            {
                throw new ArgumentException("The supervisor modes take no line owner: they act for a member, or for the token's own user.", nameof(scope));
            }

            return SendAsync(operation, scope, null, null, cancellationToken);
        }

        private Task SendAsync(CallOperation operation, CallScope? scope, ConferenceCommandWire? body, string? callId, CancellationToken cancellationToken)
        {
            scope ??= CallScope.User;
            if (body != null && operation.LineOwner == LineOwnerPlacement.Body && !scope.IsMember)
            {
                // A member's route names the line; the user's takes lineOwnerId in the body where the row says so.
                Routes.RequireIdIfGiven("lineOwnerId", scope.LineOwnerId, "POST", (operation.UserPath ?? operation.MePath)!);
                body.LineOwnerId = scope.LineOwnerId;
            }

            var bytes = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, WebexJsonContext.Wire.ConferenceCommandWire);
            return _sender.SendAsync(operation, scope, Routes.Command(scope, operation), callId, bytes, cancellationToken);
        }
    }
}
