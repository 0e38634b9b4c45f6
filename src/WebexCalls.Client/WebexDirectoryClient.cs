using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client.Http;
using WebexCalls.Client.Wire;

namespace WebexCalls.Client
{
    /// <summary>
    /// Finds the members of an organisation that have Webex Calling, through the directory APIs: People
    /// (<c>/people?callingData=true</c>), Workspaces (<c>/workspaces?calling=webexCalling</c>) and Virtual Lines
    /// (<c>/telephony/config/virtualLines</c>). Lists are paged as each API pages them: by the <c>Link</c> header's
    /// <c>next</c> URL, followed as given (the query goes only on the first request), or, for an API whose spec declares
    /// only <c>start</c>/<c>max</c>, by asking for the next <c>start</c> while a page comes back full. Every request goes
    /// through the connection's handlers (TrackingID, retries and the rate-limit gate). Each page is handed to the caller
    /// as it arrives. Every failure is a <see cref="WebexApiException"/>. Made by <see cref="WebexCallsClient.Directory"/>.
    /// </summary>
    public sealed class WebexDirectoryClient
    {
        /// <summary>People per page with <c>callingData=true</c>: the spec caps <c>max</c> at 100 then.</summary>
        public const int PeoplePageSize = 100;

        /// <summary>People per page with <c>locationId</c>: the spec caps <c>max</c> at 50 then.</summary>
        public const int PeopleInLocationPageSize = 50;

        /// <summary>Workspaces and virtual lines per page (no cap is documented; 100 keeps pages alike).</summary>
        public const int PageSize = 100;

        private readonly WebexRequestSender _sender;
        private readonly string? _connectionId;

        internal WebexDirectoryClient(WebexRequestSender sender, string? connectionId)
        {
            _sender = sender;
            _connectionId = connectionId;
        }

        /// <summary>
        /// Lists people with their Webex Calling data (<c>GET /people?callingData=true</c>), filtered by
        /// <paramref name="email"/>, display-name prefix <paramref name="displayName"/> and <paramref name="locationId"/>
        /// when given, in <paramref name="orgId"/> or the token's own organisation. Every person Webex returns is
        /// handed on, with <see cref="CallingMember.HasCalling"/> false for one without a calling location.
        /// </summary>
        public Task ListPeopleAsync(string? email, string? displayName, string? locationId, string? orgId, Action<IReadOnlyList<CallingMember>> onPage, CancellationToken cancellationToken)
        {
            var pageSize = locationId is null ? PeoplePageSize : PeopleInLocationPageSize;
            var path = "people" + Query(("callingData", "true"), ("max", Number(pageSize)), ("email", email), ("displayName", displayName),
                ("locationId", Id("locationId", locationId, "/people")), ("orgId", Id("orgId", orgId, "/people")));
            return ReadPagesAsync("people", path, WebexJsonContext.Wire.PersonListWire, page => page.Items?.Count ?? -1,
                page => page.Items!.Where(item => item?.Id != null).Select(item => ToMember(item!, orgId)).ToList(), pageSize, null, onPage, cancellationToken);
        }

        /// <summary>
        /// Lists the workspaces that have Webex Calling (<c>GET /workspaces?calling=webexCalling</c>), by display-name
        /// <paramref name="displayName"/> and <paramref name="locationId"/> when given. The spec declares
        /// <c>start</c>/<c>max</c> paging and no <c>Link</c>; both are handled.
        /// </summary>
        public Task ListWorkspacesAsync(string? displayName, string? locationId, string? orgId, Action<IReadOnlyList<CallingMember>> onPage, CancellationToken cancellationToken)
        {
            string PathAt(int start) => "workspaces" + Query(("calling", "webexCalling"), ("max", Number(PageSize)), ("start", start == 0 ? null : Number(start)),
                ("displayName", displayName), ("locationId", Id("locationId", locationId, "/workspaces")), ("orgId", Id("orgId", orgId, "/workspaces")));
            return ReadPagesAsync("workspaces", PathAt(0), WebexJsonContext.Wire.WorkspaceListWire, page => page.Items?.Count ?? -1,
                page => page.Items!.Where(item => item?.Id != null).Select(item => ToMember(item!, orgId)).ToList(), PageSize, PathAt, onPage, cancellationToken);
        }

        /// <summary>
        /// Lists the organisation's virtual lines (<c>GET /telephony/config/virtualLines</c>, whose list is under
        /// <c>virtualLines</c>), in <paramref name="locationId"/> when given. Paged by <c>Link</c>.
        /// </summary>
        public Task ListVirtualLinesAsync(string? locationId, string? orgId, Action<IReadOnlyList<CallingMember>> onPage, CancellationToken cancellationToken)
        {
            string PathAt(int start) => "telephony/config/virtualLines" + Query(("max", Number(PageSize)), ("start", start == 0 ? null : Number(start)),
                ("locationId", Id("locationId", locationId, "/telephony/config/virtualLines")), ("orgId", Id("orgId", orgId, "/telephony/config/virtualLines")));
            return ReadPagesAsync("virtualLines", PathAt(0), WebexJsonContext.Wire.VirtualLineListWire, page => page.VirtualLines?.Count ?? -1,
                page => page.VirtualLines!.Where(item => item?.Id != null).Select(item => ToMember(item!, orgId)).ToList(), PageSize, PathAt, onPage, cancellationToken);
        }

