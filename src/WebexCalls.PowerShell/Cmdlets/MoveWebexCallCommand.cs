using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>Transfers calls: two calls to each other, or one call to a destination once it answers.</summary>
    /// <remarks>
    /// Three forms, one per parameter set. -CallId with -TargetCallId joins two of the user's calls (an attended
    /// transfer) and both leave the user. -CallId with -Destination is a mute transfer: Webex calls the destination,
    /// returns that new call as a CallSession, and transfers the first call only when the destination answers; if it
    /// does not, nothing is transferred. -Auto, when the user has exactly two calls, lets Webex pick them (no ids are
    /// sent); with any other number of calls Webex refuses. Unanswered incoming calls cannot be transferred: use
    /// Invoke-WebexDivert. Supports -WhatIf and -Confirm.
    /// </remarks>
    /// <example>
    /// <code>$consult = Invoke-WebexDial 1234 -Wait; Move-WebexCall -CallId $customer -TargetCallId $consult</code>
    /// <para>Consults extension 1234 while the customer's call is held, then joins the two calls (attended transfer).</para>
    /// </example>
    /// <example>
    /// <code>Move-WebexCall $call -Destination +14085550100</code>
    /// <para>Mute transfer: calls +14085550100 and hands the call over when it answers; returns the call to the destination.</para>
    /// </example>
    /// <example>
    /// <code>Move-WebexCall -Auto</code>
    /// <para>Transfers the user's two calls to each other.</para>
    /// </example>
    [WebexOperation("transfer")]
    [Cmdlet(VerbsCommon.Move, "WebexCall", HelpUri = HelpLinks.Base + "#move-webexcall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AttendedSet)]
    [OutputType(typeof(CallSession), ParameterSetName = new[] { MuteTransferSet })]
    public sealed class MoveWebexCallCommand : WebexCallCmdlet
    {
        private const string AttendedSet = "Attended";
        private const string MuteTransferSet = "MuteTransfer";
        private const string AutoSet = "Auto";

        /// <summary>The call to transfer: an id or a CallSession. Binds a piped call, text, or a CallId property; no other object becomes an id.</summary>
        [Parameter(ParameterSetName = AttendedSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = MuteTransferSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string CallId { get; set; } = string.Empty;

        /// <summary>The other call, to join -CallId to (attended transfer): an id or a CallSession.</summary>
        [Parameter(ParameterSetName = AttendedSet, Mandatory = true, Position = 1)]
        [CallIdTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CallIdCompleter))]
        public string TargetCallId { get; set; } = string.Empty;

        /// <summary>Where to transfer -CallId once it answers (mute transfer): digits or a URI.</summary>
        [Parameter(ParameterSetName = MuteTransferSet, Mandatory = true, Position = 1)]
        [PlainTextTransformation]
        [ValidateDestination]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Transfers the user's two calls to each other; Webex refuses unless there are exactly two.</summary>
        [Parameter(ParameterSetName = AutoSet, Mandatory = true)]
        public SwitchParameter Auto { get; set; }

        /// <summary>Transfers, in the form the parameter set names.</summary>
        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case MuteTransferSet:
                    var (callId, destination) = (CallId, Destination);
                    StartNewCall(callId, "Transfer to " + destination + " when it answers",
                        (client, scope) => client.MuteTransferAsync(callId, destination, scope, CancellationToken),
                        "Transfer to " + Destination + ": the destination answered at once, so the transfer is complete and the call is no longer the user's.");
                    break;
                case AutoSet:
                    Transfer("Transfer the user's two calls to each other", null, null);
                    break;
                default:
                    Transfer("Transfer {0} to " + KnownCalls.Describe(TargetCallId), CallId, TargetCallId);
                    break;
            }
        }

        private void Transfer(string action, string? callId1, string? callId2)
        {
            var scope = ResolveScope(callId1);
            if (scope is null || !ShouldProcessCall(action, callId1 ?? string.Empty, scope))
            {
                return;
            }

            try
            {
                Await(Client.TransferAsync(callId1, callId2, scope, CancellationToken));
            }
            catch (WebexCalls.WebexApiException ex)
            {
                WriteWebexError(ex, callId1 ?? (object)"transfer");
            }
        }
    }
}
