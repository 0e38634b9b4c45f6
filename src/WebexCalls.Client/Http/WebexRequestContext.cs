using System;
using System.Net.Http;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Everything the handlers and the client know about one request, in one typed object that travels with it (in
    /// place of string-keyed request properties): what it is (the operation, whose calls, the path as logs show it),
    /// who hears about it (the observer), and what the handlers learnt on the way (the TrackingID sent, and, when it
    /// failed without an answer, how: classified once, by the retry handler that saw the failure).
    /// </summary>
    internal sealed class WebexRequestContext
    {
        private const string Key = "WebexCalls.RequestContext";

        public WebexRequestContext(string operationName, CallOperation? callOperation, CallScope? scope, string displayPath, string? callId, IWebexRequestObserver? observer)
        {
            OperationName = operationName;
            CallOperation = callOperation;
            Scope = scope;
            DisplayPath = displayPath;
            CallId = callId;
            Observer = observer;
        }

        /// <summary>Webex's name for the operation: <c>hold</c>, <c>people</c>.</summary>
        public string OperationName { get; }

        /// <summary>The Call Controls operation, from <see cref="CallOperations"/>; null for a request outside Call Controls (the directory).</summary>
        public CallOperation? CallOperation { get; }

        /// <summary>Whose calls: the user, a secondary line, or a member; null outside Call Controls.</summary>
        public CallScope? Scope { get; }

        /// <summary>The path as verbose output and errors show it: <c>/telephony/calls/hold</c>.</summary>
        public string DisplayPath { get; }

        /// <summary>The call the request is about, for errors; null when none.</summary>
        public string? CallId { get; }

        /// <summary>Hears about the request, its answer and any retry wait; null when nobody listens.</summary>
        public IWebexRequestObserver? Observer { get; }

        /// <summary>The TrackingID the request carries, set by <see cref="TrackingIdHandler"/> (every retry keeps it).</summary>
        public string? TrackingId { get; set; }

        /// <summary>Why the request got no answer, set by <see cref="RetryHandler"/> when it gives up; null otherwise.</summary>
        public TransportFailure? Failure { get; set; }

        /// <summary>Attaches this context to <paramref name="request"/> (and so to every copy a retry sends).</summary>
        public void AttachTo(HttpRequestMessage request) => request.Properties[Key] = this;

        /// <summary>The context attached to <paramref name="request"/>; null for a request the client did not make.</summary>
        public static WebexRequestContext? Of(HttpRequestMessage request) =>
            request.Properties.TryGetValue(Key, out var value) ? value as WebexRequestContext : null;
    }

    /// <summary>How a request failed without an answer: a timeout or a broken connection, and whether it provably never left.</summary>
    internal sealed class TransportFailure
    {
        private TransportFailure(WebexErrorKind kind, bool neverSent, string reason)
        {
            Kind = kind;
            NeverSent = neverSent;
            Reason = reason;
        }

        /// <summary><see cref="WebexErrorKind.Timeout"/> or <see cref="WebexErrorKind.ConnectionFailed"/>.</summary>
        public WebexErrorKind Kind { get; }

        /// <summary>True only when the request provably never left this machine: it cannot have been carried out.</summary>
        public bool NeverSent { get; }

        /// <summary>What happened, in words, without the server's address (the client adds it).</summary>
        public string Reason { get; }

        /// <summary>Classifies <paramref name="failure"/>: the one place a failure without an answer is given its kind.</summary>
        public static TransportFailure Of(Exception failure, bool neverSent)
        {
            if (failure is TimeoutException || failure is OperationCanceledException)
            {
                // The retry handler times each attempt (TimeoutException); a cancellation nobody asked for is a timeout too.
                return new TransportFailure(WebexErrorKind.Timeout, false, failure is TimeoutException ? failure.Message : "No response in time");
            }

            var innermost = failure;
            while (innermost.InnerException != null)
            {
                innermost = innermost.InnerException;
            }

            return new TransportFailure(WebexErrorKind.ConnectionFailed, neverSent, innermost.Message);
        }
    }
}
