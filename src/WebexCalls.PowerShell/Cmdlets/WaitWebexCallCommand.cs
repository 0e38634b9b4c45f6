using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;
using WebexCalls.Client.Watching;

namespace WebexCalls.Commands
{
    /// <summary>Waits until each call given reaches one of the states asked for.</summary>
    /// <remarks>
    /// Reads each call every half second (by id; a dialled call whose id changed is followed by its call session),
    /// showing progress, until its state is one of -State. A call that ends first is a non-terminating
    /// WebexCallEnded error, unless Disconnected is one of the states: then its end is what was awaited. A call still
    /// not there after -TimeoutSec is a WebexWaitTimeout error and is left as it is. Calls are waited for at once, up to
    /// -ThrottleLimit; with -PassThru each call is returned as it was when it reached the state, in the order they get
    /// there. Wait-WebexCall changes nothing, so it has no -WhatIf. Invoke-WebexDial -Wait uses the same wait.
    /// </remarks>
    /// <example>
    /// <code>$call = Invoke-WebexDial 1234; $call | Wait-WebexCall -State Connected -TimeoutSec 30 -PassThru | Send-WebexCallDtmf -Digits '4321#'</code>
    /// <para>Dials a conference bridge, waits for it to answer, then sends the access code.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Held | Wait-WebexCall -State Disconnected -TimeoutSec 600</code>
    /// <para>Blocks until every held call has ended; a call still up after ten minutes is a WebexWaitTimeout error.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -MemberId $agent -State Alerting | Wait-WebexCall -State Connected, Disconnected -PassThru</code>
    /// <para>Admin mode: waits for a member's ringing calls to be answered or to end, returning each as it got there.</para>
    /// </example>
    [WebexOperation("call")]
    [Cmdlet(VerbsLifecycle.Wait, "WebexCall", HelpUri = HelpLinks.Base + "#wait-webexcall")]
    [OutputType(typeof(CallSession))]
    public sealed class WaitWebexCallCommand : WebexCallActionCmdlet
    {
        /// <summary>The states to wait for: each call is done when it reaches any of them. Disconnected waits for the call to end.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public CallState[] State { get; set; } = new CallState[0];

        /// <summary>How long to wait for each call, in seconds (1 to 86400; 60 by default). A call not there by then is left as it is.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 60;

        /// <summary>Returns each call as it was when it reached the state; without it, Wait-WebexCall returns nothing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Starts the wait for each call given or piped.</summary>
        protected override void ProcessRecord()
        {
            if (State.Contains(CallState.Unknown))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-State Unknown is not a state a call can be waited into."),
                    "WebexInvalidState", ErrorCategory.InvalidArgument, State));
            }

            var states = State;
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            var passThru = PassThru.IsPresent;
            ForEachCall("Wait for {0}", (client, id, scope) => WaitAsync(client, id, scope, states, timeout, passThru), WriteCall);
        }

        private async Task<CallSession?> WaitAsync(WebexCallsClient client, string id, CallScope scope, CallState[] states, TimeSpan timeout, bool passThru)
        {
            var described = KnownCalls.Describe(id);
            var result = await CallWaitProgress.WaitAsync(client, Output, new CallSession { Id = id }, false, scope, states, timeout,
                "Waiting for " + described + " to be " + string.Join(" or ", states), CancellationToken).ConfigureAwait(false);
            var call = result.Call;
            switch (result.Outcome)
            {
                case CallWaitOutcome.Ended when states.Contains(CallState.Disconnected):
                    call.State = CallState.Disconnected;
                    call.RawState = "disconnected";
                    return passThru ? call : null;
                case CallWaitOutcome.Ended:
                    Output.Error(WebexErrorRecords.Failure(new InvalidOperationException(
                        "The wait for " + described + " ended: the call has ended (or the id is wrong) before it was " + string.Join(" or ", states) + "."),
                        "WebexCallEnded", ErrorCategory.ResourceUnavailable, id,
                        "Add -State Disconnected to count the end of the call as what you were waiting for."));
                    return null;
                case CallWaitOutcome.TimedOut:
                    Output.Error(WebexErrorRecords.Failure(new TimeoutException(
                        char.ToUpperInvariant(described[0]) + described.Substring(1) + " was not " + string.Join(" or ", states) + " within " + TimeoutSec + " s; it is still " + call.State + " and was left as it is."),
                        "WebexWaitTimeout", ErrorCategory.OperationTimeout, id,
                        "Wait longer with -TimeoutSec, or check the call with Get-WebexCall -CallId " + id + "."));
                    return null;
                default:
                    return passThru ? call : null;
            }
        }
    }
}
