using System;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of every cmdlet that acts on existing calls (hold, hang up, answer, park, ...): one -CallId parameter
    /// that binds from the pipeline and takes call objects as well as ids, and the loop that asks ShouldProcess for
    /// each call on the pipeline thread, then sends its requests concurrently (up to -ThrottleLimit), turning a failure
    /// into a non-terminating error for that call alone.
    /// </summary>
    public abstract class WebexCallActionCmdlet : WebexScopedCmdlet
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
        /// -WhatIf sends nothing, even when not connected), then starts <paramref name="perform"/>, whose result (if any)
        /// is written to the pipeline; a failure is a non-terminating error for that call only.
        /// </summary>
        protected void ForEachCall(string action, Func<WebexCallsClient, string, CallScope, Task<object?>> perform)
        {
            var scope = ResolveScope(CallId.Length == 1 ? CallId[0] : (object)CallId);
            if (scope is null)
            {
                return;
            }

            ExpectItems(CallId.Length);
            foreach (var id in CallId)
            {
                if (!ShouldProcessCall(action, id, scope))
                {
                    continue;
                }

                var client = Client;
                RunConcurrently(id, () => perform(client, id, scope));
            }
        }

        /// <summary>A finished task with no result, for actions that write nothing.</summary>
        protected static async Task<object?> Nothing(Task action)
        {
            await action.ConfigureAwait(false);
            return null;
        }
    }
}
