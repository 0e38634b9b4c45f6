using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Options;

namespace WebexCalls.Simulator;

/// <summary>A member of the organisation, as the control API lists it.</summary>
public sealed record MemberInfo(string Id, string Kind, string? Name, string? Number, int ActiveCalls, IReadOnlyList<string>? LastWrapUpReasons);

/// <summary>One member to seed: any field left out is made up (an id shaped like Webex's, a name, an extension).</summary>
public sealed record MemberSeed(string? Id, string? Kind, string? Name, string? Number, int ActiveCalls, string? Email = null, string? LocationId = null, bool? HasCalling = null);

/// <summary>
/// What the directory APIs (People, Workspaces, Virtual Lines, Numbers) know of a member. A person without Webex Calling
/// has no calling location, number or extension there, and the Members API does not know them.
/// </summary>
public sealed record DirectoryEntry(string Id, string Kind, string Name, string? Email, string? Number, string Extension, string LocationId, bool HasCalling);

/// <summary>
/// The organisation that admin mode (the Call Controls Members API) acts in: its members (people, workspaces, virtual
/// lines), each with calls of their own run by the same state machine as the user's (<see cref="CallStore"/>).
/// </summary>
/// <remarks>
/// Assumptions where the spec is silent, repeated in docs/simulator.md: an orgId that is not this organisation's answers 403
/// (the spec lists 403 and 404; "not yours" is a refusal, not an absence); an unknown member answers 404
/// "Member not found"; a member's history is not offered (only a third party claims it), so it answers the 404 of an
/// unknown path; wrap-up reasons need a completed call (404 otherwise: the operation lists no 409).
/// </remarks>
public sealed class Organization
{
    /// <summary>This organisation's id, shaped like Webex's.</summary>
    public static readonly string Id = Base64("ciscospark://us/ORGANIZATION/simulated-org");

    private static readonly Dictionary<string, string> IdTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = "PEOPLE",
        ["workspace"] = "PLACE",
        ["virtualLine"] = "VIRTUAL_LINE",
    };

    /// <summary>The location every seeded member is in unless its seed names another.</summary>
    public static readonly string MainLocationId = Base64("ciscospark://us/LOCATION/main");

    private readonly ConcurrentDictionary<string, Member> _members = new(StringComparer.Ordinal);
    private readonly List<Member> _order = new();
    private readonly TimeProvider _time;
    private readonly IOptions<SimulatorOptions> _options;
    private int _nextExtension = 6000;

    /// <summary>Creates an organisation with no members.</summary>
    public Organization(TimeProvider time, IOptions<SimulatorOptions> options)
    {
        _time = time;
        _options = options;
    }

    /// <summary>The kinds of member: person, workspace, virtualLine.</summary>
    public static IReadOnlyCollection<string> Kinds => IdTypes.Keys;

    /// <summary>Adds members (thousands in one call are fine), each with <c>ActiveCalls</c> answered incoming calls; returns their ids.</summary>
    public IReadOnlyList<string> Add(IEnumerable<MemberSeed> seeds)
    {
        var ids = new List<string>();
        foreach (var seed in seeds)
        {
            var kind = seed.Kind is { } k && IdTypes.ContainsKey(k) ? IdTypes.Keys.First(key => string.Equals(key, k, StringComparison.OrdinalIgnoreCase)) : "person";
            var extension = System.Threading.Interlocked.Increment(ref _nextExtension).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = seed.Id ?? Base64("ciscospark://us/" + IdTypes[kind] + "/" + Guid.NewGuid());
            var name = seed.Name ?? kind + " " + extension;
            var self = new PartyJson(name, seed.Number ?? extension, kind == "person" ? id : null, kind == "person" ? null : id, false, "location");
            // A seeded person's address is made from the name's letters and the extension, so it is unique and predictable.
            var email = kind != "person" ? null : seed.Email ?? new string(name.Where(char.IsLetter).ToArray()).ToLowerInvariant() + extension + "@example.com";
            var entry = new DirectoryEntry(id, kind, name, email, seed.Number ?? "+1408555" + extension, extension, seed.LocationId ?? MainLocationId, seed.HasCalling ?? true);
            var member = new Member(id, kind, new CallStore(_time, _options, self), entry);
            for (var i = 0; i < seed.ActiveCalls; i++)
            {
                member.Calls.AddIncoming(new IncomingCallSeed("+1408555" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Answered: true));
            }

            _members[id] = member;
            lock (_order)
            {
                _order.Add(member);
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The member's calls, or null for an unknown member.</summary>
    /// <summary>The calls of a member of the Members API; null for an unknown id or a person without Webex Calling.</summary>
    public CallStore? CallsOf(string memberId) => _members.TryGetValue(memberId, out var member) && member.Entry.HasCalling ? member.Calls : null;

    /// <summary>Every member with Webex Calling, with its kind and calls: what an organisation's webhook reports on.</summary>
    public IReadOnlyList<(string Id, string Kind, CallStore Calls)> CallingMembers()
    {
        lock (_order)
        {
            return _order.Where(member => member.Entry.HasCalling).Select(member => (member.Id, member.Kind, member.Calls)).ToList();
        }
    }

    /// <summary>The directory, in the order members were added (the order the directory APIs list them in).</summary>
    public IReadOnlyList<DirectoryEntry> Directory()
    {
        lock (_order)
        {
            return _order.Select(member => member.Entry).ToList();
        }
    }

    /// <summary>Records wrap-up reasons on the member's last completed call; false when it has none.</summary>
    public bool SetWrapUp(string memberId, IReadOnlyList<string> reasons)
    {
        if (!_members.TryGetValue(memberId, out var member) || member.Calls.LastEndedCallId is null)
        {
            return false;
        }

        member.LastWrapUpReasons = reasons;
        return true;
    }

    /// <summary>Every member, with how many active calls each has.</summary>
    public IReadOnlyList<MemberInfo> List() =>
        _members.Values.Select(m => new MemberInfo(m.Id, m.Kind, m.Calls.Self.Name, m.Calls.Self.Number, m.Calls.List().Count, m.LastWrapUpReasons)).ToList();

    /// <summary>Forgets every member.</summary>
    public void Clear()
    {
        _members.Clear();
        lock (_order)
        {
            _order.Clear();
        }

        _nextExtension = 6000;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=');

    private sealed class Member(string id, string kind, CallStore calls, DirectoryEntry entry)
    {
        public DirectoryEntry Entry { get; } = entry;
        public string Id { get; } = id;
        public string Kind { get; } = kind;
        public CallStore Calls { get; } = calls;
        public IReadOnlyList<string>? LastWrapUpReasons { get; set; }
    }
}
