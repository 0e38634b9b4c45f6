using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the user's active Webex Calling calls.</summary>
    /// <remarks>
    /// Without -CallId, lists every active call, one CallSession object each. With call ids (typed, or piped from
    /// objects with a CallId property), reads each call's details; an id that is not an active call is a
    /// non-terminating WebexCallNotFound error carrying Webex's trackingId, and the other ids still run. -State keeps
    /// only calls in the given states. -LineOwnerId reads the calls of a secondary line on the user's device. In admin
    /// mode, -MemberId lists the calls of many people, workspaces or virtual lines at once (up to -ThrottleLimit
    /// requests in flight, with progress); the calls come in the order the answers arrive, each with its MemberId, and
    /// a member whose list fails is a non-terminating error with that member as its target.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall</code>
    /// <para>Lists the active calls as a table: state, remote party, direction, start, duration and call id.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -State Connected, Held</code>
    /// <para>Lists only the calls that are connected or on hold.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -MemberId $queueAgents -ThrottleLimit 32 | Where-Object State -eq Held | Stop-WebexCall</code>
    /// <para>Admin mode: lists the calls of many people at once and hangs up the held ones, each through its member.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCall -CallId $call.CallId | Format-List</code>
    /// <para>Reads one call's current details and shows every property.</para>
    /// </example>
    [WebexOperation("calls", "call")]
    [Cmdlet(VerbsCommon.Get, "WebexCall", HelpUri = HelpLinks.Base + "#get-webexcall")]
    [OutputType(typeof(CallSession))]
    public sealed class GetWebexCallCommand : WebexCallCmdlet
    {
        /// <summary>The ids of the calls to read; without it, every active call is listed. Binds a piped call, text, or a CallId property; no other object becomes an id.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string[]? CallId { get; set; }

        /// <summary>Keeps only calls in these states.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public CallState[]? State { get; set; }

        /// <summary>Lists the calls (of the user, or of each member), or reads each call id given.</summary>
        protected override void ProcessRecord()
        {
            var scopes = ResolveScopes(MemberId, OwnerRules.ManyMembers);
            if (scopes is null)
            {
                return;
            }

            var states = State;
            var client = Client;
            if (CallId is null)
            {
                if (!scopes[0].IsMember)
                {
                    ListForUser(client, scopes[0], states);
                    return;
                }

                ExpectItems(scopes.Count);
                foreach (var scope in scopes)
                {
                    // One member's failure is that member's error; the others are still listed.
                    RunConcurrently(scope.MemberId!, () => client.ListCallsAsync(scope, CancellationToken), calls => WriteCalls(Wanted(calls, states)));
                }

                return;
            }

            if (scopes.Count > 1)
            {
                WriteError(WebexErrorRecords.InvalidScope(new ArgumentException("-CallId reads the calls of one member at a time: give one -MemberId with it.", "MemberId"), CallId));
                return;
            }

            ExpectItems(CallId.Length);
            foreach (var id in CallId)
            {
                var scope = scopes[0];
                RunConcurrently(id, () => client.GetCallAsync(id, scope, CancellationToken), call => WriteCalls(Wanted(new[] { call }, states)));
            }
        }

        private void ListForUser(WebexCallsClient client, CallScope scope, CallState[]? states)
        {
            IReadOnlyList<CallSession> calls;
            try
            {
                calls = Await(client.ListCallsAsync(scope, CancellationToken));
            }
            catch (WebexApiException ex)
            {
                // The user's own list: nothing to list and nothing else to try, so the whole command fails.
                ThrowTerminatingError(WebexErrorRecords.From(ex, null));
                return;
            }

            WriteCalls(Wanted(calls, states));
        }

        private static IEnumerable<CallSession> Wanted(IEnumerable<CallSession> calls, CallState[]? states) =>
            states is null ? calls : calls.Where(call => states.Contains(call.State));
    }
}
