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
    /// <summary>Completes -CallId from the active calls of the current connection (on -LineOwnerId's line when given), showing who is on each.</summary>
    public sealed class CallIdCompleter : IArgumentCompleter
    {
        /// <summary>Returns the active calls whose id starts with what was typed.</summary>
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = Completion.SessionOf(fakeBoundParameters);
            if (session is null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var typed = Completion.Typed(wordToComplete);
            try
            {
                using (var timeout = new CancellationTokenSource(Completion.Budget))
                {
                    // With -MemberId or -LineOwnerId already typed, that member's or line's calls are the ones the
                    // command can act on.
                    // The same resolver the cmdlet uses; with several members, the first one's calls are offered.
                    var scope = ScopeResolver.Resolve(
                        Texts(fakeBoundParameters?["MemberId"]), fakeBoundParameters?["OrgId"] as string, fakeBoundParameters?["LineOwnerId"] as string,
                        OwnerRules.ManyMembers, commandName)[0];
                    var calls = session.Connection.CreateClient().ListCallsAsync(scope, timeout.Token).GetAwaiter().GetResult();
                    // The list shows who is on each call and its state; what is inserted is the full id.
                    return calls
                        .Where(call => Completion.StartsWith(call.Id, typed) || Completion.StartsWith(call.Handle, typed))
                        .Select(call =>
                        {
                            KnownCalls.Remember(call);
                            return new CompletionResult(call.Id, call.Handle + "  " + call.State + "  " + call.RemoteParty, CompletionResultType.ParameterValue, call.ToString() + " [" + call.Id + "]");
                        })
                        .ToList();
                }
            }
            catch (Exception ex) when (ex is WebexApiException || ex is OperationCanceledException || ex is ArgumentException)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }

        private static string[]? Texts(object? value) =>
            value is string text ? new[] { text } : value is object[] many ? many.OfType<string>().ToArray() : null;
    }
}
