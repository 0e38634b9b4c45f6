using System;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the cmdlets whose operation starts a new call (dial, retrieve, pickup, barge-in, pull): Webex
    /// answers 201 with the new call's ids only, and every one of them then reads the call through one path, with
    /// the fallback for an id that changes, and returns a full CallSession.
    /// </summary>
    public abstract class WebexNewCallCmdlet : WebexCmdlet
    {
        /// <summary>
        /// The owner (user, workspace or virtual line id) of a secondary line on the user's device to place the call
        /// on; the returned call carries it, so piping it on acts on the same line.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LineOwnerId { get; set; }

        /// <summary>Where the new call alerts first, and on which line.</summary>
        protected virtual NewCallOptions Options => new NewCallOptions { LineOwnerId = Line };

        /// <summary>The line owner to send: null when none, or an empty one, was given.</summary>
        protected string? Line => string.IsNullOrEmpty(LineOwnerId) ? null : LineOwnerId;

        /// <summary>Starts a call with an operation that always answers with the new call's ids.</summary>
        protected CallSession? StartCall(string target, string action, Func<WebexCallsClient, NewCallOptions, Task<DialResult>> start) =>
            StartCallIfGiven(target, action, (client, options) => AsNullable(start(client, options)));

        /// <summary>
        /// Asks ShouldProcess for <paramref name="action"/> on <paramref name="target"/>, starts the call, reads it and
        /// returns it; null after -WhatIf or a failure, which is written as a non-terminating error. A
        /// <paramref name="start"/> that gives null (accepted without a new call's ids) is reported with a warning.
        /// </summary>
        /// <param name="target">What ShouldProcess and messages name: the destination or target.</param>
        /// <param name="action">What ShouldProcess calls the action.</param>
        /// <param name="start">Sends the operation; null when Webex accepted it without a new call's ids.</param>
        /// <param name="whenGone">
        /// The warning when the new call is gone by the time it is read (a mute transfer that completed at once); by
        /// default, that it ended.
        /// </param>
        protected CallSession? StartCallIfGiven(string target, string action, Func<WebexCallsClient, NewCallOptions, Task<DialResult?>> start, string? whenGone = null)
        {
            if (!ShouldProcess(target, action))
            {
                return null;
            }

            var client = Client;
            try
            {
                var started = Await(start(client, Options));
                if (started is null)
                {
                    WriteWarning(action + " " + target + ": Webex accepted the request but sent no new call id. Run Get-WebexCall to see the calls.");
                    return null;
                }

                WriteVerbose(action + " " + target + ": new call " + started.CallId + ", session " + started.CallSessionId + ".");
                try
                {
                    return Await(client.GetNewCallAsync(started, Line, CancellationToken));
                }
                catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound)
                {
                    // The request worked; only the call it started is already over. That is news, not a failure.
                    WriteWarning(whenGone ?? action + " " + target + ": the new call " + started.CallId + " ended before it could be read.");
                    return null;
                }
            }
            catch (WebexApiException ex)
            {
                WriteWebexError(ex, ex.CallId ?? target);
                return null;
            }
        }

        /// <summary>Writes the call a StartCall returned, when there is one.</summary>
        protected void WriteCall(CallSession? call)
        {
            if (call != null)
            {
                WriteObject(call);
            }
        }

        private static async Task<DialResult?> AsNullable(Task<DialResult> task) => await task.ConfigureAwait(false);
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
        [ValidateDestination]
        public string? SingleNumberReachNumber { get; set; }

        /// <inheritdoc />
        protected override NewCallOptions Options => new NewCallOptions
        {
            EndpointId = string.IsNullOrEmpty(EndpointId) ? null : EndpointId,
            SingleNumberReachNumber = SingleNumberReachNumber,
            LineOwnerId = Line,
        };
    }
}
