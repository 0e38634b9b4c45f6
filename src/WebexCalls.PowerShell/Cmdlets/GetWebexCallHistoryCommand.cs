using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the user's call history: placed, missed and received calls.</summary>
    /// <remarks>
    /// Returns CallHistoryRecord objects (Type, Name, Number, PrivacyEnabled, Time), newest first. Webex keeps at
    /// most 20 records of each type. -Type keeps only the types given; several types are read in one request each and
    /// merged. The records have no call id: they are not active calls. In admin mode, -MemberId reads each member's
    /// history (up to -ThrottleLimit at once); each record carries its MemberId. Cisco's spec does not confirm the
    /// members history route (/telephony/calls/members/{memberId}/history): a Webex that does not offer it gives
    /// WebexMembersRouteNotOffered.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCallHistory -Type Missed</code>
    /// <para>Lists the calls the user missed, newest first.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallHistory | Group-Object Type -NoElement</code>
    /// <para>Counts the placed, missed and received calls.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallHistory -Type Missed, Received | Export-Csv ./calls.csv</code>
    /// <para>Saves the incoming calls to a CSV file.</para>
    /// </example>
    [WebexOperation("history")]
    [Cmdlet(VerbsCommon.Get, "WebexCallHistory", HelpUri = HelpLinks.Base + "#get-webexcallhistory")]
    [OutputType(typeof(CallHistoryRecord))]
    public sealed class GetWebexCallHistoryCommand : WebexCallCmdlet
    {
        /// <summary>Keeps only these types: Placed, Missed, Received; every type when omitted.</summary>
        [Parameter(Position = 0)]
        [ValidateSet("Placed", "Missed", "Received", IgnoreCase = true)]
        public CallHistoryType[]? Type { get; set; }

        /// <summary>Reads the history and writes it newest first (per member, in admin mode).</summary>
        protected override void ProcessRecord()
        {
            // Webex's history has no secondary-line form, so -LineOwnerId is refused rather than ignored.
            var scopes = ResolveScopes(MemberId, OwnerRules.ManyMembers | OwnerRules.NoLine);
            if (scopes is null)
            {
                return;
            }

            var types = Type is null ? new CallHistoryType?[] { null } : Type.Distinct().Select(t => (CallHistoryType?)t).ToArray();
            var client = Client;
            if (!scopes[0].IsMember)
            {
                try
                {
                    WriteObject(Await(ReadAsync(client, scopes[0], types)), enumerateCollection: true);
                }
                catch (WebexApiException ex)
                {
                    ThrowTerminatingError(WebexErrorRecords.From(ex, null));
                }

                return;
            }

            ExpectItems(scopes.Count);
            foreach (var scope in scopes)
            {
                RunConcurrently(scope.MemberId!, () => ReadAsync(client, scope, types), records => WriteObject(records, enumerateCollection: true));
            }
        }

        private async Task<List<CallHistoryRecord>> ReadAsync(WebexCallsClient client, CallScope scope, CallHistoryType?[] types)
        {
            var records = new List<CallHistoryRecord>();
            foreach (var type in types)
            {
                records.AddRange(await client.ListHistoryAsync(type, scope, CancellationToken).ConfigureAwait(false));
            }

            return records.OrderByDescending(record => record.Time ?? System.DateTimeOffset.MinValue).ToList();
        }
    }
}
