using System.Collections.Generic;

namespace WebexCalls.Client
{
    /// <summary>
    /// Every Conference Controls operation (<c>/telephony/conference</c>), one row each, in the same shape as
    /// <see cref="CallOperations"/>: three families (the user's, a member's, and the token's own user under
    /// <c>members/me</c>), as Cisco's spec (webex-conference-controls.openapi.yml) gives them. Every operation answers 204
    /// but the reads (200 with ConferenceDetails, or <c>{}</c> when there is no conference). <c>lineOwnerId</c> goes in
    /// the body of a POST that has one (start, addParticipant) and in the query of GET, DELETE, hold and resume; the
    /// members family takes <c>orgId</c> in the query instead.
    /// </summary>
    public static class ConferenceOperations
    {
        private const string Root = "/telephony/conference";
        private const string Members = Root + "/members/{memberId}";

        /// <summary>Starts a conference from two or more of the owner's calls.</summary>
        public static readonly CallOperation Start = Row("start", "POST", 204, "callIds, lineOwnerId?", LineOwnerPlacement.Body, Root, Members + "/conference");

        /// <summary>Reads the owner's conference: ConferenceDetails, or <c>{}</c> when there is none.</summary>
        public static readonly CallOperation Details = Row("details", "GET", 200, "lineOwnerId?", LineOwnerPlacement.Query, Root, Members + "/conference");

        /// <summary>Releases the conference: every participant's call ends.</summary>
        public static readonly CallOperation Release = Row("release", "DELETE", 204, "lineOwnerId?", LineOwnerPlacement.Query, Root, Members + "/conference");

        /// <summary>Adds one of the owner's calls to the conference.</summary>
        public static readonly CallOperation AddParticipant = Row("addParticipant", "POST", 204, "callId, lineOwnerId?", LineOwnerPlacement.Body, Root + "/addParticipant", Members + "/addParticipant");

        /// <summary>Mutes a participant, or the host when no call id is sent.</summary>
        public static readonly CallOperation Mute = Row("mute", "POST", 204, "callId?", LineOwnerPlacement.None, Root + "/mute", Members + "/mute");

        /// <summary>Unmutes a participant, or the host when no call id is sent.</summary>
        public static readonly CallOperation Unmute = Row("unmute", "POST", 204, "callId?", LineOwnerPlacement.None, Root + "/unmute", Members + "/unmute");

        /// <summary>Stops sending the conference's media to a participant.</summary>
        public static readonly CallOperation Deafen = Row("deafen", "POST", 204, "callId", LineOwnerPlacement.None, Root + "/deafen", Members + "/deafen");

        /// <summary>Sends the conference's media to a participant again.</summary>
        public static readonly CallOperation Undeafen = Row("undeafen", "POST", 204, "callId", LineOwnerPlacement.None, Root + "/undeafen", Members + "/undeafen");

        /// <summary>The host leaves the conference (held); the others go on.</summary>
        public static readonly CallOperation Hold = Row("hold", "POST", 204, "lineOwnerId?", LineOwnerPlacement.Query, Root + "/hold", Members + "/hold");

        /// <summary>The host rejoins the conference.</summary>
        public static readonly CallOperation Resume = Row("resume", "POST", 204, "lineOwnerId?", LineOwnerPlacement.Query, Root + "/resume", Members + "/resume");

        /// <summary>Supervisor mode: the supervisor joins as a full participant (members and me only).</summary>
        public static readonly CallOperation BargeIn = Row("bargeIn", "POST", 204, string.Empty, LineOwnerPlacement.None, null, Members + "/bargeIn");

        /// <summary>Supervisor mode: the supervisor listens unheard (members and me only).</summary>
        public static readonly CallOperation SilentMonitor = Row("silentMonitor", "POST", 204, string.Empty, LineOwnerPlacement.None, null, Members + "/silentMonitor");

        /// <summary>Supervisor mode: only the agent hears the supervisor (members and me only).</summary>
        public static readonly CallOperation SupervisorCoach = Row("supervisorCoach", "POST", 204, string.Empty, LineOwnerPlacement.None, null, Members + "/supervisorCoach");

        /// <summary>Every Conference Controls operation.</summary>
        public static IReadOnlyList<CallOperation> All { get; } = new[]
        {
            Start, Details, Release, AddParticipant, Mute, Unmute, Deafen, Undeafen, Hold, Resume, BargeIn, SilentMonitor, SupervisorCoach,
        };

        // The supervisor modes have no user route: the token's own user acts through members/me. The others' me routes
        // mirror the user's (the spec has both); the client uses the user's.
        private static CallOperation Row(string name, string method, int status, string body, LineOwnerPlacement lineOwner, string? userPath, string memberPath) =>
            new CallOperation("conference", name, method, status, body, lineOwner, userPath, memberPath,
                userPath is null ? memberPath.Replace("{memberId}", "me") : null);
    }
}
