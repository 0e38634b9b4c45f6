using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Reads a <c>Retry-After</c> header, whatever it holds, without throwing and without waiting forever. The spec
    /// says whole seconds; HTTP also allows a date; Webex has been seen to send <c>rand(30),add(30)</c>, a template
    /// (a random 0-30 s plus 30 s) rather than a value. What each becomes:
    /// <list type="bullet">
    /// <item>whole seconds, <c>0</c> included: that many seconds;</item>
    /// <item>an HTTP date: the time until it, or none when it has passed;</item>
    /// <item>text holding numbers (<c>rand(30),add(30)</c>, <c>1.5</c>): the sum of its numbers, the longest the
    /// template can mean (60 s), so the retry does not come back inside the window;</item>
    /// <item>a negative number, or text with no number: as if there were no Retry-After (the policy's default);</item>
    /// <item>anything over an hour (a huge number, a far date): an hour, so no request and no gate waits longer.</item>
    /// </list>
    /// </summary>
    internal static class RetryAfterParser
    {
        /// <summary>The longest wait a Retry-After can ask for.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

        private static readonly Regex Numbers = new Regex(@"\d+(?:\.\d+)?", RegexOptions.CultureInvariant);
        private static readonly Regex Negative = new Regex(@"^\s*-\s*\d", RegexOptions.CultureInvariant);

        /// <summary>The wait <paramref name="response"/>'s Retry-After asks for; null without one that can be read.</summary>
        public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
        {
            // The typed value first: .NET parsed it (whole seconds or a date); the raw text only when it could not.
            var typed = response.Headers.RetryAfter;
            if (typed?.Delta is TimeSpan delta)
            {
                return delta > Longest ? Longest : delta;
            }

            if (typed?.Date is DateTimeOffset date)
            {
                var until = date - now;
                return until > TimeSpan.Zero ? (until > Longest ? Longest : until) : TimeSpan.Zero;
            }

            return response.Headers.TryGetValues("Retry-After", out var values) ? Parse(string.Join(",", values.ToArray()), now) : null;
        }

        /// <summary>The wait a Retry-After value asks for (see the type's summary); null when it asks for none that can be read.</summary>
        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text) || Negative.IsMatch(text!))
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Bounded(seconds);
            }

            // Only HTTP's own date form: a looser parse would read "1.5" as the fifth of January.
            if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var until = date - now;
                return until > TimeSpan.Zero ? (until > Longest ? Longest : until) : TimeSpan.Zero;
            }

            var numbers = Numbers.Matches(text!).Cast<Match>().Select(match => double.Parse(match.Value, CultureInfo.InvariantCulture)).ToList();
            return numbers.Count == 0 ? (TimeSpan?)null : Bounded(numbers.Sum());
        }

        private static TimeSpan Bounded(double seconds) =>
            seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// Thrown by the retry handler for a request it does not send: the connection's rate-limit gate stays closed
    /// longer than the request may wait. The client turns it into a <see cref="WebexErrorKind.RateLimited"/> error.
    /// </summary>
    internal sealed class RateLimitGateClosedException : Exception
    {
        public RateLimitGateClosedException(TimeSpan remaining, TimeSpan budget)
            : base("Not sent: an earlier 429 on this connection closed its rate-limit gate for another "
                + Math.Ceiling(remaining.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s, longer than this request may wait (MaxRetryWaitSec "
                + Math.Ceiling(budget.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s)")
        {
            Remaining = remaining;
        }

        /// <summary>How long the gate stays closed.</summary>
        public TimeSpan Remaining { get; }
    }
}
