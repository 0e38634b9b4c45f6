namespace WebexCalls
{
    /// <summary>
    /// A party of a call (the spec's PartyInformation): the remote party, a redirecting party or a park recall party.
    /// </summary>
    public sealed class RemoteParty
    {
        /// <summary>The party's name; absent when unknown or private.</summary>
        public string? Name { get; internal set; }

        /// <summary>The party's number: digits or a URI; absent when unknown or private.</summary>
        public string? Number { get; internal set; }

        /// <summary>The party's person ID, when available and not private.</summary>
        public string? PersonId { get; internal set; }

        /// <summary>The party's place ID, when available and not private.</summary>
        public string? PlaceId { get; internal set; }

        /// <summary>The party's SIP address: from sipAddress, else from a number that is a sip: URI or user@host.</summary>
        public string? SipAddress { get; internal set; }

        /// <summary>True when the party's name, number and IDs are private.</summary>
        public bool PrivacyEnabled { get; internal set; }

        /// <summary>Where the party is relative to the user's organisation.</summary>
        public CallType CallType { get; internal set; }

        /// <summary>The call type exactly as the server sent it.</summary>
        public string? RawCallType { get; internal set; }

        /// <summary>Reads like <c>Jane Doe &lt;+14085550100&gt;</c>, or whichever part is known.</summary>
        public override string ToString()
        {
            var address = Number ?? SipAddress;
            if (!string.IsNullOrEmpty(Name) && !string.IsNullOrEmpty(address))
            {
                return Name + " <" + address + ">";
            }

            if (!string.IsNullOrEmpty(Name))
            {
                return Name!;
            }

            if (!string.IsNullOrEmpty(address))
            {
                return address!;
            }

            return PrivacyEnabled ? "(private)" : "(unknown)";
        }
    }
}
