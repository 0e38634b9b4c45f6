using System;
using System.IO;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Turns client failures into ErrorRecords with stable ErrorIds, fitting categories and advice.</summary>
    internal static class WebexErrorRecords
    {
        public const string NotConnectedId = "WebexNotConnected";
        private const string Scopes = "spark:calls_read and spark:calls_write";
        private const string AdminScopes = "spark-admin:calls_read and spark-admin:calls_write";

        public static ErrorRecord From(WebexApiException exception, object? target)
        {
            target ??= exception.CallId;

            // A target is shown with the error: a 10,000-character id is quoted short, as the message quotes it.
            var record = new ErrorRecord(exception, ErrorIdOf(exception), CategoryOf(exception.Kind), target is string text ? WebexIdRules.Quote(text) : target);
            var message = exception.Kind == WebexErrorKind.InvalidId && ParameterOf(exception.ArgumentName) is string parameter
                ? "-" + parameter + ": " + exception.Message
                : exception.Message;
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = AdviceFor(exception) };
            return record;
        }

        /// <summary>
        /// An argument the client refused before sending (a transfer with one call id of two, DTMF it cannot send):
        /// the cmdlets check their parameters first, so this is a safety net that still names the problem.
        /// </summary>
        public static ErrorRecord InvalidArgument(ArgumentException exception, object? target) =>
            Failure(exception, "WebexInvalidArgument", ErrorCategory.InvalidArgument, target is string text ? WebexIdRules.Quote(text) : target,
                "Check the parameters against Get-Help; nothing was sent.");

        /// <summary>The cmdlet parameter that carries a value the client names <paramref name="argumentName"/>.</summary>
        private static string? ParameterOf(string? argumentName)
        {
            switch (argumentName)
            {
                case "callId": return "CallId";
                case "callId1": return "CallId";
                case "callId2": return "TargetCallId";
                case "memberId": return "MemberId";
                case "orgId": return "OrgId";
                case "lineOwnerId": return "LineOwnerId";
                case "endpointId": return "EndpointId";
                case "locationId": return "LocationId";
                case "webhookId": return "Id";
                default: return null;
            }
        }

        public static ErrorRecord NotConnected() =>
            new ErrorRecord(
                new InvalidOperationException("Not connected to Webex Calling. Run Connect-WebexCalling first."),
                NotConnectedId,
                ErrorCategory.ConnectionError,
                null)
            {
                ErrorDetails = new ErrorDetails("Not connected to Webex Calling. Run Connect-WebexCalling first.")
                {
                    RecommendedAction = "Run Connect-WebexCalling (with -AccessToken, or with WEBEX_ACCESS_TOKEN set), then try again.",
                },
            };

        /// <summary>
        /// A failure the module itself finds (not Webex's answer): its message is also the shown text, and
        /// <paramref name="advice"/> is what to do next. Waits that end badly (WebexDialTimeout, WebexWaitTimeout,
        /// WebexCallEnded) are written this way.
        /// </summary>
        public static ErrorRecord Failure(Exception exception, string errorId, ErrorCategory category, object? target, string advice) =>
            new ErrorRecord(exception, errorId, category, target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice },
            };

        /// <summary>Parameters that name contradictory owners of calls (a member with a line owner, an organisation alone).</summary>
        public static ErrorRecord InvalidScope(ArgumentException exception, object? target)
        {
            // .NET appends " (Parameter 'x')" to the message; the text already names the parameter, so it is shown without.
            var message = exception.Message;
            var suffix = " (Parameter '" + exception.ParamName + "')";
            if (exception.ParamName != null && message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message.Substring(0, message.Length - suffix.Length);
            }

            return new ErrorRecord(exception, "WebexInvalidScope", ErrorCategory.InvalidArgument, target)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = exception.ParamName == "MemberId" && message.Contains("one member at a time")
                        ? "Pipe the members' calls (Get-WebexCall -MemberId $members | ...), or run the command once per member."
                        : "Use -MemberId (with -OrgId if needed) for admin mode, or -LineOwnerId for a secondary line of your own, not both.",
                },
            };
        }

        /// <summary>
        /// One of the engine's assemblies could not load. The engine loads in a context of its own (see
        /// DependencyResolver), so another module's copy no longer causes this; a damaged or partly copied
        /// installation, or a host that refuses to load from the module's engine folder, still can.
        /// </summary>
        public static ErrorRecord DependencyConflict(IOException exception)
        {
            var assembly = (exception as FileLoadException)?.FileName ?? (exception as FileNotFoundException)?.FileName ?? "a dependency";
            var message = "WebexCalls cannot load " + assembly + " from its engine folder: " + exception.Message;
            return new ErrorRecord(exception, "WebexDependencyConflict", ErrorCategory.ResourceUnavailable, assembly)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Reinstall the module (Install-PSResource WebexCalls -Reinstall), then start a new PowerShell session.",
                },
            };
        }

        private static string Seconds(TimeSpan wait)
        {
            var seconds = (long)Math.Ceiling(wait.TotalSeconds);
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }

        internal static string ErrorIdOf(WebexApiException exception)
        {
            switch (exception.Kind)
            {
                case WebexErrorKind.NotFound: return exception.CallId is null ? "WebexNotFound" : "WebexCallNotFound";
                case WebexErrorKind.Unauthorized: return "WebexUnauthorized";
                case WebexErrorKind.Forbidden: return "WebexForbidden";
                case WebexErrorKind.BadRequest: return "WebexBadRequest";
                case WebexErrorKind.Conflict: return "WebexCallStateConflict";
                case WebexErrorKind.RateLimited: return "WebexRateLimited";
                case WebexErrorKind.ServerError: return "WebexServerError";
                case WebexErrorKind.ConnectionFailed: return "WebexConnectionFailed";
                case WebexErrorKind.Timeout: return "WebexTimeout";
                case WebexErrorKind.InvalidResponse: return "WebexInvalidResponse";
                case WebexErrorKind.NotOffered: return "WebexMembersRouteNotOffered";
                case WebexErrorKind.TokenRefreshFailed: return "WebexTokenRefreshFailed";
                case WebexErrorKind.InvalidId: return "WebexInvalidId";
                default: return "WebexHttpError";
            }
        }

        internal static ErrorCategory CategoryOf(WebexErrorKind kind)
        {
            switch (kind)
            {
                case WebexErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case WebexErrorKind.Unauthorized: return ErrorCategory.AuthenticationError;
                case WebexErrorKind.Forbidden: return ErrorCategory.PermissionDenied;
                case WebexErrorKind.BadRequest: return ErrorCategory.InvalidArgument;
                case WebexErrorKind.Conflict: return ErrorCategory.InvalidOperation;
                case WebexErrorKind.RateLimited: return ErrorCategory.LimitsExceeded;
                case WebexErrorKind.ServerError: return ErrorCategory.ResourceUnavailable;
                case WebexErrorKind.ConnectionFailed: return ErrorCategory.ConnectionError;
                case WebexErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case WebexErrorKind.InvalidResponse: return ErrorCategory.InvalidResult;
                case WebexErrorKind.NotOffered: return ErrorCategory.NotImplemented;
                case WebexErrorKind.TokenRefreshFailed: return ErrorCategory.AuthenticationError;
                case WebexErrorKind.InvalidId: return ErrorCategory.InvalidArgument;
                default: return ErrorCategory.ProtocolError;
            }
        }

        private static string AdviceFor(WebexApiException exception)
        {
            // Only a request that reached Webex has a tracking id that Cisco support can find.
            var quote = exception.TrackingId is null || !exception.ReachedWebex ? string.Empty : " If it persists, quote trackingId " + exception.TrackingId + " to Cisco support.";
            if (exception.StatusCode is int && !exception.AnswerIsWebexJson
                && (exception.WebexMessage ?? string.Empty).StartsWith("an HTML page", StringComparison.Ordinal)
                && exception.Kind != WebexErrorKind.RateLimited && exception.Kind != WebexErrorKind.ServerError && exception.Kind != WebexErrorKind.Timeout)
            {
                // A page from a proxy or gateway is not Webex saying the token or the call is wrong.
                return "The answer did not come from Webex: something between this machine and Webex (a proxy, a firewall, a gateway) refused the request. Check the network's proxy settings and the BaseUri given to Connect-WebexCalling.";
            }

            // Admin mode's routes need the admin scopes; naming the user's would send people the wrong way.
            var scopes = exception.Path.IndexOf("/telephony/calls/members/", StringComparison.OrdinalIgnoreCase) >= 0 ? AdminScopes : Scopes;
            switch (exception.Kind)
            {
                case WebexErrorKind.InvalidId:
                    return "Nothing was sent. Give the id as Webex wrote it: call ids from Get-WebexCall, member ids from Get-WebexCallingMember, webhook ids from Get-WebexCallWebhook.";
                case WebexErrorKind.NotFound:
                    if (exception.CallId != null)
                    {
                        return "The call has ended or the id is wrong. Run Get-WebexCall to see the active calls.";
                    }

                    if (exception.Path.StartsWith("/webhooks/", StringComparison.OrdinalIgnoreCase))
                    {
                        return "No such webhook: it was removed, or the id is wrong. Get-WebexCallWebhook lists the webhooks this token can see.";
                    }

                    if (scopes == AdminScopes && exception.Method == "GET")
                    {
                        // A members read names no call: its 404 is about the member, not the address of Webex.
                        return "No such member: check the member id (a person, workspace or virtual line id), and give -OrgId when the member is in another organisation than the token's.";
                    }

                    // Retrieve, pickup, barge-in and pull name no call: their 404 means nothing is parked, ringing or
                    // answered where they point, not a wrong address.
                    return exception.Method == "POST"
                        ? "Webex found nothing to act on there (no call parked, ringing or answered). Check the destination or target, and run Get-WebexCall to see the active calls."
                        : "Check the BaseUri given to Connect-WebexCalling.";
                case WebexErrorKind.Unauthorized:
                    return "The access token is missing, wrong or expired. Run Connect-WebexCalling with a fresh token that has the scopes " + scopes + ".";
                case WebexErrorKind.Forbidden:
                    return scopes == AdminScopes
                        ? "The token lacks a scope or may not act for this member. Admin mode needs the scopes " + AdminScopes + " (a Service App authorised by a full admin, or an admin's token)."
                        : "The token lacks a scope or the user may not do this. Call control needs the scopes " + Scopes + " and a Webex Calling licence (Service App tokens cannot use it: use -MemberId).";
                case WebexErrorKind.Conflict:
                    return "The call's state does not allow this action (hold needs a connected call, answer a ringing one, park an answered one). Run Get-WebexCall to see its state.";
                case WebexErrorKind.RateLimited:
                    return "Webex is rate limiting requests" + (exception.RetryAfter is TimeSpan wait ? "; wait " + Seconds(wait) : string.Empty) + " and try again. The request was not processed.";
                case WebexErrorKind.ServerError:
                case WebexErrorKind.Timeout:
                case WebexErrorKind.ConnectionFailed:
                    // Unlike a 429, a 5xx, a timeout or a broken connection after a POST may have been processed, so
                    // the module did not retry it: a blind retry of a dial can place a second call.
                    if (exception.MayHaveBeenProcessed)
                    {
                        return "Webex may have carried out the request anyway: run Get-WebexCall before trying again." + quote;
                    }

                    return exception.Kind == WebexErrorKind.ConnectionFailed
                        ? "Check the network and the BaseUri given to Connect-WebexCalling." + quote
                        : "Try again later (the module already retried what it safely could)." + quote;
                case WebexErrorKind.TokenRefreshFailed:
                    return "The refresh token was revoked or has expired, or the client id or secret is wrong. Get a new refresh token (authorise the integration again, or regenerate the Service App's token in Control Hub) and run Connect-WebexCalling again.";
                case WebexErrorKind.NotOffered:
                    return "Do this as the user (without -MemberId, with the user's own token), or check Webex's Call Controls Members reference for the operations it offers.";
                default:
                    return "Check the request and try again." + quote;
            }
        }
    }
}
