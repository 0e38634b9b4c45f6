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
    [WebexOperation("wrapupreasons")]
    [Cmdlet(VerbsCommon.Set, "WebexCallWrapUp", HelpUri = HelpLinks.Base + "#set-webexcallwrapup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetWebexCallWrapUpCommand : WebexCallCmdlet
    {
        /// <summary>The wrap-up reasons, as configured for the members' call queue.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Reason { get; set; } = new string[0];

        /// <summary>Sends the reasons for each member given or piped (-MemberId is required: wrap-up is for members only).</summary>
        protected override void ProcessRecord()
        {
            var scopes = ResolveScopes(MemberId, OwnerRules.ManyMembers | OwnerRules.NoLine | OwnerRules.MemberOnly);
            if (scopes is null)
            {
                return;
            }

            var (client, reasons) = (Client, Reason);
            ExpectItems(scopes.Count);
            foreach (var scope in scopes)
            {
                if (ShouldProcess(scope.ToString(), "Set wrap-up reasons " + string.Join(", ", reasons)))
                {
                    RunConcurrently(scope.MemberId!, () => client.SetWrapUpReasonsAsync(scope, reasons, CancellationToken));
                }
            }
        }
    }
}
