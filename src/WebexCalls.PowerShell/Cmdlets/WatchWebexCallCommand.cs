using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;
using WebexCalls.Client.Watching;
using WebexCalls.Client.Events;

namespace WebexCalls.Commands
{
    /// <summary>Watches calls change, for the user or for many members, and writes each change as it is seen.</summary>
    /// <remarks>
    /// Reads the call list every -IntervalSec seconds (the user's, or each member's in admin mode) and writes a
    /// CallChange for every difference between two readings: Added, StateChanged (with the state before and after),
    /// Updated (mute, recording, remote party or personality) and Removed (the call ended or left the user), each with
    /// the call, its member and the time it was seen. Calls there when the watch starts write nothing, unless
    /// -IncludeExisting is given. It runs until Ctrl+C, until -Timeout passes (which ends it quietly), or until a
    /// downstream command such as Select-Object -First stops it; nothing is left running after it ends.
    ///
    /// Polling is polite: each member is read once per interval, the reads spread evenly over it, at most
    /// -ThrottleLimit at once, and never two of one member at once; when a round of reads takes longer than the
    /// interval, the interval stretches (-Verbose says so) rather than the request rate rising. Every read goes through
    /// the connection's retries and rate-limit gate, so a 429 slows the watch without losing a change. A read that still
    /// fails is a non-terminating error for that member: after a 5xx or a timeout the watch goes on reading it; after a
    /// refusal about that member (400, 403, 404) it stops watching that member (-Verbose says so), and ends when none is
    /// left; a token Webex no longer accepts (401) ends the watch with a terminating error. Polling sees what changed between
    /// two readings: a call that starts and ends within one interval is not seen.
    ///
    /// With -EventPrefix it watches from Webex's webhook events instead, writing the same CallChange objects: it reads
    /// each owner once to start from, listens on the prefix (with -PublicUrl, a webhook to it is made with a fresh
    /// secret and removed when the watch ends; an organisation's webhook when members are watched), applies each event
    /// to its call in EventTime order (an event older than one applied, or after the call's end, is dropped, so late
    /// and repeated deliveries are harmless), and reads owners again every -ResyncIntervalSec (those with calls or
    /// events since, and a sixth of the idle ones in turn) and at once after any sign of a lost event. Every event is
    /// seen, for a few requests instead of one per member per interval; Webex must reach the prefix (docs/events.md).
    /// </remarks>
    /// <example>
    /// <code>Watch-WebexCall -MemberId (Import-Csv ./team.csv).PersonId -Timeout '01:00:00' | Select-Object SeenAt, MemberId, Change, PreviousState, State, RemoteName, RemoteNumber | Export-Csv ./team-calls.csv</code>
    /// <para>Admin mode: logs every change to the calls of a team to a CSV file for an hour, then stops by itself.</para>
    /// </example>
    /// <example>
    /// <code>$heldSince = @{}
    /// while ($true) {
    ///     $latest = @{}
    ///     Watch-WebexCall -MemberId $queueAgents -IncludeExisting -Timeout '00:00:30' | ForEach-Object { $latest[$_.CallId] = $_ }
    ///     foreach ($id in @($heldSince.Keys)) { if ($latest[$id].State -ne 'Held') { $heldSince.Remove($id) } }
    ///     $latest.Values | Where-Object { $_.State -eq 'Held' -and -not $heldSince[$_.CallId] } | ForEach-Object { $heldSince[$_.CallId] = $_.SeenAt }
    ///     $heldSince.GetEnumerator() | Where-Object { [DateTimeOffset]::Now - $_.Value -gt [timespan]'00:02:00' } |
    ///         ForEach-Object { Write-Warning "Call $($_.Key) has been on hold for over two minutes." }
    /// }</code>
    /// <para>
    /// Admin mode: warns about any agent's call held longer than two minutes. Each pass watches for 30 seconds, so the
    /// check also runs when nothing changes; -IncludeExisting makes each pass start from every call's current state.
    /// </para>
    /// </example>
    /// <example>
    /// <code>Watch-WebexCall -MemberId $agents -EventPrefix http://+:8080/webex/ -PublicUrl https://abc123.ngrok.app/webex/ | Export-Csv ./agents-calls.csv</code>
    /// <para>Admin mode, from events: every change to the agents' calls, as it happens, with an ngrok tunnel to port 8080.</para>
    /// </example>
    /// <example>
    /// <code>Watch-WebexCall -State Alerting | Select-Object -First 1</code>
    /// <para>Blocks until the next incoming call rings, returns it, and stops watching.</para>
    /// </example>
    /// <example>
    /// <code>$call = Invoke-WebexDial 5551234; Wait-WebexCall $call -State Connected; Send-WebexCallDtmf $call -Digits '1234#'</code>
    /// <para>To act on one call rather than watch them all, wait for it: dial, wait for it to connect, then send digits.</para>
    /// </example>
    [WebexOperation("calls")]
    [Cmdlet(VerbsCommon.Watch, "WebexCall", DefaultParameterSetName = PollSet, HelpUri = HelpLinks.Base + "#watch-webexcall")]
    [OutputType(typeof(CallChange))]
    public sealed class WatchWebexCallCommand : WebexCallCmdlet
    {
        private const string PollSet = "Poll";
        private const string EventSet = "Events";
        private readonly List<CallScope> _scopes = new List<CallScope>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private TimeSpan? _limit;

