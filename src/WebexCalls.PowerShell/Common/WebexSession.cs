using System.Threading;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The one Webex Calling connection of the process. Static, so every runspace (ForEach-Object -Parallel, thread
    /// jobs) sees the connection made in any of them; swapped atomically, so a reader never sees half of one.
    /// </summary>
    internal static class WebexSession
    {
        private static Entry? _current;

        public static Entry? Current => Volatile.Read(ref _current);

        // The replaced connection is not disposed: a request still running in another runspace may be using its
        // HTTP stack; the garbage collector frees it once nothing does.
        public static void Set(WebexCallsConnection connection, WebexConnectionInfo info) =>
            Volatile.Write(ref _current, new Entry(connection, info));

        /// <summary>Forgets the connection; returns false when there was none.</summary>
        public static bool Clear()
        {
            return Interlocked.Exchange(ref _current, null) != null;
        }

        internal sealed class Entry
        {
            public Entry(WebexCallsConnection connection, WebexConnectionInfo info)
            {
                Connection = connection;
                Info = info;
            }

            public WebexCallsConnection Connection { get; }

            public WebexConnectionInfo Info { get; }
        }
    }
}
