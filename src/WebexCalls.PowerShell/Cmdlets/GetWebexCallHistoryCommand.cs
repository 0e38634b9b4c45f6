using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the user's call history: placed, missed and received calls.</summary>
    /// <remarks>
    /// Returns CallHistoryRecord objects (Type, Name, Number, PrivacyEnabled, Time), newest first. Webex keeps at
    /// most 20 records of each type. -Type keeps only the types given; several types are read in one request each and
    /// merged. The records have no call id: they are not active calls.
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
    [Cmdlet(VerbsCommon.Get, "WebexCallHistory")]
    [OutputType(typeof(CallHistoryRecord))]
    public sealed class GetWebexCallHistoryCommand : WebexCmdlet
    {
        /// <summary>Keeps only these types: Placed, Missed, Received; every type when omitted.</summary>
        [Parameter(Position = 0)]
        [ValidateSet("Placed", "Missed", "Received", IgnoreCase = true)]
        public CallHistoryType[]? Type { get; set; }

        /// <summary>Reads the history and writes it newest first.</summary>
        protected override void ProcessRecord()
        {
            var types = Type is null ? new CallHistoryType?[] { null } : Type.Distinct().Select(t => (CallHistoryType?)t).ToArray();
            var records = new List<CallHistoryRecord>();
            try
            {
                foreach (var type in types)
                {
                    records.AddRange(Await(Client.ListHistoryAsync(type, CancellationToken)));
                }
            }
            catch (WebexApiException ex)
            {
                ThrowTerminatingError(WebexErrorRecords.From(ex, null));
                return;
            }

            WriteObject(records.OrderByDescending(record => record.Time ?? System.DateTimeOffset.MinValue), enumerateCollection: true);
        }
    }
}
