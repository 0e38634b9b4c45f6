using System;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the cmdlets whose operation starts a new call (dial, retrieve, pickup, barge-in, pull, mute
    /// transfer): Webex answers 201 with the new call's ids only, and every one of them then reads the call through one
    /// path, with the fallback for an id that changes, and returns a full CallSession. Pipeline input fans out.
    /// </summary>
    public abstract class WebexNewCallCmdlet : WebexScopedCmdlet
    {
        /// <summary>Where the new call alerts first.</summary>
        protected virtual NewCallOptions Options => new NewCallOptions();

        /// <summary>
        /// Asks ShouldProcess for <paramref name="action"/> on <paramref name="target"/>, then starts the call and, as
        /// it completes, writes it to the pipeline; a failure is a non-terminating error for this item.
        /// </summary>
        protected void StartCall(string target, string action, Func<WebexCallsClient, NewCallOptions, CallScope, Task<DialResult>> start) =>
            StartCallIfGiven(target, action, (client, options, scope) => AsNullable(start(client, options, scope)));

        /// <summary>
        /// As <see cref="StartCall"/>, for an operation that may be accepted without a new call's ids (null): that is
        /// reported with a warning. <paramref name="whenGone"/> is the warning when the new call is already over by the
        /// time it is read (a mute transfer the destination answered at once); by default, that it ended.
        /// </summary>
        protected void StartCallIfGiven(string target, string action, Func<WebexCallsClient, NewCallOptions, CallScope, Task<DialResult?>> start, string? whenGone = null)
        {
            var scope = ResolveScope(target);
            if (scope is null || !ShouldProcess(Describe(target, scope), action))
            {
                return;
            }

            var client = Client;
            var options = Options;
            RunConcurrently(target, () => ReadStartedCallAsync(client, scope, target, action, start(client, options, scope), whenGone));
        }

        /// <summary>
        /// Waits for <paramref name="started"/> and reads the call it started; null (with a warning) when Webex sent no
        /// ids, or when the call is already gone.
        /// </summary>
        protected async Task<object?> ReadStartedCallAsync(WebexCallsClient client, CallScope scope, string target, string action, Task<DialResult?> started, string? whenGone)
        {
            var ids = await started.ConfigureAwait(false);
            if (ids is null)
            {
                Output.Warning(action + " " + target + ": Webex accepted the request but sent no new call id. Run Get-WebexCall to see the calls.");
                return null;
            }

            Output.Verbose(action + " " + target + ": new call " + ids.CallId + ", session " + ids.CallSessionId + ".");
            try
            {
                return await client.GetNewCallAsync(ids, scope, CancellationToken).ConfigureAwait(false);
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound)
            {
                // The request worked; only the call it started is already over. That is news, not a failure.
                Output.Warning(whenGone ?? action + " " + target + ": the new call " + ids.CallId + " ended before it could be read.");
                return null;
            }
            catch (WebexApiException ex)
            {
                // The call exists, live; the user must hear of it, or they may dial again. Return what is known.
                Output.Warning(action + " " + target + ": the call was placed (id " + ids.CallId + ") but could not be read: " + ex.Message
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

        /// <summary>The same task, typed as one whose result may be null.</summary>
        protected static async Task<DialResult?> AsNullable(Task<DialResult> task) => await task.ConfigureAwait(false);
    }

    /// <summary>
    /// A new-call cmdlet that may alert one device (-EndpointId) or a Single Number Reach number instead of all the
    /// user's devices; the spec makes the two mutually exclusive, and so do the parameter sets.
    /// </summary>
    public abstract class WebexDialingCmdlet : WebexNewCallCmdlet
    {
        /// <summary>The parameter set with -EndpointId (the default).</summary>
        protected const string EndpointSet = "Endpoint";

        /// <summary>The parameter set with -SingleNumberReachNumber.</summary>
        protected const string SingleNumberReachSet = "SingleNumberReach";

        /// <summary>The device or application to alert, from Webex's Get Preferred Answer Endpoint; all the user's devices when omitted.</summary>
        [Parameter(ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        public string? EndpointId { get; set; }

        /// <summary>The Single Number Reach number to alert instead of the user's devices; not with -EndpointId.</summary>
        [Parameter(ParameterSetName = SingleNumberReachSet, Mandatory = true)]
        [PlainTextTransformation]
        [ValidateDestination]
        public string? SingleNumberReachNumber { get; set; }

        /// <inheritdoc />
        protected override NewCallOptions Options => new NewCallOptions
        {
            EndpointId = string.IsNullOrEmpty(EndpointId) ? null : EndpointId,
            SingleNumberReachNumber = SingleNumberReachNumber,
        };
    }
}
