using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexCalls.Client
{
    /// <summary>Where an operation carries <c>lineOwnerId</c>, the owner of a secondary line on the user's device.</summary>
    public enum LineOwnerPlacement
    {
        /// <summary>The operation has no secondary-line form (history, wrap-up).</summary>
        None,

        /// <summary>In the JSON body (every POST).</summary>
        Body,

        /// <summary>In the query string (the GETs).</summary>
        Query,
    }

    /// <summary>
    /// One Webex Calling Call Controls operation, as Cisco's spec defines it: the one row the client builds its
    /// request from, the cmdlets name, and docs/operations.md is rendered from.
    /// </summary>
    public sealed class CallOperation
    {
        private const string Calls = "/telephony/calls";

        internal CallOperation(string name, string method, int successStatus, string body, LineOwnerPlacement lineOwner, bool hasMemberRoute, bool memberRouteConfirmed, bool hasUserRoute = true)
        {
            Family = "calls";
            Name = name;
            Method = method;
            SuccessStatus = successStatus;
            Body = body;
            LineOwner = lineOwner;
            HasMemberRoute = hasMemberRoute;
            MemberRouteConfirmed = memberRouteConfirmed;
            HasUserRoute = hasUserRoute;
            var suffix = name == "calls" ? string.Empty : name == "call" ? "/{callId}" : "/" + name;
            UserPath = hasUserRoute ? Calls + suffix : null;
            MemberPath = !hasMemberRoute ? null : Calls + "/members/{memberId}" + (name == "calls" ? "/calls" : name == "call" ? "/calls/{callId}" : suffix);
        }

        /// <summary>A row of another family (Conference Controls), whose routes do not follow the Call Controls pattern.</summary>
        internal CallOperation(string family, string name, string method, int successStatus, string body, LineOwnerPlacement lineOwner, string? userPath, string? memberPath, string? mePath)
        {
            Family = family;
            Name = name;
            Method = method;
            SuccessStatus = successStatus;
            Body = body;
            LineOwner = lineOwner;
            UserPath = userPath;
            MemberPath = memberPath;
            MePath = mePath;
            HasUserRoute = userPath != null;
            HasMemberRoute = memberPath != null;
            // Conference Controls' members and me routes are all in Cisco's spec (webex-conference-controls.openapi.yml).
            MemberRouteConfirmed = memberPath != null;
        }

        /// <summary>Which API the row belongs to: <c>calls</c> (Call Controls) or <c>conference</c> (Conference Controls).</summary>
        public string Family { get; }

        /// <summary>Webex's name, which is also the last segment of its path: <c>hold</c>, <c>transmitDtmf</c>, <c>calls</c>.</summary>
        public string Name { get; }

        /// <summary><c>GET</c>, <c>POST</c> or <c>DELETE</c>.</summary>
        public string Method { get; }

        /// <summary>What Webex answers when it worked: 204 for most actions, 200 with a body, 201 with a new call's ids.</summary>
        public int SuccessStatus { get; }

        /// <summary>The body's fields (a POST), or the query's (a GET), as the spec names them; <c>?</c> marks an optional one.</summary>
        public string Body { get; }

        /// <summary>Where <c>lineOwnerId</c> goes on the user's route.</summary>
        public LineOwnerPlacement LineOwner { get; }

        /// <summary>Whether the user-level route exists (wrap-up reasons are for members only).</summary>
        public bool HasUserRoute { get; }

        /// <summary>Whether there is a Members API route for it (<c>/telephony/calls/members/{memberId}/...</c>).</summary>
        public bool HasMemberRoute { get; }

        /// <summary>
        /// Whether Cisco's published spec confirms the members route. The others are reported, not confirmed, to
        /// exist, so a bare 404 on them means Webex does not offer them (WebexMembersRouteNotOffered).
        /// </summary>
        public bool MemberRouteConfirmed { get; }

        /// <summary>True when Webex answers with a new call's ids (201): the cmdlet reads the new call back.</summary>
        public bool StartsCall => SuccessStatus == 201;

        /// <summary>The user's route, as the docs show it: <c>/telephony/calls/hold</c>; null when there is none.</summary>
        public string? UserPath { get; }

        /// <summary>The members route, as the docs show it, with <c>{memberId}</c>; null when there is none.</summary>
        public string? MemberPath { get; }

        /// <summary>
        /// The route for the token's own user under the members family (<c>/telephony/conference/members/me/...</c>),
        /// where the operation has no plain user route (the supervisor modes); null otherwise.
        /// </summary>
        public string? MePath { get; }

        /// <inheritdoc />
        public override string ToString() => Method + " " + (UserPath ?? MePath ?? MemberPath);
    }

    /// <summary>
    /// Every Call Controls operation the module performs, one row each. Adding an operation starts here: the client's
    /// routes, the members-route advice and docs/operations.md all read this table.
    /// </summary>
    public static class CallOperations
    {
        private const string Post = "POST";
        private const string Get = "GET";

        /// <summary>Lists the active calls.</summary>
        public static readonly CallOperation List = new CallOperation("calls", Get, 200, "lineOwnerId?", LineOwnerPlacement.Query, true, true);

        /// <summary>Reads one call.</summary>
        public static readonly CallOperation Details = new CallOperation("call", Get, 200, "lineOwnerId?", LineOwnerPlacement.Query, true, true);

        /// <summary>Reads the call history (the members route is not confirmed by the spec).</summary>
        public static readonly CallOperation History = new CallOperation("history", Get, 200, "type?", LineOwnerPlacement.None, true, false);

        /// <summary>Starts a Click to Dial call.</summary>
        public static readonly CallOperation Dial = new CallOperation("dial", Post, 201, "destination, endpointId?, singleNumberReachPhoneNumber?", LineOwnerPlacement.Body, true, true);

        /// <summary>Answers an alerting call.</summary>
        public static readonly CallOperation Answer = new CallOperation("answer", Post, 204, "callId, endpointId?", LineOwnerPlacement.Body, true, true);

        /// <summary>Rejects an unanswered incoming call.</summary>
        public static readonly CallOperation Reject = new CallOperation("reject", Post, 204, "callId, action?", LineOwnerPlacement.Body, true, false);

        /// <summary>Hangs up a call.</summary>
        public static readonly CallOperation Hangup = new CallOperation("hangup", Post, 204, "callId", LineOwnerPlacement.Body, true, true);

        /// <summary>Holds a call.</summary>
        public static readonly CallOperation Hold = new CallOperation("hold", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Resumes a held call.</summary>
        public static readonly CallOperation Resume = new CallOperation("resume", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Mutes a call.</summary>
        public static readonly CallOperation Mute = new CallOperation("mute", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Unmutes a call.</summary>
        public static readonly CallOperation Unmute = new CallOperation("unmute", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Diverts a call elsewhere or to voicemail.</summary>
        public static readonly CallOperation Divert = new CallOperation("divert", Post, 204, "callId, destination?, toVoicemail?", LineOwnerPlacement.Body, true, false);

        /// <summary>Transfers two calls to each other, or one to a destination once it answers (mute transfer, 201).</summary>
        public static readonly CallOperation Transfer = new CallOperation("transfer", Post, 204, "callId1?, callId2?, destination?", LineOwnerPlacement.Body, true, false);

        /// <summary>Parks a call; answers where it was parked.</summary>
        public static readonly CallOperation Park = new CallOperation("park", Post, 200, "callId, destination?, isGroupPark?", LineOwnerPlacement.Body, true, true);

        /// <summary>Retrieves a parked call through a new call.</summary>
        public static readonly CallOperation Retrieve = new CallOperation("retrieve", Post, 201, "destination?, endpointId?, singleNumberReachPhoneNumber?", LineOwnerPlacement.Body, true, false);

        /// <summary>Starts recording a call.</summary>
        public static readonly CallOperation StartRecording = new CallOperation("startRecording", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Stops recording a call.</summary>
        public static readonly CallOperation StopRecording = new CallOperation("stopRecording", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Pauses a call's recording.</summary>
        public static readonly CallOperation PauseRecording = new CallOperation("pauseRecording", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Resumes a call's recording.</summary>
        public static readonly CallOperation ResumeRecording = new CallOperation("resumeRecording", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Sends DTMF digits into a call.</summary>
        public static readonly CallOperation TransmitDtmf = new CallOperation("transmitDtmf", Post, 204, "callId, dtmf", LineOwnerPlacement.Body, true, true);

        /// <summary>Pushes a call to the executive (executive assistant).</summary>
        public static readonly CallOperation Push = new CallOperation("push", Post, 204, "callId", LineOwnerPlacement.Body, true, false);

        /// <summary>Picks up a call ringing another user through a new call.</summary>
        public static readonly CallOperation Pickup = new CallOperation("pickup", Post, 201, "target?, endpointId?, singleNumberReachPhoneNumber?", LineOwnerPlacement.Body, true, false);

        /// <summary>Barges in on another user's answered call through a new call.</summary>
        public static readonly CallOperation BargeIn = new CallOperation("bargeIn", Post, 201, "target, endpointId?, singleNumberReachPhoneNumber?", LineOwnerPlacement.Body, true, false);

        /// <summary>Pulls the user's call from another of their devices through a new call.</summary>
        public static readonly CallOperation Pull = new CallOperation("pull", Post, 201, "endpointId?", LineOwnerPlacement.Body, true, false);

        /// <summary>Applies wrap-up reasons to a member's last completed call (members only).</summary>
        public static readonly CallOperation WrapUpReasons = new CallOperation("wrapupreasons", Post, 204, "wrapupReasons", LineOwnerPlacement.None, true, true, hasUserRoute: false);

        /// <summary>Every operation, in the order the docs list them.</summary>
        public static IReadOnlyList<CallOperation> All { get; } = new[]
        {
            List, Details, History, Dial, Answer, Reject, Hangup, Hold, Resume, Mute, Unmute, Divert, Transfer, Park, Retrieve,
            StartRecording, StopRecording, PauseRecording, ResumeRecording, TransmitDtmf, Push, Pickup, BargeIn, Pull, WrapUpReasons,
        };

        /// <summary>The operation Webex calls <paramref name="name"/>; an <see cref="ArgumentException"/> for none.</summary>
        public static CallOperation Named(string name) =>
            All.FirstOrDefault(operation => string.Equals(operation.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException("No Call Controls operation is named '" + name + "'.", nameof(name));
    }
}
