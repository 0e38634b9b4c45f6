using System;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of every cmdlet that acts on existing calls (hold, hang up, and the actions to come): one -CallId
    /// parameter that binds from the pipeline, and the loop that asks ShouldProcess for each call, acts, and turns a
    /// failure into a non-terminating error for that call alone.
    /// </summary>
    public abstract class WebexCallActionCmdlet : WebexCmdlet
    {
        /// <summary>The ids of the calls to act on. Binds CallId or Id from the pipeline, so Get-WebexCall output can be piped.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string[] CallId { get; set; } = new string[0];

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
