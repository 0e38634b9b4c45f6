using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Client
{
    /// <summary>
    /// The one place that turns an operation and a <see cref="CallScope"/> into a path: <c>/telephony/calls/...</c> for
    /// the user (with <c>lineOwnerId</c> in a GET's query), <c>/telephony/calls/members/{memberId}/...</c> with
    /// <c>orgId</c> in the query for a member.
    /// </summary>
    internal static class Routes
    {
        private const string Calls = "telephony/calls";

        /// <summary>
        /// The members operations that Cisco's published spec confirms: dial, answer, hangup, list and get in the spec
        /// extract; park, transmitDtmf and wrapupreasons on Cisco's later per-operation pages. The others are reported
        /// (not confirmed) to exist, so a 404 on them means Webex does not offer them.
        /// </summary>
        public static readonly IReadOnlyCollection<string> ConfirmedForMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "dial", "answer", "hangup", "calls", "park", "transmitDtmf", "wrapupreasons",
        };

        public static string List(CallScope scope) =>
            scope.IsMember ? Member(scope) + "/calls" + Query(scope, null) : Calls + Query(scope, null);

        public static string Call(CallScope scope, string callId) =>
            (scope.IsMember ? Member(scope) + "/calls/" : Calls + "/") + Uri.EscapeDataString(callId) + Query(scope, null);

        // The user-level history takes no lineOwnerId (the spec gives it none).
        public static string History(CallScope scope, string? type) =>
            (scope.IsMember ? Member(scope) : Calls) + "/history" + Query(scope.IsMember ? scope : CallScope.User, type);

        // A POST carries lineOwnerId in its body, so only a member's orgId goes in the query.
        public static string Command(CallScope scope, string operation) =>
            (scope.IsMember ? Member(scope) : Calls) + "/" + operation + (scope.IsMember ? Query(scope, null) : string.Empty);

        private static string Member(CallScope scope) => Calls + "/members/" + Uri.EscapeDataString(scope.MemberId!);

        private static string Query(CallScope scope, string? type)
        {
            var parts = new List<string>();
            if (type != null)
            {
                parts.Add("type=" + Uri.EscapeDataString(type));
            }

            if (scope.IsMember && scope.OrgId != null)
            {
                parts.Add("orgId=" + Uri.EscapeDataString(scope.OrgId));
            }
            else if (!scope.IsMember && scope.LineOwnerId != null)
            {
                parts.Add("lineOwnerId=" + Uri.EscapeDataString(scope.LineOwnerId));
            }

            return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts.ToArray());
        }
    }
}
