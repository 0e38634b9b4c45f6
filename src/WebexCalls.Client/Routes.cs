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
        /// The text of <paramref name="id"/> as one escaped path segment or query value; a value that cannot be a Webex
        /// id (see <see cref="WebexIdRules"/>) is refused before anything is built.
        /// </summary>
        public static string Escape(string argumentName, string? id, string method, string operation)
        {
            RequireId(argumentName, id, method, operation);
            return Uri.EscapeDataString(id!);
        }

        /// <summary>Refuses, as <see cref="WebexErrorKind.InvalidId"/>, a value that cannot be a Webex id.</summary>
        public static void RequireId(string argumentName, string? id, string method, string operation)
        {
            var problem = WebexIdRules.Problem(id);
            if (problem != null)
            {
                throw InvalidId(argumentName, id, problem, method, operation);
            }
        }

        /// <summary>The same check for an id that is optional: null passes.</summary>
        public static void RequireIdIfGiven(string argumentName, string? id, string method, string operation)
        {
            if (id != null)
            {
                RequireId(argumentName, id, method, operation);
            }
        }

        /// <summary>
        /// The absolute URI of <paramref name="path"/> under <paramref name="baseAddress"/>, after checking that the URI
        /// parser kept every segment the route meant: escaping alone is not trusted, since .NET removes dot segments
        /// and may unescape. A path that changed on the way is refused as <see cref="WebexErrorKind.InvalidId"/>.
        /// </summary>
        public static Uri Resolve(Uri baseAddress, string path, string method)
        {
            var uri = new Uri(baseAddress, path);
            var query = path.IndexOf('?');
            var meant = (query < 0 ? path : path.Substring(0, query)).Split('/');
            var basePath = baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? baseAddress.AbsolutePath : baseAddress.AbsolutePath + "/";
            var actual = uri.AbsolutePath;
            var kept = actual.StartsWith(basePath, StringComparison.Ordinal)
                && SameSegments(actual.Substring(basePath.Length).Split('/'), meant)
                && string.Equals(uri.Query, query < 0 ? string.Empty : path.Substring(query), StringComparison.Ordinal)
                && uri.Fragment.Length == 0;
            if (!kept)
            {
                throw new WebexApiException(
                    WebexErrorKind.InvalidId, method, "/" + WebexIdRules.Quote(path), null,
                    "the path it would take (" + WebexIdRules.Quote(uri.AbsolutePath) + ") is not the route's own; an id in it is not a Webex id",
                    null, null);
            }

            return uri;
        }

        public static string List(CallScope scope) =>
            scope.IsMember ? Member(scope, "GET") + "/calls" + Query(scope, null, "GET") : Calls + Query(scope, null, "GET");

        public static string Call(CallScope scope, string callId) =>
            (scope.IsMember ? Member(scope, "GET") + "/calls/" : Calls + "/") + Escape("callId", callId, "GET", "{callId}") + Query(scope, null, "GET");

        // The user-level history takes no lineOwnerId (the spec gives it none).
        public static string History(CallScope scope, string? type) =>
            (scope.IsMember ? Member(scope, "GET") : Calls) + "/history" + Query(scope.IsMember ? scope : CallScope.User, type, "GET");

        // A POST carries lineOwnerId in its body, so only a member's orgId goes in the query.
        // A member's route carries its orgId in the query; the user's (or me) route carries lineOwnerId there only when
        // the operation says so (Conference Controls' GET, DELETE, hold and resume), else in the body.
        public static string Command(CallScope scope, CallOperation operation)
        {
            if (scope.IsMember)
            {
                var member = Escape("memberId", scope.MemberId, operation.Method, "members/{memberId}");
                return operation.MemberPath!.Substring(1).Replace("{memberId}", member) + Query(scope, null, operation.Method);
            }

            var path = (operation.UserPath ?? operation.MePath)!.Substring(1);
            return path + (operation.LineOwner == LineOwnerPlacement.Query ? Query(scope, null, operation.Method) : string.Empty);
        }

        private static string Member(CallScope scope, string method) => Calls + "/members/" + Escape("memberId", scope.MemberId, method, "members/{memberId}");

        private static string Query(CallScope scope, string? type, string method)
        {
            var parts = new List<string>();
            if (type != null)
            {
                parts.Add("type=" + Uri.EscapeDataString(type));
            }

            if (scope.IsMember && scope.OrgId != null)
            {
                parts.Add("orgId=" + Escape("orgId", scope.OrgId, method, "members/{memberId}?orgId={orgId}"));
            }
            else if (!scope.IsMember && scope.LineOwnerId != null)
            {
                parts.Add("lineOwnerId=" + Escape("lineOwnerId", scope.LineOwnerId, method, "?lineOwnerId={lineOwnerId}"));
            }

            return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts.ToArray());
        }

        private static bool SameSegments(string[] actual, string[] meant)
        {
            if (actual.Length != meant.Length)
            {
                return false;
            }

            for (var i = 0; i < actual.Length; i++)
            {
                // Compared unescaped: a parser may change how a character is escaped, never which character it is.
                if (!string.Equals(Uri.UnescapeDataString(actual[i]), Uri.UnescapeDataString(meant[i]), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static WebexApiException InvalidId(string argumentName, string? id, string problem, string method, string operation) =>
            new WebexApiException(
                // A Call Controls operation is named relative to /telephony/calls; another API's by its whole path.
                WebexErrorKind.InvalidId, method, operation.StartsWith("/", StringComparison.Ordinal) ? operation : "/" + Calls + "/" + operation, null,
                "the " + Describe(argumentName) + " '" + WebexIdRules.Quote(id) + "' is not a Webex id: " + problem, null, null)
            {
                ArgumentName = argumentName,
            };

        private static string Describe(string argumentName)
        {
            switch (argumentName)
            {
                case "callId": return "call id";
                case "callId1": return "call id";
                case "callId2": return "second call id";
                case "memberId": return "member id";
                case "orgId": return "organisation id";
                case "lineOwnerId": return "line owner id";
                case "endpointId": return "endpoint id";
                case "locationId": return "location id";
                default: return argumentName;
            }
        }
    }
}
