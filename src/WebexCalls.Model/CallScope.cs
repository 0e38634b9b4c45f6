using System;

namespace WebexCalls
{
    /// <summary>
    /// Whose calls a request is about, which decides its route: the token's own user (optionally on a secondary line,
    /// <c>lineOwnerId</c>), or, in admin mode, a member of an organisation (a person, workspace or virtual line)
    /// through the Call Controls Members API (<c>/telephony/calls/members/{memberId}/...</c>, <c>orgId</c> in the
    /// query, no <c>lineOwnerId</c> in the body: the member already names the line).
    /// </summary>
    public sealed class CallScope : IEquatable<CallScope>
    {
        private CallScope(string? lineOwnerId, string? memberId, string? orgId)
        {
            LineOwnerId = lineOwnerId;
            MemberId = memberId;
            OrgId = orgId;
        }

        /// <summary>The token's own user, on their own line.</summary>
        public static CallScope User { get; } = new CallScope(null, null, null);

        /// <summary>The owner of a secondary line on the user's device, or null for the user's own line.</summary>
        public string? LineOwnerId { get; }

        /// <summary>The member acted for in admin mode, or null for the token's own user.</summary>
        public string? MemberId { get; }

        /// <summary>The member's organisation, when given; Webex uses the token's own organisation otherwise.</summary>
        public string? OrgId { get; }

        /// <summary>True in admin mode: the request goes through the Members API.</summary>
        public bool IsMember => MemberId != null;

        /// <summary>The user's own calls, or a secondary line's when <paramref name="lineOwnerId"/> is given.</summary>
        public static CallScope ForLine(string? lineOwnerId) =>
            string.IsNullOrEmpty(lineOwnerId) ? User : new CallScope(lineOwnerId, null, null);

        /// <summary>
        /// A member's calls, through the Members API. Only a missing id is refused here; whether the text can be a Webex
        /// id (not whitespace, not a dot segment) is the client's check, made before any request.
        /// </summary>
        public static CallScope ForMember(string memberId, string? orgId)
        {
            if (string.IsNullOrEmpty(memberId))
            {
                throw new ArgumentException("A member id is required.", nameof(memberId));
            }

            return new CallScope(null, memberId, string.IsNullOrEmpty(orgId) ? null : orgId);
        }

        /// <summary>The scope of a member when <paramref name="memberId"/> is given, else of the line (or the user).</summary>
        public static CallScope Of(string? memberId, string? orgId, string? lineOwnerId)
        {
            if (!string.IsNullOrEmpty(memberId))
            {
                if (!string.IsNullOrEmpty(lineOwnerId))
                {
                    throw new ArgumentException("A member's calls take no line owner: the member already names the line.", nameof(lineOwnerId));
                }

                return ForMember(memberId!, orgId);
            }

            if (!string.IsNullOrEmpty(orgId))
            {
                throw new ArgumentException("An organisation id only goes with a member id (admin mode).", nameof(orgId));
            }

            return ForLine(lineOwnerId);
        }

        /// <inheritdoc />
        public bool Equals(CallScope? other) =>
            other != null && other.LineOwnerId == LineOwnerId && other.MemberId == MemberId && other.OrgId == OrgId;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as CallScope);

        /// <inheritdoc />
        public override int GetHashCode() => (LineOwnerId ?? string.Empty).GetHashCode() ^ (MemberId ?? string.Empty).GetHashCode() ^ (OrgId ?? string.Empty).GetHashCode();

        /// <summary>Reads like <c>member X (org Y)</c>, <c>line X</c> or <c>the user</c>, for messages.</summary>
        public override string ToString() =>
            IsMember ? "member " + MemberId + (OrgId is null ? string.Empty : " (org " + OrgId + ")")
            : LineOwnerId != null ? "line " + LineOwnerId
            : "the user";
    }
}
