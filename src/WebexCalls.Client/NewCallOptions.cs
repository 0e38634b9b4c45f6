namespace WebexCalls.Client
{
    /// <summary>
    /// Where a call that an operation starts (dial, retrieve, pickup, barge-in, pull) alerts first.
    /// </summary>
    public sealed class NewCallOptions
    {
        /// <summary>The device or application to alert, from Webex's Get Preferred Answer Endpoint; null for all the user's devices.</summary>
        public string? EndpointId { get; set; }

        /// <summary>The Single Number Reach number to alert instead; mutually exclusive with <see cref="EndpointId"/>.</summary>
        public string? SingleNumberReachNumber { get; set; }
    }
}