        /// <summary>
        /// How often each owner's calls are read, in seconds (0.5 to 3600; 5 by default). Many members share it: the
        /// reads are spread over the interval.
        /// </summary>
        [Parameter(ParameterSetName = PollSet)]
        [ValidateRange(0.5, 3600)]
        public double IntervalSec { get; set; } = 5;

        /// <summary>
        /// Watches from webhook events instead of polling: the HttpListener prefix Webex's deliveries reach, such as
        /// http://+:8080/webex/. The calls are read once to start from, then events tell what changes.
        /// </summary>
        [Parameter(ParameterSetName = EventSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? EventPrefix { get; set; }

        /// <summary>A public URL that reaches -EventPrefix: a webhook to it is created at the start and removed at the end.</summary>
        [Parameter(ParameterSetName = EventSet)]
        [ValidateNotNull]
        public Uri? PublicUrl { get; set; }

        /// <summary>The webhook's secret: every delivery's signature is checked with it (-PublicUrl makes a fresh one when not given).</summary>
        [Parameter(ParameterSetName = EventSet)]
        [ValidateNotNull]
        public System.Security.SecureString? Secret { get; set; }

        /// <summary>
        /// How often, in seconds (1 to 86400; 300 by default), owners are read again to catch lost events: those with
        /// calls or events since the last time, and a sixth of the idle ones in turn.
        /// </summary>
        [Parameter(ParameterSetName = EventSet)]
        [ValidateRange(1, 86400)]
        public double ResyncIntervalSec { get; set; } = 300;

        /// <summary>
        /// Keeps only the changes whose new state is one of these; a Removed change counts with its last state seen and
        /// with Disconnected.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public CallState[]? State { get; set; }

        /// <summary>
        /// Ends the watch quietly, without an error, after this long: a TimeSpan such as '00:30:00' or
        /// (New-TimeSpan -Hours 1). Without it, the watch runs until stopped.
        /// </summary>
        [Parameter]
        public TimeSpan Timeout { get; set; }

        /// <summary>Writes an Added change for each call there when the watch starts.</summary>
        [Parameter]
        public SwitchParameter IncludeExisting { get; set; }

        /// <summary>Collects the members to watch: given, or piped from objects with MemberId, PersonId, WorkspaceId or VirtualLineId.</summary>
        protected override void ProcessRecord()
        {
            // A row that contradicts itself is that row's error; the watch goes on with the others.
            var owners = ResolveScopes(MemberId, OwnerRules.ManyMembers);
            foreach (var scope in owners ?? new CallScope[0])
            {
                if (_seen.Add(scope.MemberId + "\n" + scope.OrgId))
                {
                    _scopes.Add(scope);
                }
            }
        }

        /// <summary>Checks -Timeout before any input is read or any request sent.</summary>
        protected override void BeginProcessing()
        {
            // A TimeSpan parameter cannot be null, so "not given" is read from the bound parameters.
            _limit = MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null;
            if (_limit < TimeSpan.FromSeconds(1))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-Timeout " + _limit + " is under a second. It takes a TimeSpan such as '00:10:00' or (New-TimeSpan -Minutes 10); a bare number is read as ticks."),
                    "WebexInvalidTimeout", ErrorCategory.InvalidArgument, _limit));
            }
        }

