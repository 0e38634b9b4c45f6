namespace WebexCalls
{
    /// <summary>Recall details of an incoming call (the spec's RecallInformation).</summary>
    public sealed class Recall
    {
        /// <summary>The kind of recall; only Park exists today.</summary>
        public RecallType Type { get; internal set; }

        /// <summary>The recall type exactly as the server sent it.</summary>
        public string? RawType { get; internal set; }

        /// <summary>For a park recall, where the call was parked.</summary>
        public RemoteParty? Party { get; internal set; }

        /// <summary>Reads like <c>park against Jane Doe &lt;1234&gt;</c>.</summary>
        public override string ToString() => RawType + (Party is null ? string.Empty : " against " + Party);
    }
}