        /// <summary>
        /// Finds who owns a phone number or an extension (<c>GET /telephony/config/numbers</c>, whatever the owner's type):
        /// the people, workspaces and virtual lines among the owners, as members. Numbers owned by anything else (an auto
        /// attendant, a call queue) are not members of the Members API and are left out.
        /// </summary>
        public Task FindNumberOwnersAsync(string? phoneNumber, string? extension, string? locationId, string? orgId, Action<IReadOnlyList<CallingMember>> onPage, CancellationToken cancellationToken)
        {
            const int pageSize = 2000;
            string PathAt(int start) => "telephony/config/numbers" + Query(("phoneNumber", phoneNumber), ("extension", extension), ("max", Number(pageSize)),
                ("start", start == 0 ? null : Number(start)), ("locationId", Id("locationId", locationId, "/telephony/config/numbers")), ("orgId", Id("orgId", orgId, "/telephony/config/numbers")));
            return ReadPagesAsync("numbers", PathAt(0), WebexJsonContext.Wire.NumberListWire, page => page.PhoneNumbers?.Count ?? -1,
                page => page.PhoneNumbers!.Where(item => item?.Owner?.Id != null && OwnerType(item.Owner.Type) != CallingMemberType.Unknown)
                    .Select(item => ToMember(item!, orgId)).ToList(), pageSize, PathAt, onPage, cancellationToken);
        }

        private static CallingMemberType OwnerType(string? type) => type switch
        {
            "PEOPLE" => CallingMemberType.Person,
            "PLACE" => CallingMemberType.Workspace,
            "VIRTUAL_LINE" => CallingMemberType.VirtualLine,
            _ => CallingMemberType.Unknown,
        };

        private static CallingMember ToMember(NumberWire number, string? orgId) => new CallingMember
        {
            MemberId = number.Owner!.Id!,
            Type = OwnerType(number.Owner.Type),
            DisplayName = string.Join(" ", new[] { number.Owner.FirstName, number.Owner.LastName }.Where(part => !string.IsNullOrEmpty(part))),
            PhoneNumber = number.PhoneNumber,
            Extension = number.Extension,
            LocationId = number.Location?.Id,
            OrgId = orgId,
            HasCalling = true,
        };

        private Task ReadPagesAsync<TPage>(
            string operation, string firstPath, JsonTypeInfo<TPage> type, Func<TPage, int> countOf, Func<TPage, List<CallingMember>> membersOf,
            int pageSize, Func<int, string>? pathAt, Action<IReadOnlyList<CallingMember>> onPage, CancellationToken cancellationToken)
            where TPage : class =>
            PageReader.ReadAsync(_sender, operation, firstPath, type, countOf, membersOf, member => member.ConnectionId = _connectionId, pageSize, pathAt, onPage, cancellationToken);

        private static CallingMember ToMember(PersonWire person, string? orgId)
        {
            var numbers = person.PhoneNumbers?.Where(number => number?.Value != null).ToList();
            var primary = numbers?.FirstOrDefault(number => number!.Primary == true && number.Type != "work_extension")
                ?? numbers?.FirstOrDefault(number => number!.Type == "work");
            return new CallingMember
            {
                MemberId = person.Id!,
                Type = CallingMemberType.Person,
                DisplayName = person.DisplayName,
                Email = person.Emails?.FirstOrDefault(address => !string.IsNullOrEmpty(address)),
                PhoneNumber = primary?.Value,
                Extension = person.Extension,
                LocationId = person.LocationId,
                OrgId = person.OrgId ?? orgId,
                // The spec gives Webex Calling data only to people with Webex Calling: a calling location marks them.
                HasCalling = !string.IsNullOrEmpty(person.LocationId),
            };
        }

        private static CallingMember ToMember(WorkspaceWire workspace, string? orgId) => new CallingMember
        {
            MemberId = workspace.Id!,
            Type = CallingMemberType.Workspace,
            DisplayName = workspace.DisplayName,
            LocationId = workspace.LocationId,
            OrgId = workspace.OrgId ?? orgId,
            HasCalling = workspace.Calling?.Type is null || string.Equals(workspace.Calling.Type, "webexCalling", StringComparison.OrdinalIgnoreCase),
        };

        private static CallingMember ToMember(VirtualLineWire line, string? orgId) => new CallingMember
        {
            MemberId = line.Id!,
            Type = CallingMemberType.VirtualLine,
            DisplayName = string.Join(" ", new[] { line.FirstName, line.LastName }.Where(part => !string.IsNullOrEmpty(part))),
            PhoneNumber = line.Number?.External,
            Extension = line.Number?.Extension,
            LocationId = line.Location?.Id,
            OrgId = orgId,
            HasCalling = true,
        };

        private static string? Id(string name, string? value, string operation)
        {
            if (value != null)
            {
                Routes.RequireId(name, value, "GET", operation);
            }

            return value;
        }

        private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Query(params (string Name, string? Value)[] parts)
        {
            var given = parts.Where(part => part.Value != null).Select(part => part.Name + "=" + Uri.EscapeDataString(part.Value!)).ToArray();
            return given.Length == 0 ? string.Empty : "?" + string.Join("&", given);
        }
    }
}
