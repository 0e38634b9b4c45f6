using System;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// One per connection, shared by every runspace and fan-out worker: when any request meets a 429 (or 423), the gate
    /// closes until its Retry-After has passed, and every request on the connection waits at it instead of collecting a
    /// 429 of its own.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private readonly Func<DateTimeOffset> _clock;
        private long _openAtTicks;

        public RateLimitGate(Func<DateTimeOffset>? clock = null) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

        /// <summary>When the gate opens again; now or earlier when it is open.</summary>
        public DateTimeOffset OpensAt => new DateTimeOffset(Interlocked.Read(ref _openAtTicks), TimeSpan.Zero);

        /// <summary>Closes the gate until <paramref name="until"/>, unless it is already closed for longer.</summary>
        public void CloseUntil(DateTimeOffset until)
        {
            var ticks = until.UtcTicks;
            long seen;
            while ((seen = Interlocked.Read(ref _openAtTicks)) < ticks && Interlocked.CompareExchange(ref _openAtTicks, ticks, seen) != seen)
            {
                // Another request moved it; read it again.
            }
        }

        /// <summary>How long a request would wait now.</summary>
        public TimeSpan WaitNow()
        {
            var wait = OpensAt - _clock();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        /// <summary>Waits until the gate is open; Ctrl+C (the token) ends the wait at once.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            while ((wait = WaitNow()) > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
