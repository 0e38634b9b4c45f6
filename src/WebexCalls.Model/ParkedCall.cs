
namespace WebexCalls
{
    /// <summary>
    /// A call that Park put aside: which call it was and where it is parked (Park's <c>parkedAgainst</c>). Its
    /// <see cref="Number"/> is what Retrieve takes, so <c>$parked | Invoke-WebexRetrieve</c> brings the call back.
    /// </summary>
    public sealed class ParkedCall
    {
        /// <summary>Creates a parked call record.</summary>
        public ParkedCall(string callId, RemoteParty? parkedAgainst, CallScope scope)
        {
            CallId = callId;
            ParkedAgainst = parkedAgainst;
            LineOwnerIdValue = scope?.LineOwnerId;
            MemberIdValue = scope?.MemberId;
            OrgIdValue = scope?.OrgId;
        }

        /// <summary>The id the call had before it was parked; it is no longer among the user's active calls.</summary>
        public string CallId { get; }

        /// <summary>Where the call is parked: a user, workspace or park extension (the spec's PartyInformation).</summary>
        public RemoteParty? ParkedAgainst { get; }

        /// <summary>The number the call is parked against: the destination Retrieve takes.</summary>
        public string? Number => ParkedAgainst?.Number;

        /// <summary>The secondary line's owner the call was parked from, when one was given; Retrieve reuses it.</summary>
        public string? LineOwnerId => LineOwnerIdValue;

        /// <summary>The member the call was parked for in admin mode; Retrieve reuses it.</summary>
        public string? MemberId => MemberIdValue;

        /// <summary>The member's organisation, when one was given.</summary>
        public string? OrgId => OrgIdValue;

        internal string? LineOwnerIdValue { get; set; }

        internal string? MemberIdValue { get; set; }

        internal string? OrgIdValue { get; set; }

        /// <summary>The connection this was read through (see WebexHttpConnection.Id); cmdlets given it act through the same one.</summary>
        public string? ConnectionId { get; internal set; }

        /// <summary>Reads like <c>parked against Front Desk &lt;1000&gt;</c>.</summary>
        public override string ToString() => "parked against " + (ParkedAgainst?.ToString() ?? "(unknown)");
    }
}
