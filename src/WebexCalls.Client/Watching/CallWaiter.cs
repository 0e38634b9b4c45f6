using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Watching
{
    /// <summary>How a wait for a call's state ended.</summary>
    public enum CallWaitOutcome
    {
        /// <summary>The call reached one of the states.</summary>
        Reached,
        /// <summary>The call ended first (Webex no longer knows it).</summary>
        Ended,
        /// <summary>The time ran out; the call is as last read.</summary>
        TimedOut,
    }

    /// <summary>How a wait ended, and the call as last read.</summary>
    public sealed class CallWaitResult
    {
        internal CallWaitResult(CallWaitOutcome outcome, CallSession call)
        {
            Outcome = outcome;
            Call = call;
        }

        /// <summary>Reached, Ended or TimedOut.</summary>
        public CallWaitOutcome Outcome { get; }

        /// <summary>The call as last read; for Ended, as last seen alive (or as given, when never read).</summary>
        public CallSession Call { get; }
    }

    /// <summary>Waits, by polling one call's details, until the call reaches a state, ends, or time runs out.</summary>
    public static class CallWaiter
    {
        /// <summary>
        /// Reads the call every <paramref name="pollInterval"/> (by id, else by call session, as for a new call) until
        /// its state is one of <paramref name="states"/>. <paramref name="known"/>, when it is a reading already taken,
        /// is checked first and saves one request. <paramref name="onRead"/> hears each reading, for progress.
        /// </summary>
        public static async Task<CallWaitResult> WaitForStateAsync(
            this WebexCallsClient client, CallSession known, bool knownIsFresh, CallScope scope, IReadOnlyCollection<CallState> states,
            TimeSpan pollInterval, TimeSpan timeout, Action<CallSession, TimeSpan>? onRead, CancellationToken cancellationToken)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            var call = known ?? throw new ArgumentNullException(nameof(known));
            var clock = Stopwatch.StartNew();
            var fresh = knownIsFresh;
            while (true)
            {
                if (!fresh)
                {
                    try
                    {
                        call = await client.GetNewCallAsync(new DialResult(call.Id, call.CallSessionId ?? string.Empty), scope, cancellationToken).ConfigureAwait(false);
                    }
                    catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.NotFound)
                    {
                        return new CallWaitResult(CallWaitOutcome.Ended, call);
                    }
                }

                fresh = false;
                if (Contains(states, call.State))
                {
                    return new CallWaitResult(CallWaitOutcome.Reached, call);
                }

                onRead?.Invoke(call, clock.Elapsed);
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return new CallWaitResult(CallWaitOutcome.TimedOut, call);
                }

                await Task.Delay(left < pollInterval ? left : pollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool Contains(IReadOnlyCollection<CallState> states, CallState state)
        {
            foreach (var each in states)
            {
                if (each == state)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