        /// <summary>Watches until stopped, the timeout, or a downstream command that has enough.</summary>
        protected override void EndProcessing()
        {
            if (_scopes.Count > 1 && _scopes.Any(scope => !scope.IsMember))
            {
                // A piped row with a blank member id (an empty PersonId in a CSV) means "no member", not "the user":
                // when members are watched, it must not add the user's own calls to the watch.
                _scopes.RemoveAll(scope => !scope.IsMember);
            }

            if (_scopes.Count == 0)
            {
                // Every item was refused (its error is written): there is nothing to watch.
                return;
            }

            var output = Output;
            var states = State;
            var events = ParameterSetName == EventSet;
            var progress = new ProgressRecord(0x5EC1, "Watching calls", "Watching " + (_scopes.Count == 1 ? "calls" : _scopes.Count + " members") + (events ? " by events" : string.Empty) + "; Ctrl+C stops");
            var seen = 0;
            WriteProgress(progress);
            using var timeout = _limit is TimeSpan after ? new CancellationTokenSource(after) : new CancellationTokenSource();
            using var watch = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, timeout.Token);
            Action<CallChange> changed = change =>
            {
                if (Wanted(change, states))
                {
                    output.Change(change);
                    output.Progress(new ProgressRecord(progress.ActivityId, progress.Activity, Interlocked.Increment(ref seen) + " change(s) so far; Ctrl+C stops"));
                }
            };
            Action<CallScope, WebexApiException> failed = (scope, ex) => output.Error(WebexErrorRecords.From(ex, scope.MemberId ?? (object)"the user's calls"));
            CallEventWatcher? eventWatcher = null;
            EventReception? reception = null;
            Task run;
            if (events)
            {
                eventWatcher = new CallEventWatcher(Client, _scopes, new CallEventWatchOptions
                {
                    ResyncInterval = TimeSpan.FromSeconds(ResyncIntervalSec),
                    MaxConcurrency = ThrottleLimit,
                    IncludeExisting = IncludeExisting.IsPresent,
                });
                var sink = eventWatcher;
                reception = EventReception.Start(
                    this, Requests, () => Client, EventPrefix!, Secret, PublicUrl, _scopes.Any(scope => scope.IsMember),
                    sink.Apply,
                    refused => output.Warning("Refused a delivery" + (refused.Remote is null ? string.Empty : " from " + refused.Remote) + " with " + refused.StatusCode + ": " + refused.Reason),
                    fault =>
                    {
                        output.Warning("The event listener failed (" + fault.Message + "): the watch goes on by re-reading every " + ResyncIntervalSec + " s.");
                        sink.RequestResync();
                    });
                run = eventWatcher.RunAsync(changed, failed, output.Verbose, watch.Token);
            }
            else
            {
                var watcher = new CallWatcher(Client, _scopes, new CallWatchOptions
                {
                    Interval = TimeSpan.FromSeconds(IntervalSec),
                    MaxConcurrency = ThrottleLimit,
                    IncludeExisting = IncludeExisting.IsPresent,
                });
                run = watcher.RunAsync(changed, failed, output.Verbose, watch.Token);
            }

            try
            {
                Await(run);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !CancellationToken.IsCancellationRequested)
            {
                WriteVerbose("The watch ended after -Timeout " + Timeout + ".");
            }
            catch (WebexApiException ex)
            {
                // The token stopped working (401, a refused renewal): no read can succeed, so the watch ends here.
                ThrowTerminatingError(WebexErrorRecords.From(ex, _scopes.Count == 1 ? _scopes[0].MemberId ?? (object)"the user's calls" : _scopes.Select(scope => scope.MemberId).ToArray()));
            }
            finally
            {
                // Ctrl+C, the timeout, or Select-Object -First: the watch stops here, before the command returns.
                watch.Cancel();
                try
                {
                    run.Wait(TimeSpan.FromSeconds(5));
                }
                catch (AggregateException)
                {
                    // It ended by cancellation, as asked.
                }

                // The listener stops and the webhook made for -PublicUrl is removed, however the watch ended.
                reception?.Dispose();
                eventWatcher?.Dispose();

                progress.RecordType = ProgressRecordType.Completed;
                try
                {
                    WriteProgress(progress);
                }
                catch (PipelineStoppedException)
                {
                    // The pipeline is already closing; there is no bar left to clear.
                }
            }
        }

        private static bool Wanted(CallChange change, CallState[]? states) =>
            states is null || states.Contains(change.State)
            || (change.Change == CallChangeKind.Removed && change.PreviousState is CallState last && states.Contains(last));
    }
}
