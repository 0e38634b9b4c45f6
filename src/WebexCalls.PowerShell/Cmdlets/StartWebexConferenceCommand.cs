using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Merges two or more calls into a conference (a three-way call, or more).</summary>
    /// <remarks>
    /// Starts a conference of the calls given or piped: at least two answered calls of one owner (the user, a
    /// secondary line, or a member in admin mode). Piped calls are gathered and started as one conference per owner at
    /// the end of the pipeline, so Get-WebexCall | Start-WebexConference merges all of them. Fewer than two calls is a
    /// WebexConferenceTooFewCalls error with nothing sent. The participants keep their calls; Stop-WebexConference
    /// ends them all. Returns the conference as Webex reads it afterwards (WebexConference).
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCall -State Connected, Held | Start-WebexConference</code>
    /// <para>Turns two calls into a three-way call.</para>
    /// </example>
    /// <example>
    /// <code>Start-WebexConference -CallId $customer, $expert -MemberId agent@example.com -Confirm:$false</code>
    /// <para>Admin mode: merges two of an agent's calls.</para>
    /// </example>
    [WebexOperation("conference/start", "conference/details")]
    [Cmdlet(VerbsLifecycle.Start, "WebexConference", HelpUri = HelpLinks.Base + "#start-webexconference", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebexConference))]
    public sealed class StartWebexConferenceCommand : WebexCallActionCmdlet
    {
        private readonly Dictionary<CallScope, List<string>> _byOwner = new Dictionary<CallScope, List<string>>();

        /// <summary>Gathers the calls of each owner; the conferences start when the pipeline ends.</summary>
        protected override void ProcessRecord()
        {
            var scope = ResolveScope(CallId.Length == 1 ? CallId[0] : (object)CallId);
            if (scope is null)
            {
                return;
            }

            if (!_byOwner.TryGetValue(scope, out var calls))
            {
                _byOwner[scope] = calls = new List<string>();
            }

            calls.AddRange(CallId.Where(id => !calls.Contains(id)));
        }

        /// <summary>Starts one conference per owner, and writes each as it is read back.</summary>
        protected override void EndProcessing()
        {
            foreach (var owner in _byOwner)
            {
                var (scope, calls) = (owner.Key, owner.Value);
                if (calls.Count < 2)
                {
                    WriteError(WebexErrorRecords.Failure(new System.ArgumentException("A conference starts from at least two calls; " + (calls.Count == 1 ? "only one was" : "none was") + " given" + (scope.IsMember ? " for " + scope : string.Empty) + "."),
                        "WebexConferenceTooFewCalls", ErrorCategory.InvalidArgument, Target(calls), "Give two or more call ids, or pipe two or more calls (Get-WebexCall)."));
                    continue;
                }

                if (ShouldProcess(Describe(string.Join(", ", calls.Select(KnownCalls.Describe)), scope), "Start a conference of"))
                {
                    var (client, cancellation) = (Client, CancellationToken);
                    RunConcurrently(scope.MemberId ?? Target(calls), async () =>
                    {
                        await client.Conference.StartAsync(calls, scope, cancellation).ConfigureAwait(false);
                        return await client.Conference.GetAsync(scope, cancellation).ConfigureAwait(false);
                    }, WriteConference);
                }
            }

            base.EndProcessing();
        }

        // An error's target names the calls, each quoted short: a 10,000-character id is no target to show.
        private static string Target(IEnumerable<string> calls) => string.Join(", ", calls.Select(id => WebexIdRules.Quote(id)));
    }
}
