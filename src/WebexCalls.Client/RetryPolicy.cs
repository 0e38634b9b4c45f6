using System;

namespace WebexCalls.Client
{
    /// <summary>
    /// How a connection survives Webex's rate limits and transient faults: how often and how long it retries, and how
    /// long one attempt may take. What is retried follows Webex's semantics: 429 and 423 mean "not processed", so they
    /// are retried for every method after <c>Retry-After</c>; a failure before the request left is retried for every
    /// method; a 5xx, 408, timeout or broken connection after sending is retried only for GET, because a POST may have
    /// been carried out (a retried dial would place a second call).
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>The defaults: 5 retries, 5 minutes of waiting in all, 100 seconds per attempt.</summary>
        public static RetryPolicy Default { get; } = new RetryPolicy();

        /// <summary>How many times one request may be retried (0 turns retrying off).</summary>
        public int MaxRetryCount { get; set; } = 5;

        /// <summary>
        /// The most one request may spend waiting between tries, in all. Webex's Retry-After can be 60 seconds and
        /// more, so the default is 5 minutes, not the 30 seconds common in libraries; a Retry-After longer than what is
        /// left fails at once with the wait Webex asked for.
        /// </summary>
        public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>How long one attempt may take before it counts as a timeout.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>
        /// The wait after a 429 or 423 that has no Retry-After: 5 seconds, as wxc_sdk waits (WebexPythonSDK waits 15);
        /// the short one, doubled at each further try, finds the window sooner without hammering.
        /// </summary>
        public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The first backoff after a transient fault; it doubles at each try, with jitter, up to 30 seconds.</summary>
        public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

        internal static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(30);
    }
}
