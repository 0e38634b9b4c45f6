using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the cmdlets that read for many members at once in admin mode (Get-WebexCall,
    /// Get-WebexCallHistory): -MemberId takes several, and each is read concurrently, up to -ThrottleLimit.
    /// </summary>
    public abstract class WebexMembersReadCmdlet : WebexFanOutCmdlet
    {
        /// <summary>
        /// Admin mode: the people, workspaces or virtual lines to read for, through the Call Controls Members API, up to
        /// -ThrottleLimit at once; each object returned carries its MemberId. Binds from MemberId, PersonId,
        /// WorkspaceId or VirtualLineId, so a CSV export of people can be piped. No tab completion: that would need the
        /// People API.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PersonId", "WorkspaceId", "VirtualLineId")]
        public string[]? MemberId { get; set; }

        /// <summary>Admin mode: the members' organisation, when it is not the token's own.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OrgId { get; set; }

        /// <summary>
        /// The members given, without blanks and repeats; null for none. A piped object of the user's own has MemberId
        /// null: that means "no member", not an error.
        /// </summary>
        protected string[]? Members =>
            MemberId?.Where(member => !string.IsNullOrEmpty(member)).Distinct().ToArray() is { Length: > 0 } members ? members : null;
    }
}
