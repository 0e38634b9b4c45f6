using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Completes a webhook -Id from the current connection's call and conference webhooks, showing each one's name and target.</summary>
    public sealed class WebhookIdCompleter : IArgumentCompleter
    {
        // Tab completion must never hang the prompt on a slow network.
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

        /// <summary>Returns the webhooks whose id or name starts with what was typed.</summary>
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = fakeBoundParameters?["Connection"] as WebexCallingConnection ?? WebexSession.Current;
            if (session is null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var found = new List<WebexWebhook>();
            try
            {
                using (var timeout = new CancellationTokenSource(Budget))
                {
                    session.Connection.CreateClient().Webhooks.ListAsync(false, page => found.AddRange(page), timeout.Token).GetAwaiter().GetResult();
                }
            }
            catch (Exception ex) when (ex is WebexApiException || ex is OperationCanceledException)
            {
                // Nothing to offer: a completion is never an error.
            }

            // The list shows the name, status and target; what is inserted is the id.
            return found
                .Where(hook => hook.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || (hook.Name ?? string.Empty).StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(hook => new CompletionResult(hook.Id, hook.Name + "  " + hook.Status + "  " + hook.TargetUrl, CompletionResultType.ParameterValue, hook.ToString() + " [" + hook.Id + "]"))
                .ToList();
        }
    }
}
