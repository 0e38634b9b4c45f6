using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of every cmdlet that works with calls. It declares, once, the parameters they all share (whose calls:
    /// -MemberId, -OrgId, -LineOwnerId; how: -Connection, -ThrottleLimit), and gives the cmdlet the helpers it calls:
    /// the client, the fan-out (<see cref="RunConcurrently{T}"/>), scope resolution (<see cref="ResolveScope"/>) and
    /// output that remembers the calls it writes. The work itself is done by a <see cref="CmdletHost"/>.
    /// </summary>
    public abstract class WebexCallCmdlet : PSCmdlet, IDisposable
    {
        private readonly CmdletHost _host;

        /// <summary>Every call cmdlet runs its requests through a <see cref="CmdletHost"/>.</summary>
        protected WebexCallCmdlet()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>
        /// Admin mode: the people, workspaces or virtual lines to act or read for, through the Call Controls Members API
        /// (the token needs spark-admin:calls_read and spark-admin:calls_write). Cmdlets that list, watch or set
        /// wrap-up reasons take several at once, up to -ThrottleLimit concurrently; the others act for one. An e-mail
        /// address works too: it is looked up once per connection through the People API (spark-admin:people_read),
        /// and the objects written carry the real member id; an address that names no member with Webex Calling is a
        /// WebexMemberNotFound or WebexMemberNotCalling error before any call request. Phone numbers are not guessed:
        /// Get-WebexCallingMember -PhoneNumber finds their owners. Binds from a piped object's MemberId, and from
        /// PersonId, WorkspaceId or VirtualLineId, so a CSV export of people or Get-WebexCallingMember output can be piped.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PersonId", "WorkspaceId", "VirtualLineId")]
        public string[]? MemberId { get; set; }

        /// <summary>Admin mode: the members' organisation, when it is not the token's own; only with -MemberId. Binds from a piped object's OrgId.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OrgId { get; set; }

        /// <summary>
        /// The owner (user, workspace or virtual line id) of a secondary line on the user's device: acts on, or reads,
        /// the calls of that line. Binds from a piped call's LineOwnerId, so piping acts on the line the call was read
        /// from. Not with -MemberId.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LineOwnerId { get; set; }

        /// <summary>
        /// How many requests may run at once when the command acts on many calls or members (1 to 64; 10 by default).
        /// Results then come in the order they complete, not the input order; each carries its call and member ids.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary>
        /// The connection to use, from Connect-WebexCalling -PassThru or Get-WebexCallingConnection (or its Id); the most
        /// recent one when omitted. Binds from a piped object's ConnectionId, so an object acts through the connection
        /// it was read through.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected System.Threading.CancellationToken CancellationToken => _host.CancellationToken;

        /// <summary>A client over this item's connection (-Connection, else the current one); a terminating WebexNotConnected error when there is none.</summary>
        protected WebexCallsClient Client => _host.ClientFor(Connection);

        /// <summary>Where work off the pipeline thread puts what it has to say; written on the pipeline thread, in order.</summary>
        internal OutputQueue Output => new OutputQueue(_host, this);

        /// <summary>The host the requests run through, for helpers that need it (the event receiver).</summary>
        internal CmdletHost Requests => _host;

        /// <summary>
        /// The owners of this pipeline item's calls (see <see cref="ScopeResolver"/>); null, after a non-terminating
        /// WebexInvalidScope error naming <paramref name="target"/>, when the parameters contradict each other.
        /// </summary>
        internal IReadOnlyList<CallScope>? ResolveScopes(object? target, OwnerRules rules)
        {
            IReadOnlyList<CallScope> scopes;
            try
            {
                scopes = ScopeResolver.Resolve(MemberId, OrgId, LineOwnerId, rules, MyInvocation.MyCommand.Name);
            }
            catch (ArgumentException ex)
            {
                WriteError(WebexErrorRecords.InvalidScope(ex, target));
                return null;
            }

            return scopes.Any(scope => scope.IsMember && MemberAddresses.IsAddress(scope.MemberId)) ? ResolveAddresses(scopes) : scopes;
        }

        /// <summary>
        /// Turns the members given by e-mail address into their ids, through the connection's <see cref="MemberAddresses"/>
        /// (the People API once per address, concurrently, then remembered). An address that names no member with Webex
        /// Calling is a non-terminating WebexMemberNotFound or WebexMemberNotCalling error naming it, before any call
        /// request, and the other members go on; null when none is left.
        /// </summary>
        private IReadOnlyList<CallScope>? ResolveAddresses(IReadOnlyList<CallScope> scopes)
        {
            var connection = Connection ?? _host.RequireSession();
            var client = Client;
            var resolved = new CallScope?[scopes.Count];
            var lookups = new List<(int Index, string Address, Task<string> Lookup)>();
            for (var i = 0; i < scopes.Count; i++)
            {
                var scope = scopes[i];
                if (!scope.IsMember || !MemberAddresses.IsAddress(scope.MemberId))
                {
                    resolved[i] = scope;
                }
                else if (connection.Addresses.TryGet(scope.MemberId!, scope.OrgId, out var known))
                {
                    resolved[i] = CallScope.ForMember(known, scope.OrgId);
                }
                else
                {
                    lookups.Add((i, scope.MemberId!, connection.Addresses.LookUpAsync(client, scope.MemberId!, scope.OrgId, CancellationToken)));
                }
            }

            // Every look-up runs to its end, so each address gets its own answer, whatever the others do.
            _host.Await(Task.WhenAll(lookups.Select(lookup => lookup.Lookup.ContinueWith(_ => { }, TaskScheduler.Default))));
            foreach (var (index, address, lookup) in lookups)
            {
                if (lookup.Status == TaskStatus.RanToCompletion)
                {
                    resolved[index] = CallScope.ForMember(lookup.Result, scopes[index].OrgId);
                    WriteVerbose(address + " is member " + lookup.Result + ".");
                    continue;
                }

                switch (lookup.Exception?.GetBaseException())
                {
                    case MemberLookupException notMember:
                        WriteError(notMember.Record);
                        break;
                    case WebexApiException webex:
                        WriteError(WebexErrorRecords.From(webex, address));
                        break;
                    case OperationCanceledException _:
                    case null:
                        throw new PipelineStoppedException();
                    case var other:
                        WriteError(new ErrorRecord(other, "WebexUnexpectedError", ErrorCategory.NotSpecified, address));
                        break;
                }
            }

            var left = resolved.Where(scope => scope != null).Select(scope => scope!).ToList();
            return left.Count == 0 ? null : left;
        }

        /// <summary>The one owner of this pipeline item's calls; null after a WebexInvalidScope error (see <see cref="ResolveScopes"/>).</summary>
        protected CallScope? ResolveScope(object? target) => ResolveScopes(target, OwnerRules.One)?[0];

        /// <summary>The target ShouldProcess shows: the item, and the member it belongs to in admin mode.</summary>
        protected static string Describe(string item, CallScope scope) => scope.IsMember ? item + " (" + scope + ")" : item;

        /// <summary>
        /// Asks ShouldProcess about an action on a call in words a person can check: <paramref name="action"/> is a
        /// format whose {0} becomes "the call with Jane Doe &lt;+14085550100&gt; (Connected)" for a call this session has
        /// shown (else "call callhalf-488"), such as "Hang up {0}". -WhatIf prints it; -Confirm asks it.
        /// </summary>
        protected bool ShouldProcessCall(string action, string callId, CallScope scope)
        {
            var text = string.Format(CultureInfo.InvariantCulture, action, KnownCalls.Describe(callId))
                + (scope.IsMember ? " for " + scope : string.Empty);
            return ShouldProcess(text + ".", text + "?", "Confirm");
        }

        /// <summary>
        /// Starts <paramref name="work"/> for one item without waiting for it, up to -ThrottleLimit at once; as it
        /// completes, <paramref name="write"/> gets its result on the pipeline thread; a failure is a non-terminating
        /// error with <paramref name="target"/> as its target. Results come in the order the work completes.
        /// </summary>
        protected void RunConcurrently<T>(object target, Func<Task<T>> work, Action<T> write) =>
            _host.Start(ThrottleLimit, target, work, write);

        /// <summary>As <see cref="RunConcurrently{T}"/>, for work that writes nothing.</summary>
        protected void RunConcurrently(object target, Func<Task> work) =>
            _host.Start(ThrottleLimit, target, async () => { await work().ConfigureAwait(false); return true; }, _ => { });

        /// <summary>
        /// Asks ShouldProcess for <paramref name="action"/> on <paramref name="target"/>, then starts the new call with
        /// <paramref name="start"/> (concurrently, up to -ThrottleLimit) and writes it, read back through
        /// <see cref="NewCallReadBack"/>, as it completes; a failure is a non-terminating error for this item.
        /// <paramref name="whenGone"/> is the warning when the new call is over before it can be read.
        /// </summary>
        protected void StartNewCall(string target, string action, Func<WebexCallsClient, CallScope, Task<DialResult?>> start, string? whenGone = null)
        {
            var scope = ResolveScope(target);
            if (scope is null || !ShouldProcess(Describe(target, scope), action))
            {
                return;
            }

            var (client, output, cancellation) = (Client, Output, CancellationToken);
            RunConcurrently(target, () => NewCallReadBack.ReadAsync(client, output, scope, target, action, start(client, scope), whenGone, cancellation), WriteCall);
        }

        /// <summary>
        /// Asks ShouldProcess for <paramref name="action"/> on the owner's conference, then runs <paramref name="perform"/>
        /// (concurrently with other pipeline items) and, with <paramref name="passThru"/>, writes the conference as it is
        /// afterwards; a failure is a non-terminating error for this item. The helper every conference action calls.
        /// </summary>
        protected void ActOnConference(string action, Func<WebexCallsClient, CallScope, Task> perform, bool passThru, bool takesLineOwner = true, string? callId = null)
        {
            // Webex gives mute, deafen and the supervisor modes no lineOwnerId: -LineOwnerId is refused, not dropped.
            var scope = ResolveScopes(callId ?? (MemberId is { Length: > 0 } members ? members[0] : "the user's conference"), takesLineOwner ? OwnerRules.One : OwnerRules.NoLine)?[0];
            if (scope is null || !ShouldProcess(Describe("the conference", scope), action))
            {
                return;
            }

            var (client, cancellation) = (Client, CancellationToken);
            // An error names the participant's call when there is one, else whose conference it is.
            RunConcurrently(callId ?? scope.MemberId ?? "the user's conference", async () =>
            {
                await perform(client, scope).ConfigureAwait(false);
                return passThru ? await client.Conference.GetAsync(scope, cancellation).ConfigureAwait(false) : null;
            }, WriteConference);
        }

        /// <summary>
        /// Writes a conference (nothing for null), naming who is on each participant's call where this session has shown
        /// that call.
        /// </summary>
        protected void WriteConference(WebexConference? conference)
        {
            if (conference is null)
            {
                return;
            }

            foreach (var participant in conference.Participants)
            {
                participant.RemoteParty ??= KnownCalls.PartyOf(participant.CallId);
            }

            WriteObject(conference);
        }

        /// <summary>Says how many items the command will work on, when they are given as parameters (not piped).</summary>
        protected void ExpectItems(int count) => _host.ExpectItems(count);

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs as they come.</summary>
        protected T Await<T>(Task<T> task) => _host.Await(task);

        /// <summary>Waits for <paramref name="task"/> on the pipeline thread, writing request logs as they come.</summary>
        protected void Await(Task task) => _host.Await(task);

        /// <summary>Writes a call, remembering it so its handle can be typed later and -WhatIf can say who is on it.</summary>
        protected void WriteCall(CallSession? call) => _host.WriteCall(call);

        /// <summary>Writes each call (see <see cref="WriteCall"/>).</summary>
        protected void WriteCalls(IEnumerable<CallSession> calls) => _host.WriteCalls(calls);

        /// <summary>A non-terminating error for one input item; the others go on.</summary>
        protected void WriteWebexError(WebexApiException exception, object? target) => WriteError(WebexErrorRecords.From(exception, target));

        /// <summary>Writes verbose text; under -Debug alone, to the debug stream (see <see cref="CmdletHost.Verbose"/>).</summary>
        protected new void WriteVerbose(string text) => _host.Verbose(text);

        /// <summary>Writes what concurrent work left, and waits for work still running.</summary>
        protected override void EndProcessing() => _host.WaitForAll();

        /// <summary>Cancels every request in flight: Ctrl+C stops at once, not after the HTTP timeout.</summary>
        protected override void StopProcessing() => _host.Cancel();

        /// <summary>
        /// Cancels whatever is still running and releases the engine; PowerShell calls this when the command ends,
        /// however it ends (a downstream Select-Object -First stops it without StopProcessing).
        /// </summary>
        public void Dispose()
        {
            _host.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
