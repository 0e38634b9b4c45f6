using System;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of every cmdlet that acts on existing calls (hold, hang up, answer, park, ...): one -CallId parameter
    /// that binds from the pipeline and takes call objects as well as ids, -LineOwnerId for a secondary line, and the
    /// loop that asks ShouldProcess for each call, acts, and turns a failure into a non-terminating error for that
    /// call alone.
    /// </summary>
    public abstract class WebexCallActionCmdlet : WebexCmdlet
    {
        /// <summary>
        /// The calls to act on: ids, or CallSession objects (also from a job). Binds CallId or Id from the pipeline, so
        /// Get-WebexCall output can be piped.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string[] CallId { get; set; } = new string[0];

        /// <summary>
        /// The owner (user, workspace or virtual line id) of a secondary line on the user's device that the calls are
        /// on. Binds from a piped call's LineOwnerId, so piping acts on the line the call was read from.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? LineOwnerId { get; set; }

        /// <summary>The line owner to send: null when none, or an empty one, was given.</summary>
        protected string? Line => string.IsNullOrEmpty(LineOwnerId) ? null : LineOwnerId;

        /// <summary>
        /// For each call id, asks ShouldProcess with <paramref name="action"/> (so -WhatIf sends nothing, even when not
        /// connected), then runs <paramref name="perform"/>; a failure is a non-terminating error for that call only.
        /// </summary>
        protected void ForEachCall(string action, Action<WebexCallsClient, string> perform)
        {
            foreach (var id in CallId)
            {
                if (!ShouldProcess(id, action))
                {
                    continue;
                }

                var client = Client;
                try
                {
                    perform(client, id);
                }
                catch (WebexApiException ex)
                {
                    WriteWebexError(ex, id);
                }
            }
        }
    }
}
