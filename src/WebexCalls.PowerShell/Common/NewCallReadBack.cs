using System;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The one path by which every operation that starts a new call (dial, retrieve, pickup, barge-in, pull, mute
    /// transfer) returns it: Webex answers 201 with the new call's ids only, so the call is read back, with the
    /// client's fallback for an id that changes, and a full CallSession is returned. Never loses a live call: when the
    /// call cannot be read, the user is told it exists and how to hang it up.
    /// </summary>
    internal static class NewCallReadBack
    {
        /// <summary>
        /// Waits for <paramref name="started"/> and reads the call it started; null (with a warning) when Webex sent no
        /// ids, or when the call is already gone (<paramref name="whenGone"/> is that warning; by default, that it ended).
        /// </summary>
        public static async Task<CallSession?> ReadAsync(
            WebexCallsClient client, OutputQueue output, CallScope scope, string target, string action, Task<DialResult?> started, string? whenGone,
            CancellationToken cancellationToken)
        {
            var ids = await started.ConfigureAwait(false);
            if (ids is null)
            {
                output.Warning(action + " " + target + ": Webex accepted the request but sent no new call id. Run Get-WebexCall to see the calls.");
                return null;
            }

            output.Verbose(action + " " + target + ": new call " + ids.CallId + ", session " + ids.CallSessionId + ".");
            try
            {
                return await client.GetNewCallAsync(ids, scope, cancellationToken).ConfigureAwait(false);
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound)
            {
                // The request worked; only the call it started is already over. That is news, not a failure.
                output.Warning(whenGone ?? action + " " + target + ": the new call " + ids.CallId + " ended before it could be read.");
                return null;
            }
            catch (WebexApiException ex)
            {
                // The call exists, live; the user must hear of it, or they may dial again. Return what is known.
                output.Warning(action + " " + target + ": the call was placed (id " + ids.CallId + ") but could not be read: " + ex.Message
                    + " It may be ringing: Stop-WebexCall -CallId " + ids.CallId + " hangs it up.");
                return new CallSession
                {
                    Id = ids.CallId,
                    CallSessionId = ids.CallSessionId,
                    LineOwnerId = scope.LineOwnerId,
                    MemberId = scope.MemberId,
                    OrgId = scope.OrgId,
                    RetrievedAt = DateTimeOffset.UtcNow,
                };
            }
        }

        /// <summary>The same task, typed as one whose result may be null (an operation that may answer without ids).</summary>
        public static async Task<DialResult?> AsNullable(Task<DialResult> task) => await task.ConfigureAwait(false);
    }
}
