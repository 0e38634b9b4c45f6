namespace WebexCalls
{
    /// <summary>What Dial answers (201): only the identifiers of the new call.</summary>
    public sealed class DialResult
    {
        /// <summary>Creates a dial result.</summary>
        public DialResult(string callId, string callSessionId)
        {
            CallId = callId;
            CallSessionId = callSessionId;
        }

        /// <summary>The identifier every later action on the call takes.</summary>
        public string CallId { get; }

        /// <summary>The session the call belongs to.</summary>
        public string CallSessionId { get; }
    }
}
