using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The Webex Calling connections of the process. Static, so every runspace (ForEach-Object -Parallel, thread jobs)
    /// sees a connection made in any of them. The most recent is current: cmdlets use it unless given -Connection, or
    /// an object read through another one.
    /// </summary>
    internal static class WebexSession
    {
        private static readonly object Gate = new object();
        private static readonly List<WebexCallingConnection> Connections = new List<WebexCallingConnection>();
        private static WebexCallingConnection? _current;

        public static WebexCallingConnection? Current
        {
            get
            {
                lock (Gate)
                {
                    return _current;
                }
            }
        }

        public static IReadOnlyList<WebexCallingConnection> All
        {
            get
            {
                lock (Gate)
                {
                    return Connections.ToList();
                }
            }
        }

        /// <summary>Keeps <paramref name="connection"/> and makes it current.</summary>
        public static void Add(WebexCallingConnection connection)
        {
            lock (Gate)
            {
                Connections.Add(connection);
                _current = connection;
            }
        }

        /// <summary>The connection with this id, while it is kept; null after Disconnect-WebexCalling.</summary>
        public static WebexCallingConnection? Find(string id)
        {
            lock (Gate)
            {
                return Connections.FirstOrDefault(connection => connection.Id == id);
            }
        }

        // A forgotten connection is not disposed: a request still running in another runspace may be using its HTTP
        // stack; the garbage collector frees it once nothing does. Its token is gone with it.
        public static bool Remove(WebexCallingConnection connection)
        {
            lock (Gate)
            {
                // When the current one goes, the newest left becomes current, as "the most recent is current" says.
                var removed = Connections.Remove(connection);
                if (ReferenceEquals(_current, connection))
                {
                    _current = Connections.LastOrDefault();
                }

                return removed;
            }
        }

        /// <summary>Forgets every connection; returns how many there were.</summary>
        public static int Clear()
        {
            lock (Gate)
            {
                var count = Connections.Count;
                Connections.Clear();
                _current = null;
                return count;
            }
        }
    }
}
