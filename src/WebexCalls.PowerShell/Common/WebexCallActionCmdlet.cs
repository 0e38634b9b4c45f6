using System;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the cmdlets that act on existing calls given by id (hold, hang up, answer, park, wait, ...): it
    /// declares -CallId, which binds from the pipeline and takes call objects as well as ids, and offers the per-call
    /// loop (<see cref="ForEachCall{T}"/>) that the cmdlet calls from its ProcessRecord.
    /// </summary>
    public abstract class WebexCallActionCmdlet : WebexCallCmdlet
    {
        /// <summary>
        /// The calls to act on: ids, or CallSession objects (also from a job). Binds piped calls, text and objects with
        /// a CallId property, so Get-WebexCall output can be piped; no other object (a CSV row of people) becomes an id.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string[] CallId { get; set; } = new string[0];

        /// <summary>
        /// For each call id, asks ShouldProcess with <paramref name="action"/>, a format whose {0} names the call (so
        /// -WhatIf sends nothing, even when not connected), then starts <paramref name="perform"/> concurrently;
        /// <paramref name="write"/> gets each result on the pipeline thread; a failure is a non-terminating error for
        /// that call only.
        /// </summary>
        protected void ForEachCall<T>(string action, Func<WebexCallsClient, string, CallScope, Task<T>> perform, Action<T> write)
        {
            var scope = ResolveScope(CallId.Length == 1 ? CallId[0] : (object)CallId);
            if (scope is null)
            {
                return;
            }

            ExpectItems(CallId.Length);
            foreach (var id in CallId)
            {
                if (ShouldProcessCall(action, id, scope))
                {
                    var client = Client;
                    RunConcurrently(id, () => perform(client, id, scope), write);
                }
            }
        }

        /// <summary>As <see cref="ForEachCall{T}"/>, for an action that writes nothing.</summary>
        protected void ForEachCall(string action, Func<WebexCallsClient, string, CallScope, Task> perform) =>
            ForEachCall(action, async (client, id, scope) => { await perform(client, id, scope).ConfigureAwait(false); return true; }, _ => { });

        /// <summary>
        /// As <see cref="ForEachCall{T}"/>, for an action that leaves the call with the user (answer, hold, mute,
        /// recording): with <paramref name="passThru"/>, each call is read back afterwards and written.
        /// </summary>
        protected void ForEachCall(string action, Func<WebexCallsClient, string, CallScope, Task> perform, bool passThru) =>
            ForEachCall(action, async (client, id, scope) =>
            {
                await perform(client, id, scope).ConfigureAwait(false);
                return passThru ? await client.GetCallAsync(id, scope, CancellationToken).ConfigureAwait(false) : null;
            }, WriteCall);
    }
}
