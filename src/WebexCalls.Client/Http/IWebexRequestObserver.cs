using System;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Hears about each request a <see cref="WebexCallsClient"/> makes, for logging. It is never given headers, so
    /// the token cannot reach it. Calls may arrive on any thread.
    /// </summary>
    public interface IWebexRequestObserver
    {
        /// <summary>
        /// True when the observer shows request and response bodies (PowerShell's debug stream is listening). The
        /// client turns bodies into text only then: decoding every response for nobody was about a fifth of the
        /// allocations of a 10,000-call list. Read before each request, so it may change between requests.
        /// </summary>
        bool WantsBodies { get; }

        /// <summary>A request is about to be sent; <paramref name="body"/> is its JSON body, if any and if <see cref="WantsBodies"/>.</summary>
        void RequestSending(string method, string path, string? body);

        /// <summary>
        /// A request has ended: <paramref name="statusCode"/> is null when no response came, and
        /// <paramref name="trackingId"/> is Webex's (or, failing that, the one the client sent); <paramref name="body"/>
        /// is the response body as text, if any and if <see cref="WantsBodies"/>.
        /// </summary>
        void ResponseReceived(string method, string path, int? statusCode, TimeSpan elapsed, string? trackingId, string? body);

        /// <summary>
        /// A request will be tried again after <paramref name="wait"/>: <paramref name="cause"/> says what happened ("429",
        /// "503", "timed out"), <paramref name="waitSource"/> where the wait comes from ("Retry-After", "default",
        /// "backoff", "the connection's rate limit"), and <paramref name="nextTry"/> is the try that follows, of at most
        /// <paramref name="maxTries"/>.
        /// </summary>
        void RetryWaiting(string method, string path, string cause, TimeSpan wait, string waitSource, int nextTry, int maxTries);
    }
}
