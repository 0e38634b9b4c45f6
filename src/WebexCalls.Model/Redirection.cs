namespace WebexCalls
{
    /// <summary>One earlier redirection of an incoming call (the spec's RedirectionInformation).</summary>
    public sealed class Redirection
    {
        /// <summary>Why the call was redirected.</summary>
        public RedirectionReason Reason { get; internal set; }

        /// <summary>The reason exactly as the server sent it.</summary>
        public string? RawReason { get; internal set; }

        /// <summary>Who redirected the call.</summary>
        public RemoteParty? RedirectingParty { get; internal set; }

        /// <summary>Reads like <c>NoAnswer by Jane Doe &lt;1234&gt;</c>.</summary>
        public override string ToString() => RawReason + (RedirectingParty is null ? string.Empty : " by " + RedirectingParty);
    }
}
