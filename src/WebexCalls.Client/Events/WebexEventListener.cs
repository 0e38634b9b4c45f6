using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Events
{
    /// <summary>A delivery the listener refused, and why: for the warning a receiver writes.</summary>
    public sealed class RefusedDelivery
    {
        internal RefusedDelivery(int statusCode, WebexEventProblem problem, string reason, string? remote)
        {
            StatusCode = statusCode;
            Problem = problem;
            Reason = reason;
            Remote = remote;
        }

        /// <summary>What the sender was answered: 401 for a signature, 400 for a body that is not an event.</summary>
        public int StatusCode { get; }

        /// <summary>What was wrong.</summary>
        public WebexEventProblem Problem { get; }

        /// <summary>In words, without the secret.</summary>
        public string Reason { get; }

        /// <summary>Who sent it (address and port), when known.</summary>
        public string? Remote { get; }
    }

    /// <summary>
    /// Receives Webex webhook deliveries on an <see cref="HttpListener"/> prefix (no other dependency): each POST is
    /// read, its signature checked when a secret was given, and answered at once (200, or 401 for a bad or missing
    /// signature, 400 for a body that is not an event, 405 for another method), before its event is handed on, so Webex
    /// never waits on the consumer. An event delivered twice is handed on once. Deliveries are handled concurrently.
    /// </summary>
    public sealed class WebexEventListener : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly byte[]? _key;
        private readonly EventDeduplicator _duplicates = new EventDeduplicator();
        private Action<WebexCallEvent>? _received;
        private Action<RefusedDelivery>? _refused;
        private Action<Exception>? _faulted;
        private Task? _accepting;
        private int _stopped;

        /// <summary>
        /// Creates a listener on <paramref name="prefix"/> (an HttpListener prefix such as <c>http://127.0.0.1:8080/webex/</c>,
        /// ending in a slash); <paramref name="key"/> is the secret's UTF-8 bytes, or null to accept unsigned deliveries.
        /// The key is copied; the caller may clear its own.
        /// </summary>
        public WebexEventListener(string prefix, byte[]? key)
        {
            _listener.Prefixes.Add(prefix ?? throw new ArgumentNullException(nameof(prefix)));
            _key = key is null || key.Length == 0 ? null : (byte[])key.Clone();
        }

        /// <summary>How many deliveries were accepted (answered 200), for benchmarks and -Verbose.</summary>
        public int Deliveries => Volatile.Read(ref _deliveries);

        /// <summary>How many were the same event again, answered 200 and not handed on.</summary>
        public int Duplicates => Volatile.Read(ref _duplicateCount);

        private int _deliveries;
        private int _duplicateCount;

        /// <summary>
        /// Starts listening. <paramref name="received"/> hears each new event, <paramref name="refused"/> each refused
        /// delivery, and <paramref name="faulted"/> a failure of the listener itself (it then stops); all from worker threads.
        /// Throws <see cref="HttpListenerException"/> when the prefix cannot be listened on.
        /// </summary>
        public void Start(Action<WebexCallEvent> received, Action<RefusedDelivery> refused, Action<Exception> faulted)
        {
            _received = received ?? throw new ArgumentNullException(nameof(received));
            _refused = refused ?? throw new ArgumentNullException(nameof(refused));
            _faulted = faulted ?? throw new ArgumentNullException(nameof(faulted));
            _listener.Start();
            _accepting = Task.Run(AcceptAsync);
        }

        /// <summary>Stops listening; deliveries still being read are dropped.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
            {
                try
                {
                    _listener.Close();
                }
                catch (ObjectDisposedException)
                {
                    // Already closed.
                }

                if (_key != null)
                {
                    Array.Clear(_key, 0, _key.Length);
                }
            }
        }

        private async Task AcceptAsync()
        {
            while (Volatile.Read(ref _stopped) == 0)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    if (Volatile.Read(ref _stopped) == 0)
                    {
                        _faulted!(ex);
                    }

                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var response = context.Response;
            string? remote = null;
            try
            {
                // Read before the answer: once the response is closed, the request's endpoint may be gone.
                remote = context.Request.RemoteEndPoint?.ToString();
                if (!string.Equals(context.Request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    response.AddHeader("Allow", "POST");
                    Answer(response, 405);
                    return;
                }

                byte[] body;
                using (var buffer = new MemoryStream())
                {
                    await context.Request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
                    body = buffer.ToArray();
                }

                WebexCallEvent callEvent;
                try
                {
                    if (_key != null)
                    {
                        WebexEventReader.Verify(body, context.Request.Headers[WebexEventReader.SignatureHeader], _key);
                    }

                    callEvent = WebexEventReader.Read(body, DateTimeOffset.UtcNow);
                }
                catch (WebexEventException ex)
                {
                    var status = ex.Problem == WebexEventProblem.NotAnEvent ? 400 : 401;
                    Answer(response, status);
                    _refused!(new RefusedDelivery(status, ex.Problem, ex.Message, remote));
                    return;
                }

                Interlocked.Increment(ref _deliveries);
                Answer(response, 200);
                if (_duplicates.IsFirst(callEvent))
                {
                    _received!(callEvent);
                }
                else
                {
                    Interlocked.Increment(ref _duplicateCount);
                }
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                // The sender went away mid-delivery, or the listener is stopping: Webex retries what it did not get answered.
            }
        }

        private static void Answer(HttpListenerResponse response, int status)
        {
            response.StatusCode = status;
            response.ContentLength64 = 0;
            response.Close();
        }
    }
}
