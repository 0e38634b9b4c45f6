using System;
using System.Management.Automation;
using WebexCalls.Client;
using WebexCalls.Client.Watching;

namespace WebexCalls.Commands
{
    /// <summary>Places a call (Click to Dial) from the user's devices to a destination.</summary>
    /// <remarks>
    /// Webex first alerts the user's devices (or only -EndpointId); when one answers, it calls the destination. The
    /// destination is checked before any request: digits (1234, +14085550100, *73, #), tel: and sip: URIs, or
    /// user@host. It also binds by property name (Destination, Number or PhoneNumber), so a CSV of numbers can be
    /// piped. Webex answers a dial with the call's ids only; the command then reads the call and returns a full
    /// CallSession. With -Wait it waits as Wait-WebexCall does (reading the call every half second, showing progress)
    /// until the call is connected (or held) or ends, or -TimeoutSec passes; on timeout it writes a WebexDialTimeout
    /// error, returns the call as it is, and leaves it up; a call that ends first is a warning, not an error.
    /// -SingleNumberReachNumber alerts that number instead of the user's devices (not with -EndpointId), and
    /// -LineOwnerId places the call on a secondary line; the returned call carries it.
    /// </remarks>
    /// <example>
    /// <code>Invoke-WebexDial +14085550100</code>
    /// <para>Dials a number and returns the new call, alerting the user's devices.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexDial -Destination sip:jane.doe@example.com -Wait -TimeoutSec 30</code>
    /// <para>Dials a SIP address and waits up to 30 seconds for the call to connect.</para>
    /// </example>
    /// <example>
    /// <code>Invoke-WebexDial 1234 -SingleNumberReachNumber +14085550199</code>
    /// <para>Dials extension 1234, alerting the user's Single Number Reach number (a mobile, say) first instead of their devices.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./numbers.csv | Invoke-WebexDial -WhatIf</code>
    /// <para>Shows which numbers of a CSV with a Destination (or Number) column would be dialled, sending nothing.</para>
    /// </example>
    [WebexOperation("dial")]
    [Cmdlet(VerbsLifecycle.Invoke, "WebexDial", HelpUri = HelpLinks.Base + "#invoke-webexdial", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = EndpointSet)]
    [OutputType(typeof(CallSession))]
    public sealed class InvokeWebexDialCommand : WebexNewCallCmdlet
    {

        /// <summary>What to dial: digits (with + * #), a tel: or sip: URI, or user@host. Binds Destination, Number or PhoneNumber from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Number", "PhoneNumber")]
        [PlainTextTransformation]
        [ValidateDestination]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Waits until the call is connected or ends, or -TimeoutSec passes.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits, in seconds (1 to 3600; 60 by default).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        /// <summary>Dials, reads the new call, and waits when asked.</summary>
        protected override void ProcessRecord()
        {
            if (!Wait)
            {
                var (destination, options) = (Destination, Options);
                StartNewCall(destination, "Dial", (client, scope) => NewCallReadBack.AsNullable(client.DialAsync(destination, options, scope, CancellationToken)));
                return;
            }

            // -Wait shows progress from the pipeline thread, so each such dial runs to its end before the next item.
            var callScope = ResolveScope(Destination);
            if (callScope is null || !ShouldProcess(Describe(Destination, callScope), "Dial"))
            {
                return;
            }

            var client = Client;
            try
            {
                var started = NewCallReadBack.AsNullable(client.DialAsync(Destination, Options, callScope, CancellationToken));
                if (Await(NewCallReadBack.ReadAsync(client, Output, callScope, Destination, "Dial", started, null, CancellationToken)) is CallSession call)
                {
                    try
                    {
                        if (WaitForAnswer(client, call, callScope) is CallSession settled)
                        {
                            WriteCall(settled);
                        }
                    }
                    catch (PipelineStoppedException)
                    {
                        // Ctrl+C stops the waiting, not the call: say so, straight to the host (the pipeline is closing).
                        Host?.UI?.WriteWarningLine("Stopped waiting: the call to " + Destination + " (id " + call.CallId
                            + ") was placed and may still be ringing. Stop-WebexCall -CallId " + call.CallId + " hangs it up.");
                        throw;
                    }
                }
            }
            catch (WebexApiException ex)
            {
                WriteWebexError(ex, ex.CallId ?? Destination);
            }
        }

        /// <summary>Polls the call until it is connected (or held) or gone; null when it ended.</summary>
        private CallSession? WaitForAnswer(WebexCallsClient client, CallSession call, CallScope scope)
        {
            var result = Await(CallWaitProgress.WaitAsync(client, Output, call, true, scope, Settled, TimeSpan.FromSeconds(TimeoutSec), "Dialling " + Destination, CancellationToken));
            switch (result.Outcome)
            {
                case CallWaitOutcome.Ended:
                    WriteWarning("The call to " + Destination + " ended before it connected.");
                    return null;
                case CallWaitOutcome.TimedOut:
                    var message = "The call to " + Destination + " did not connect within " + TimeoutSec + " seconds; it is still " + result.Call.State + " and was left as it is.";
                    WriteError(WebexErrorRecords.Failure(new TimeoutException(message), "WebexDialTimeout", ErrorCategory.OperationTimeout, result.Call.CallId,
                        "Check the call with Get-WebexCall -CallId " + result.Call.CallId + ", or hang it up with Stop-WebexCall."));
                    return result.Call;
                default:
                    return result.Call;
            }
        }

        // What -Wait waits for: the call is up (even if someone already put it on hold).
        private static readonly CallState[] Settled = { CallState.Connected, CallState.Held, CallState.RemoteHeld, CallState.Disconnected };
    }
}
