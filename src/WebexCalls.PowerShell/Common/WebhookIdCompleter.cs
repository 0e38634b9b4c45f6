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
        /// <summary>Returns the webhooks whose id or name starts with what was typed.</summary>
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = Completion.SessionOf(fakeBoundParameters);
            if (session is null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var typed = Completion.Typed(wordToComplete);
            var found = new List<WebexWebhook>();
            try
            {
                using (var timeout = new CancellationTokenSource(Completion.Budget))
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
                .Where(hook => Completion.StartsWith(hook.Id, typed) || Completion.StartsWith(hook.Name, typed))
                .Select(hook => new CompletionResult(hook.Id, hook.Name + "  " + hook.Status + "  " + hook.TargetUrl, CompletionResultType.ParameterValue, hook.ToString() + " [" + hook.Id + "]"))
                .ToList();
        }
    }
}
