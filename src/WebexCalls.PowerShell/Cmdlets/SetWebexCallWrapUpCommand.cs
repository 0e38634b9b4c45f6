using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Applies wrap-up reasons to a member's last completed call (admin mode).</summary>
    /// <remarks>
    /// Sends Webex's wrapupreasons for the person, workspace or virtual line given by -MemberId: the reasons apply to
    /// that member's last completed call, as a call queue agent's wrap-up does. It exists only in the Call Controls
    /// Members API, so -MemberId is required, and the token needs spark-admin:calls_write. -MemberId binds from the
    /// pipeline by property name (also as PersonId), so a CSV of agents can be piped; their requests run concurrently,
    /// up to -ThrottleLimit. When the member has no completed call, Webex answers with an error for that member.
    /// </remarks>
    /// <example>
    /// <code>Set-WebexCallWrapUp -MemberId $agent -Reason 'Billing', 'Escalated'</code>
    /// <para>Records two wrap-up reasons on the agent's last call.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./agents.csv | Set-WebexCallWrapUp -Reason 'Shift end' -WhatIf</code>
    /// <para>Shows which agents (a PersonId column) would get the reason, sending nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "WebexCallWrapUp", HelpUri = HelpLinks.Base + "#set-webexcallwrapup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetWebexCallWrapUpCommand : WebexFanOutCmdlet
    {
        /// <summary>The person, workspace or virtual line whose last completed call gets the reasons. Binds from MemberId, PersonId, WorkspaceId or VirtualLineId. No tab completion: that would need the People API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PersonId", "WorkspaceId", "VirtualLineId")]
        [ValidateNotNullOrEmpty]
        public string MemberId { get; set; } = string.Empty;

        /// <summary>The wrap-up reasons, as configured for the member's call queue.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Reason { get; set; } = new string[0];

        /// <summary>The member's organisation, when it is not the token's own.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OrgId { get; set; }

        /// <summary>Sends the reasons for each member.</summary>
        protected override void ProcessRecord()
        {
            var scope = CallScope.ForMember(MemberId, OrgId);
            if (!ShouldProcess(scope.ToString(), "Set wrap-up reasons " + string.Join(", ", Reason)))
            {
                return;
            }

            var (client, reasons) = (Client, Reason);
            RunConcurrently(MemberId, async () =>
            {
                await client.SetWrapUpReasonsAsync(scope, reasons, CancellationToken).ConfigureAwait(false);
                return null;
            });
        }
    }
}
