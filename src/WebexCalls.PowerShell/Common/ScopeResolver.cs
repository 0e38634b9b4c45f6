using System;
using System.Collections.Generic;
using System.Linq;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>What a cmdlet's operation allows as its owners, for <see cref="ScopeResolver"/>.</summary>
    [Flags]
    internal enum OwnerRules
    {
        /// <summary>One owner: the user, a secondary line or one member.</summary>
        One = 0,

        /// <summary>Many members at once, read or acted for concurrently (Get-WebexCall, Watch-WebexCall, ...).</summary>
        ManyMembers = 1,

        /// <summary>Webex has no secondary-line form of the operation (history, wrap-up): -LineOwnerId is refused.</summary>
        NoLine = 2,

        /// <summary>Webex has the operation for members only (wrap-up): a member is required.</summary>
        MemberOnly = 4,
    }

    /// <summary>
    /// The one place that turns -MemberId, -OrgId and -LineOwnerId into the owners of a pipeline item's calls, with
    /// one behaviour for every cmdlet: blanks and repeats among the members are dropped (a piped call of the user's own
    /// has no member); an organisation without a member, a member with a line owner, several members where the
    /// operation acts for one, or an owner the operation has no route for, is an <see cref="ArgumentException"/> the
    /// cmdlet reports as a non-terminating WebexInvalidScope error for that item, before any request.
    /// </summary>
    internal static class ScopeResolver
    {
        /// <summary>The owners, in the order given; one (the user or the line) when no member is given.</summary>
        public static IReadOnlyList<CallScope> Resolve(string[]? memberIds, string? orgId, string? lineOwnerId, OwnerRules rules, string operation)
        {
            var members = memberIds?.Where(member => !string.IsNullOrEmpty(member)).Distinct(StringComparer.Ordinal).ToArray() ?? new string[0];
            if (members.Length == 0 && !string.IsNullOrEmpty(orgId))
            {
                throw new ArgumentException("-OrgId names the organisation of a member (admin mode): give -MemberId with it, or pipe objects that have a MemberId.", "OrgId");
            }

            if (members.Length > 0 && !string.IsNullOrEmpty(lineOwnerId))
            {
                throw new ArgumentException("-LineOwnerId is not for a member: a member's calls are on the member's own line. Give one or the other.", "LineOwnerId");
            }

            if ((rules & OwnerRules.NoLine) != 0 && !string.IsNullOrEmpty(lineOwnerId))
            {
                throw new ArgumentException(operation + " has no secondary-line form (Webex offers none): -LineOwnerId cannot be used with it.", "LineOwnerId");
            }

            if ((rules & OwnerRules.MemberOnly) != 0 && members.Length == 0)
            {
                throw new ArgumentException(operation + " is for members only (admin mode; Webex has no user-level form): give -MemberId, or pipe objects that have a MemberId.", "MemberId");
            }

            if ((rules & OwnerRules.ManyMembers) == 0 && members.Length > 1)
            {
                throw new ArgumentException(operation + " acts for one member at a time, and " + members.Length + " were given: pipe the members in, or give one -MemberId.", "MemberId");
            }

            return members.Length == 0
                ? new[] { CallScope.ForLine(string.IsNullOrEmpty(lineOwnerId) ? null : lineOwnerId) }
                : members.Select(member => CallScope.ForMember(member, orgId)).ToArray();
        }
    }
}
