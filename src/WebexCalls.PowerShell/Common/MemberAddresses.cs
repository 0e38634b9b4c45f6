using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// E-mail addresses wherever a member id goes (issue 17): an address given as -MemberId is looked up once per
    /// connection through the People API and then used as the member's id. The answers are kept per connection,
    /// bounded; an address Webex does not know is not kept, so a person added later is found. A phone number or an
    /// extension is never guessed as a member: only Get-WebexCallingMember resolves those.
    /// </summary>
    internal sealed class MemberAddresses
    {
        /// <summary>How many addresses a connection remembers; past it, the oldest half is forgotten.</summary>
        public const int Capacity = 10_000;

        private readonly ConcurrentDictionary<string, (string MemberId, long Order)> _known = new ConcurrentDictionary<string, (string, long)>(StringComparer.OrdinalIgnoreCase);
        private long _order;

        /// <summary>True when <paramref name="memberId"/> is an e-mail address rather than a Webex id.</summary>
        public static bool IsAddress(string? memberId) => ValidateEmailAttribute.IsAddress(memberId);

        /// <summary>The member id an address was found to be, when this connection has looked it up before.</summary>
        public bool TryGet(string address, string? orgId, out string memberId)
        {
            if (_known.TryGetValue(Key(address, orgId), out var entry))
            {
                memberId = entry.MemberId;
                return true;
            }

            memberId = string.Empty;
            return false;
        }

        /// <summary>
        /// Looks up <paramref name="address"/> through the People API: the person's id when they have Webex Calling,
        /// or a <see cref="MemberLookupException"/> (not found, or without Webex Calling) for the cmdlet to report.
        /// </summary>
        public async Task<string> LookUpAsync(WebexCallsClient client, string address, string? orgId, CancellationToken cancellationToken)
        {
            var found = new List<CallingMember>();
            await WithScopeAdvice("people", client.Directory.ListPeopleAsync(address, null, null, orgId, page =>
            {
                lock (found)
                {
                    found.AddRange(page);
                }
            }, cancellationToken)).ConfigureAwait(false);

            var person = found.FirstOrDefault(member => string.Equals(member.Email, address, StringComparison.OrdinalIgnoreCase)) ?? found.FirstOrDefault();
            if (person is null)
            {
                throw new MemberLookupException(NotFound(address));
            }

            if (!person.HasCalling)
            {
                throw new MemberLookupException(NotCalling(address, person.DisplayName));
            }

            if (_known.Count >= Capacity)
            {
                // Bounded: forget the older half rather than grow without end in a long-running host.
                foreach (var old in _known.OrderBy(pair => pair.Value.Order).Take(Capacity / 2).Select(pair => pair.Key).ToList())
                {
                    _known.TryRemove(old, out _);
                }
            }

            _known[Key(address, orgId)] = (person.MemberId, Interlocked.Increment(ref _order));
            return person.MemberId;
        }

        /// <summary>No member of the organisation has <paramref name="target"/>.</summary>
        public static ErrorRecord NotFound(string target) =>
            WebexErrorRecords.Failure(new ItemNotFoundException("No member of the organisation has " + WebexIdRules.Quote(target) + "."),
                "WebexMemberNotFound", ErrorCategory.ObjectNotFound, target,
                "Check the address or number; Get-WebexCallingMember -Name lists members by the start of their name.");

        /// <summary><paramref name="target"/> is a person's who has no Webex Calling.</summary>
        public static ErrorRecord NotCalling(string target, string? name) =>
            WebexErrorRecords.Failure(new InvalidOperationException(WebexIdRules.Quote(target) + " is " + (name ?? "a person") + ", who has no Webex Calling: the Members API does not act for them."),
                "WebexMemberNotCalling", ErrorCategory.ResourceUnavailable, target,
                "Give the person a Webex Calling licence and location in Control Hub, or leave them out.");

        /// <summary>A 403 from a directory API is nearly always a scope the token lacks: it says which, and how to add it.</summary>
        public static async Task WithScopeAdvice(string api, Task read)
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch (WebexApiException ex) when (ex.Kind == WebexErrorKind.Forbidden)
            {
                var scope = api == "people" ? "spark-admin:people_read" : api == "workspaces" ? "spark-admin:workspaces_read" : "spark-admin:telephony_config_read";
                throw new WebexApiException(ex.Kind, ex.Method, ex.Path, ex.StatusCode,
                    "Webex refused the " + api + " look-up (403): the token needs " + scope + ". For a Service App, add the scope in the Developer Portal, have an administrator authorise the app again, and get a new token; for an integration, ask for the scope and sign in again",
                    ex.Details, ex.TrackingId, ex.RetryAfter, null, ex);
            }
        }

        private static string Key(string address, string? orgId) => address + "\n" + orgId;
    }

    /// <summary>An address that names no member the Members API acts for; carries the record to write.</summary>
    internal sealed class MemberLookupException : Exception
    {
        public MemberLookupException(ErrorRecord record)
            : base(record.Exception.Message)
        {
            Record = record;
        }

        /// <summary>The non-terminating error to write for the address.</summary>
        public ErrorRecord Record { get; }
    }
}
