using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Gets the people, workspaces and virtual lines of an organisation that have Webex Calling, by e-mail address, name, number or extension.</summary>
    /// <remarks>
    /// Admin mode: finds the members the Call Controls Members API acts for, through the directory APIs, and returns
    /// CallingMember objects (MemberId, Type, DisplayName, Email, PhoneNumber, Extension, LocationId, OrgId) that pipe
    /// into every call cmdlet's -MemberId. With no filter it lists every person with Webex Calling (People API, with
    /// calling data), every workspace with Webex Calling and every virtual line, streamed as pages arrive. -Email finds
    /// people by address (one request each, up to -ThrottleLimit at once); it binds from the Email, EmailAddress, Mail
    /// or UserPrincipalName property of piped objects, so Get-MgUser, Get-ADUser and Import-Csv output can be piped.
    /// -PhoneNumber and -Extension find the owner of each through the Numbers API, whatever its type. -Name matches
    /// the start of the display name across the three kinds. -LocationId and -Type narrow any of these. An address that
    /// matches nobody is a non-terminating WebexMemberNotFound error naming it, and the others go on; one that matches a
    /// person without Webex Calling is WebexMemberNotCalling. The token needs spark-admin:people_read,
    /// spark-admin:workspaces_read and spark-admin:telephony_config_read (a missing one is an error that names it).
    /// Lists are paged as each API pages them, through the connection's retries and rate-limit gate.
    /// </remarks>
    /// <example>
    /// <code>Get-WebexCallingMember -Email alice@example.com, bob@example.com | Get-WebexCall</code>
    /// <para>Finds two people by address and lists their calls.</para>
    /// </example>
    /// <example>
    /// <code>Get-MgUser -Filter "department eq 'Sales'" | Get-WebexCallingMember | Get-WebexCall | Where-Object State -eq Held | Stop-WebexCall</code>
    /// <para>Entra ID's Sales department, found in Webex by their addresses (Mail or UserPrincipalName); their held calls are hung up.</para>
    /// </example>
    /// <example>
    /// <code>Get-ADUser -Filter * -SearchBase 'OU=Support,DC=example,DC=com' | Get-WebexCallingMember | Export-Csv ./support-members.csv</code>
    /// <para>Active Directory's Support OU, found in Webex by UserPrincipalName, saved with their member ids.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./agents.csv | Get-WebexCallingMember -ThrottleLimit 16 | Watch-WebexCall -Timeout '01:00:00'</code>
    /// <para>A CSV with an Email column: the agents' calls are watched for an hour.</para>
    /// </example>
    /// <example>
    /// <code>Get-WebexCallingMember -Extension 6001, 6002; Get-WebexCallingMember -Type Workspace -Name Lobby</code>
    /// <para>Finds the owners of two extensions, and the workspaces whose names start with Lobby.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "WebexCallingMember", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Base + "#get-webexcallingmember")]
    [OutputType(typeof(CallingMember))]
    public sealed class GetWebexCallingMemberCommand : PSCmdlet, IDisposable
    {
        private const string ListSet = "List";
        private const string EmailSet = "Email";
        private const string NumberSet = "Number";

        private readonly CmdletHost _host;
        private readonly HashSet<string> _asked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The directory look-ups run through a <see cref="CmdletHost"/>, like the call cmdlets.</summary>
        public GetWebexCallingMemberCommand()
        {
            _host = new CmdletHost(this);
        }

        /// <summary>
        /// The e-mail addresses of the people to find. Binds piped text, and the Email, EmailAddress, Mail or
        /// UserPrincipalName property of piped objects (Get-MgUser, Get-ADUser, Import-Csv rows).
        /// </summary>
        [Parameter(ParameterSetName = EmailSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EmailAddress", "Mail", "UserPrincipalName")]
        [PlainTextTransformation]
        [ValidateNotNullOrEmpty]
        [ValidateEmail]
        public string[] Email { get; set; } = new string[0];

        /// <summary>The start of the display name, without regard to case, across people, workspaces and virtual lines.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Phone numbers whose owners to find (the Numbers API, as Webex writes them: +14085551234).</summary>
        [Parameter(ParameterSetName = NumberSet)]
        [ValidateNotNullOrEmpty]
        public string[]? PhoneNumber { get; set; }

        /// <summary>Extensions whose owners to find.</summary>
        [Parameter(ParameterSetName = NumberSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Extension { get; set; }

        /// <summary>Keeps only members in this Webex Calling location.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LocationId { get; set; }

        /// <summary>Keeps only these kinds: Person, Workspace, VirtualLine.</summary>
        [Parameter]
        [ValidateSet("Person", "Workspace", "VirtualLine", IgnoreCase = true)]
        public CallingMemberType[]? Type { get; set; }

        /// <summary>The organisation to look in, when it is not the token's own (a partner administrator's).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OrgId { get; set; }

        /// <summary>How many look-ups may run at once (1 to 64; 10 by default): one per address, number or extension, or per kind of list.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary>
        /// The connection to use (Connect-WebexCalling -PassThru, or its Id); the most recent one when omitted. Not bound
        /// from piped objects: what is piped here is people, and a piped call or connection must not start a whole list.
        /// </summary>
        [Parameter]
        [Alias("ConnectionId")]
        [ConnectionTransformation]
        public WebexCallingConnection? Connection { get; set; }

        /// <summary>Starts the look-ups for this pipeline item; each writes its members as they arrive.</summary>
        protected override void ProcessRecord()
        {
            // Checked once, before any list starts: three lists must not each report the same bad id.
            foreach (var (name, value) in new[] { ("locationId", LocationId), ("orgId", OrgId) })
            {
                if (value != null && WebexIdRules.Problem(value) is string problem)
                {
                    WriteError(WebexErrorRecords.From(new WebexApiException(WebexErrorKind.InvalidId, "GET", "/people", null,
                        "the " + (name == "orgId" ? "organisation" : "location") + " id '" + WebexIdRules.Quote(value) + "' is not a Webex id: " + problem, null, null) { ArgumentName = name }, value));
                    return;
                }
            }

            var client = _host.ClientFor(Connection);
            var (location, org, cancellation) = (LocationId, OrgId, _host.CancellationToken);
            switch (ParameterSetName)
            {
                case EmailSet:
                    if (!Wants(CallingMemberType.Person))
                    {
                        return;
                    }

                    var addresses = Email.Where(address => _asked.Add(address)).ToArray();
                    _host.ExpectItems(addresses.Length);
                    foreach (var address in addresses)
                    {
                        _host.Start(ThrottleLimit, address, () => Collect(page => client.Directory.ListPeopleAsync(address, null, location, org, page, cancellation), "people"),
                            found => WriteFound(address, found));
                    }

                    break;
                case NumberSet:
                    var numbers = (PhoneNumber ?? new string[0]).Select(number => (Number: (string?)number, Extension: (string?)null))
                        .Concat((Extension ?? new string[0]).Select(extension => (Number: (string?)null, Extension: (string?)extension)))
                        .Where(item => _asked.Add(item.Number ?? "ext:" + item.Extension)).ToArray();
                    _host.ExpectItems(numbers.Length);
                    foreach (var (number, extension) in numbers)
                    {
                        var target = number ?? extension!;
                        _host.Start(ThrottleLimit, target, () => Collect(page => client.Directory.FindNumberOwnersAsync(number, extension, location, org, page, cancellation), "numbers"),
                            found => WriteFound(target, found));
                    }

                    break;
                default:
                    StartLists(client, Name, location, org);
                    break;
            }
        }

        /// <summary>Writes what the look-ups found, and waits for those still running.</summary>
        protected override void EndProcessing() => _host.WaitForAll();

        /// <summary>Ctrl+C cancels every look-up at once.</summary>
        protected override void StopProcessing() => _host.Cancel();

        /// <summary>Releases the engine.</summary>
        public void Dispose()
        {
            _host.Dispose();
            GC.SuppressFinalize(this);
        }

        // Every kind asked for is listed concurrently, each page written as it arrives.
        private void StartLists(WebexCallsClient client, string? name, string? location, string? org)
        {
            var cancellation = _host.CancellationToken;
            var lists = new List<(string Target, string Api, Func<Action<IReadOnlyList<CallingMember>>, Task> Read)>();
            if (Wants(CallingMemberType.Person))
            {
                lists.Add(("people", "people", page => client.Directory.ListPeopleAsync(null, name, location, org, page, cancellation)));
            }

            if (Wants(CallingMemberType.Workspace))
            {
                lists.Add(("workspaces", "workspaces", page => client.Directory.ListWorkspacesAsync(name, location, org, page, cancellation)));
            }

            if (Wants(CallingMemberType.VirtualLine))
            {
                lists.Add(("virtual lines", "virtualLines", page => client.Directory.ListVirtualLinesAsync(location, org, page, cancellation)));
            }

            foreach (var (target, api, read) in lists)
            {
                _host.Start(ThrottleLimit, target, async () =>
                {
                    await MemberAddresses.WithScopeAdvice(api, read(page => _host.Post(() => WriteMembers(page, name)))).ConfigureAwait(false);
                    return true;
                }, _ => { });
            }
        }

        private bool Wants(CallingMemberType type) => Type is null || Type.Contains(type);

        private async Task<List<CallingMember>> Collect(Func<Action<IReadOnlyList<CallingMember>>, Task> read, string api)
        {
            var found = new List<CallingMember>();
            await MemberAddresses.WithScopeAdvice(api, read(page =>
            {
                lock (found)
                {
                    found.AddRange(page);
                }
            })).ConfigureAwait(false);
            return found;
        }

        private void WriteFound(string target, List<CallingMember> found)
        {
            var members = found.Where(member => Wants(member.Type) && (LocationId is null || member.LocationId == LocationId)).ToList();
            if (members.Count == 0)
            {
                WriteError(MemberAddresses.NotFound(target));
                return;
            }

            var calling = members.Where(member => member.HasCalling).ToList();
            if (calling.Count == 0)
            {
                WriteError(MemberAddresses.NotCalling(target, members[0].DisplayName));
                return;
            }

            foreach (var member in calling)
            {
                WriteObject(member);
            }
        }

        private void WriteMembers(IReadOnlyList<CallingMember> page, string? name)
        {
            foreach (var member in page.Where(member => member.HasCalling && (name is null || (member.DisplayName ?? string.Empty).StartsWith(name, StringComparison.OrdinalIgnoreCase))))
            {
                WriteObject(member);
            }
        }
    }
}
