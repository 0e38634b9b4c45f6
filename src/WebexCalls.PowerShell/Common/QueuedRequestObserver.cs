using System;
using System.Collections.Concurrent;
using System.Globalization;
using WebexCalls.Client.Http;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Collects request events, which may arrive on any thread, for the cmdlet to write on the pipeline thread, the
    /// only thread where WriteVerbose and WriteDebug may be called.
    /// </summary>
    internal sealed class QueuedRequestObserver : IWebexRequestObserver
    {
        private const int MaxDebugBodyLength = 2000;

        public ConcurrentQueue<(bool IsVerbose, string Text)> Messages { get; } = new ConcurrentQueue<(bool, string)>();

        public void RequestSending(string method, string path, string? body)
        {
            Messages.Enqueue((false, method + " " + path + (body is null ? string.Empty : " body: " + Shorten(body))));
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
        }

        private static string Shorten(string text) =>
            text.Length <= MaxDebugBodyLength ? text : text.Substring(0, MaxDebugBodyLength) + "...";
    }
}
