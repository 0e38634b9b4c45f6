using System;
using System.Collections.Concurrent;
using System.Globalization;
using WebexCalls.Client.Http;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Collects request events, which may arrive on any thread, for the cmdlet to write on the pipeline thread, the
    /// only thread where WriteVerbose, WriteDebug and WriteProgress may be called.
    /// </summary>
    internal sealed class QueuedRequestObserver : IWebexRequestObserver
    {
        private const int MaxDebugBodyLength = 2000;
        private long _waitingUntilTicks;

        /// <summary>Set by the cmdlet when its debug stream is listening; bodies are decoded for the log only then.</summary>
        public bool WantsBodies { get; set; }

        public ConcurrentQueue<(bool IsVerbose, string Text)> Messages { get; } = new ConcurrentQueue<(bool, string)>();

        /// <summary>Called, on any thread, after something was queued: the cmdlet wakes its pipeline thread with it.</summary>
        public Action? Changed { get; set; }

        /// <summary>Until when a retry is waiting (for the cmdlet's progress bar), and why; default when none is.</summary>
        public (DateTimeOffset Until, string Reason) Waiting { get; private set; }

        public void RequestSending(string method, string path, string? body)
        {
            Messages.Enqueue((false, method + " " + path + (body is null ? string.Empty : " body: " + Shorten(body))));
            Changed?.Invoke();
        }

        public void ResponseReceived(string method, string path, int? statusCode, TimeSpan elapsed, string? trackingId, string? body)
        {
            var status = statusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response";
            Messages.Enqueue((true, string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} -> {2} in {3:0} ms (trackingId {4})",
                method, path, status, elapsed.TotalMilliseconds, trackingId ?? "none")));
            if (body != null)
            {
                Messages.Enqueue((false, method + " " + path + " response body: " + Shorten(body)));
            }

            Changed?.Invoke();
        }

        public void RetryWaiting(string method, string path, string cause, TimeSpan wait, string waitSource, int nextTry, int maxTries)
        {
            // Reads like: 429 on GET /telephony/calls, waiting 12 s (Retry-After) before try 2 of 6.
            var seconds = wait.TotalSeconds >= 1
                ? Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s"
                : ((int)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
            Messages.Enqueue((true, cause + " on " + method + " " + path + ", waiting " + seconds + " (" + waitSource + ") before try " + nextTry + " of " + maxTries + "."));
            var until = DateTimeOffset.UtcNow + wait;
            if (until.UtcTicks > System.Threading.Interlocked.Read(ref _waitingUntilTicks))
            {
                System.Threading.Interlocked.Exchange(ref _waitingUntilTicks, until.UtcTicks);
                Waiting = (until, method + " " + path + ": " + cause);
            }

            Changed?.Invoke();
        }

        private static string Shorten(string text) =>
            text.Length <= MaxDebugBodyLength ? text : text.Substring(0, MaxDebugBodyLength) + "...";
    }
}
