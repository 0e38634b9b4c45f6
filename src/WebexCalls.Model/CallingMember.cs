namespace WebexCalls
{
    /// <summary>What kind of Webex Calling member a <see cref="CallingMember"/> is.</summary>
    public enum CallingMemberType
    {
        /// <summary>A kind this version does not know.</summary>
        Unknown = 0,
        /// <summary>A person (People API; id type PEOPLE).</summary>
        Person,
        /// <summary>A workspace with Webex Calling (Workspaces API; id type PLACE).</summary>
        Workspace,
        /// <summary>A virtual line (Virtual Lines API).</summary>
        VirtualLine,
    }

    /// <summary>
    /// A person, workspace or virtual line of an organisation that has Webex Calling, as Get-WebexCallingMember
    /// returns it: its <see cref="MemberId"/> is what the Call Controls Members API takes, so it pipes into every call
    /// cmdlet's -MemberId (with its <see cref="OrgId"/> and the connection it was read through).
    /// </summary>
    public sealed class CallingMember
    {
        /// <summary>The id the Members API takes as <c>memberId</c>: a person's, workspace's or virtual line's id.</summary>
        public string MemberId { get; internal set; } = string.Empty;

        /// <summary>Person, Workspace or VirtualLine.</summary>
        public CallingMemberType Type { get; internal set; }

        /// <summary>The name Webex shows.</summary>
        public string? DisplayName { get; internal set; }

        /// <summary>A person's (first) e-mail address; null for workspaces and virtual lines.</summary>
        public string? Email { get; internal set; }

        /// <summary>The primary phone number, when Webex gives one.</summary>
        public string? PhoneNumber { get; internal set; }

        /// <summary>The extension, when Webex gives one.</summary>
        public string? Extension { get; internal set; }

        /// <summary>The Webex Calling location; null for a person without Webex Calling.</summary>
        public string? LocationId { get; internal set; }

        /// <summary>The member's organisation, as Webex gives it (or as asked with -OrgId).</summary>
        public string? OrgId { get; internal set; }

        /// <summary>False for a person Webex knows who has no Webex Calling (no calling location): not a member of the Members API.</summary>
        public bool HasCalling { get; internal set; }

        /// <summary>The connection this was read through; cmdlets given it act through the same one.</summary>
        public string? ConnectionId { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => (DisplayName ?? MemberId) + (Email is null ? string.Empty : " <" + Email + ">");
    }
}
