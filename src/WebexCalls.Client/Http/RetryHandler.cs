using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Retries what Webex's semantics allow, and nothing else (see <see cref="RetryPolicy"/>): 429 and 423 after
    /// Retry-After through the connection's <see cref="RateLimitGate"/>, for every method; a request that provably
    /// never left, for every method; a 5xx, 408, timeout or broken connection after sending, only for GET. Each attempt
    /// has its own timeout (the HttpClient's is infinite, or it would span all the tries), every retry keeps the
    /// request's TrackingID, and every wait ends at once on Ctrl+C.
    /// </summary>
    /// <remarks>
    /// A hand-written handler rather than Microsoft.Extensions.Http.Resilience or Polly: measured on the simulator,
    /// the former retried a dial after a 500 (a second call), never retried 423, gave up on Retry-After 45 at its 30 s
    /// total, adds 18 to 27 DLLs and has no connection-wide gate; Polly.Core 8.x always carries assembly version
    /// 8.0.0.0, so another module's older copy would load silently, and the gate and predicates would still be ours.
    /// </remarks>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private static readonly object JitterGate = new object();
        private static readonly Random Jitter = new Random();
        private readonly RetryPolicy _policy;
        private readonly RateLimitGate _gate;

        public RetryHandler(RetryPolicy policy, RateLimitGate gate)
        {
            _policy = policy;
            _gate = gate;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = WebexRequestContext.Of(request);
            var observer = context?.Observer;
            var path = context?.DisplayPath ?? request.RequestUri?.AbsolutePath ?? string.Empty;
            var isGet = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var waited = TimeSpan.Zero;

            for (var attempt = 1; ; attempt++)
            {
                var gateWait = _gate.WaitNow();
                if (gateWait > TimeSpan.Zero && waited + gateWait > _policy.MaxRetryWait)
                {
                    // The gate keeps the request's own budget: a Retry-After longer than the budget fails at once,
                    // for the request that met it and for every request after it until the gate opens.
                    throw new RateLimitGateClosedException(gateWait, _policy.MaxRetryWait);
                }

                if (gateWait > TimeSpan.Zero)
                {
                    // Another request on this connection met a 429: wait with it rather than collect one of our own.
                    observer?.RetryWaiting(request.Method.Method, path, "another request's 429", gateWait, "the connection's rate limit", attempt, _policy.MaxRetryCount + 1);
                    await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    waited += gateWait;
                }

                var message = attempt == 1 ? request : RequestCopy.Of(request, body);
                HttpResponseMessage? response = null;
                Exception? failure = null;
                var notSent = false;
                using (var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attemptCancellation.CancelAfter(_policy.AttemptTimeout);
                    try
                    {
                        response = await base.SendAsync(message, attemptCancellation.Token).ConfigureAwait(false);

                        // Read the body here, inside the attempt, so that a body cut off halfway is this attempt's
                        // failure (retried for a GET), not an error after the retries are over.
                        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        failure = new TimeoutException("No response within " + _policy.AttemptTimeout.TotalSeconds + " seconds");
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
                    {
                        response?.Dispose();
                        response = null;
                        failure = ex;
                        notSent = IsProvablyNotSent(ex);
                    }
                }

                var (retry, wait, cause, source) = Decide(response, failure, notSent, isGet, attempt);
                if (retry && attempt <= _policy.MaxRetryCount && waited + wait <= _policy.MaxRetryWait)
                {
                    observer?.RetryWaiting(request.Method.Method, path, cause, wait, source, attempt + 1, _policy.MaxRetryCount + 1);
                    response?.Dispose();
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    waited += wait;
                    continue;
                }

                if (response != null)
                {
                    return response;
                }

                // Classified here, once, where it is known whether it ever left; the client reads the context.
                if (context != null)
                {
                    context.Failure = TransportFailure.Of(failure!, notSent);
                }

                throw failure!;
            }
        }

        private (bool Retry, TimeSpan Wait, string Cause, string Source) Decide(HttpResponseMessage? response, Exception? failure, bool notSent, bool isGet, int attempt)
        {
            if (response != null)
            {
                var status = (int)response.StatusCode;
                if (status == 429 || status == 423)
                {
                    // Not processed, says Webex: safe to send again, whatever the method.
                    var asked = RetryAfterParser.Read(response, DateTimeOffset.UtcNow);
                    var wait = asked ?? Scale(_policy.DefaultRetryAfter, attempt);
                    _gate.CloseUntil(DateTimeOffset.UtcNow + wait);
                    return (true, wait, status.ToString(System.Globalization.CultureInfo.InvariantCulture), asked is null ? "no Retry-After: the default" : "Retry-After");
                }

                // A 503's Retry-After is not documented by Webex to mean "not processed", so a POST is not retried.
                var transient = status == 500 || status == 502 || status == 503 || status == 504 || status == 408;
                return transient && isGet
                    ? (true, Backoff(attempt), status.ToString(System.Globalization.CultureInfo.InvariantCulture), "backoff")
                    : (false, TimeSpan.Zero, string.Empty, string.Empty);
            }

            if (notSent)
            {
                // It never left this machine (no connection, no name, no TLS): it cannot have been carried out.
                return (true, Backoff(attempt), "not sent (" + Innermost(failure!).Message + ")", "backoff");
            }

            return isGet
                ? (true, Backoff(attempt), failure is TimeoutException ? "timed out" : "connection broke", "backoff")
                : (false, TimeSpan.Zero, string.Empty, string.Empty);
        }

        private static TimeSpan Scale(TimeSpan first, int attempt) =>
            TimeSpan.FromTicks(first.Ticks * (1L << Math.Min(attempt - 1, 10)));

        private TimeSpan Backoff(int attempt)
        {
            var full = Scale(_policy.BackoffBase, attempt);
            if (full > RetryPolicy.BackoffCap)
            {
                full = RetryPolicy.BackoffCap;
            }

            // Half fixed, half random: clients that failed together do not come back together.
            double random;
            lock (JitterGate)
            {
                random = Jitter.NextDouble();
            }

            return TimeSpan.FromTicks((long)(full.Ticks * (0.5 + (0.5 * random))));
        }

        /// <summary>
        /// True only when the request provably never left: no name resolution, no connection, no TLS, no proxy tunnel.
        /// .NET 8 says so in HttpRequestException.HttpRequestError (read by name: netstandard2.0 cannot see it); older
        /// .NET in a SocketException from connecting; .NET Framework in WebException.Status.
        /// </summary>
        internal static bool IsProvablyNotSent(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is HttpRequestException)
                {
                    var error = e.GetType().GetProperty("HttpRequestError")?.GetValue(e)?.ToString();
                    if (error is "NameResolutionError" or "ConnectionError" or "SecureConnectionError" or "ProxyTunnelError")
                    {
                        return true;
                    }
                }

                if (e is WebException web && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure))
                {
                    return true;
                }

                if (e is SocketException socket && (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound
                    || socket.SocketErrorCode == SocketError.HostUnreachable || socket.SocketErrorCode == SocketError.NetworkUnreachable))
                {
                    return true;
                }
            }

            return false;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }
    }
}
