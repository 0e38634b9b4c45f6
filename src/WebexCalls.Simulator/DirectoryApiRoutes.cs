using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WebexCalls.Simulator;

/// <summary>
/// The directory APIs a member id is found through, as Cisco's spec (webex-directory.openapi.yml) describes them:
/// People (<c>/people</c>, paged by a Link header whose next URL carries an opaque cursor, so a client must follow it as
/// given), Workspaces and Numbers (<c>start</c>/<c>max</c>, no Link: the spec declares none), Virtual Lines (Link, the
/// list under <c>virtualLines</c>). Where the spec is silent the simulator decides, and says so here:
/// - <c>max</c> above a documented cap (100 with <c>callingData</c>, 50 with <c>locationId</c>) is lowered to the cap, as
///   "will not be more than" reads; <c>max</c> below 1 is a 400.
/// - <c>displayName</c> matches a prefix, without regard to case (the People spec says "starts with"; Workspaces and
///   virtual lines are read the same way); <c>email</c> matches the whole address, without regard to case.
/// - An <c>orgId</c> other than the simulated organisation's answers 404, as for a member.
/// - Without <c>callingData=true</c> a person has no calling fields; a person without Webex Calling never has them.
/// </summary>
internal static class DirectoryApiRoutes
{
    private const int DefaultMax = 100;

    public static void Map(WebApplication app)
    {
        app.MapGet("/v1/people", (HttpContext context, Organization organization) =>
        {
            var query = Query.From(context);
            if (query.Error(context) is { } error)
            {
                return error;
            }

            var ids = query["id"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids is { Length: > 85 })
            {
                return WebexErrors.Error(context, 400, "id accepts at most 85 person ids.");
            }

            var calling = string.Equals(query["callingData"], "true", StringComparison.OrdinalIgnoreCase);
            var max = Math.Min(query.Max(DefaultMax), Math.Min(calling ? 100 : int.MaxValue, query["locationId"] is null ? int.MaxValue : 50));
            var people = organization.Directory().Where(entry => entry.Kind == "person")
                .Where(entry => query["email"] is not { } email || string.Equals(entry.Email, email, StringComparison.OrdinalIgnoreCase))
                .Where(entry => query["displayName"] is not { } name || entry.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                .Where(entry => ids is null || ids.Contains(entry.Id))
                .Where(entry => query["locationId"] is not { } location || (entry.HasCalling && entry.LocationId == location))
                .ToList();
            return Page(context, query, people, max, "items", entry => Person(entry, calling));
        });

        app.MapGet("/v1/people/{personId}", (HttpContext context, Organization organization, string personId) =>
        {
            var calling = string.Equals(context.Request.Query["callingData"], "true", StringComparison.OrdinalIgnoreCase);
            return organization.Directory().FirstOrDefault(entry => entry.Kind == "person" && entry.Id == personId) is { } person
                ? Results.Json(Person(person, calling))
                : WebexErrors.Error(context, 404, "Person not found.");
        });

        app.MapGet("/v1/workspaces", (HttpContext context, Organization organization) =>
        {
            var query = Query.From(context);
            if (query.Error(context) is { } error)
            {
                return error;
            }

            var workspaces = organization.Directory().Where(entry => entry.Kind == "workspace")
                .Where(entry => query["calling"] is not { } type || string.Equals(type, entry.HasCalling ? "webexCalling" : "none", StringComparison.OrdinalIgnoreCase))
                .Where(entry => query["displayName"] is not { } name || entry.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                .Where(entry => query["locationId"] is not { } location || entry.LocationId == location)
                .ToList();
            return Page(context, query, workspaces, query.Max(DefaultMax), "items", Workspace, link: false);
        });

        app.MapGet("/v1/telephony/config/virtualLines", (HttpContext context, Organization organization) =>
        {
            var query = Query.From(context);
            if (query.Error(context) is { } error)
            {
                return error;
            }

            var lines = organization.Directory().Where(entry => entry.Kind == "virtualLine")
                .Where(entry => query["locationId"] is not { } location || entry.LocationId == location)
                .ToList();
            return Page(context, query, lines, query.Max(DefaultMax), "virtualLines", VirtualLine);
        });

        app.MapGet("/v1/telephony/config/numbers", (HttpContext context, Organization organization) =>
        {
            var query = Query.From(context);
            if (query.Error(context) is { } error)
            {
                return error;
            }

            var numbers = organization.Directory().Where(entry => entry.HasCalling)
                .Where(entry => query["phoneNumber"] is not { } number || entry.Number == number)
                .Where(entry => query["extension"] is not { } extension || entry.Extension == extension)
                .Where(entry => query["locationId"] is not { } location || entry.LocationId == location)
                .ToList();
            return Page(context, query, numbers, query.Max(2000), "phoneNumbers", Number, link: false);
        });
    }

    private static IResult Page(HttpContext context, Query query, IReadOnlyList<DirectoryEntry> all, int max, string key, Func<DirectoryEntry, object> shape, bool link = true)
    {
        var start = query.Start;
        var page = all.Skip(start).Take(max).Select(shape).ToList();
        if (link && start + max < all.Count)
        {
            var next = context.Request.Scheme + "://" + context.Request.Host + context.Request.Path + "?cursor=" + Cursor.Encode(query.With(start + max, max));
            context.Response.Headers.Append("Link", "<" + next + ">; rel=\"next\"");
        }

        var body = new Dictionary<string, object?> { [key] = page };
        if (key == "phoneNumbers")
        {
            body["count"] = new { phoneNumbers = all.Count };
        }

        return Results.Json(body);
    }

    private static object Person(DirectoryEntry entry, bool callingData)
    {
        var person = new Dictionary<string, object?>
        {
            ["id"] = entry.Id,
            ["emails"] = new[] { entry.Email },
            ["displayName"] = entry.Name,
            ["orgId"] = Organization.Id,
            ["type"] = "person",
        };
        if (callingData && entry.HasCalling)
        {
            person["phoneNumbers"] = new[] { new { type = "work", value = entry.Number, primary = true }, new { type = "work_extension", value = (string?)entry.Extension, primary = false } };
            person["extension"] = entry.Extension;
            person["locationId"] = entry.LocationId;
        }

        return person;
    }

    private static object Workspace(DirectoryEntry entry) => new
    {
        id = entry.Id,
        orgId = Organization.Id,
        locationId = entry.LocationId,
        displayName = entry.Name,
        calling = new { type = entry.HasCalling ? "webexCalling" : "none" },
    };

    private static object VirtualLine(DirectoryEntry entry)
    {
        var space = entry.Name.IndexOf(' ');
        return new
        {
            id = entry.Id,
            firstName = space < 0 ? entry.Name : entry.Name[..space],
            lastName = space < 0 ? string.Empty : entry.Name[(space + 1)..],
            number = new { external = entry.Number, extension = entry.Extension, primary = true },
            location = new { id = entry.LocationId, name = "Main" },
        };
    }

    private static object Number(DirectoryEntry entry)
    {
        var space = entry.Name.IndexOf(' ');
        return new
        {
            phoneNumber = entry.Number,
            extension = entry.Extension,
            location = new { id = entry.LocationId, name = "Main" },
            owner = new
            {
                id = entry.Id,
                type = entry.Kind switch { "workspace" => "PLACE", "virtualLine" => "VIRTUAL_LINE", _ => "PEOPLE" },
                firstName = space < 0 ? entry.Name : entry.Name[..space],
                lastName = space < 0 ? string.Empty : entry.Name[(space + 1)..],
            },
        };
    }

    /// <summary>A list request's parameters: from the query, or from the cursor of a next link (which replaces them).</summary>
    private sealed class Query
    {
        private readonly Dictionary<string, string> _values;

        private Query(Dictionary<string, string> values) => _values = values;

        public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        public int Start => int.TryParse(this["start"], out var start) && start > 0 ? start : 0;

        public static Query From(HttpContext context)
        {
            var request = context.Request.Query;
            if (request.TryGetValue("cursor", out var cursor) && Cursor.Decode(cursor.ToString()) is { } fromCursor)
            {
                return new Query(fromCursor);
            }

            return new Query(request.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal));
        }

        public int Max(int fallback) => int.TryParse(this["max"], out var max) ? max : fallback;

        public IResult? Error(HttpContext context)
        {
            if (context.Request.Query.ContainsKey("cursor") && Cursor.Decode(context.Request.Query["cursor"].ToString()) is null)
            {
                return WebexErrors.Error(context, 400, "Invalid cursor.");
            }

            if (this["max"] is { } max && (!int.TryParse(max, out var value) || value < 1))
            {
                return WebexErrors.Error(context, 400, "max must be a number of 1 or more.");
            }

            if (this["orgId"] is { } orgId && orgId != Organization.Id)
            {
                return WebexErrors.Error(context, 404, "Organization not found.");
            }

            return null;
        }

        public Dictionary<string, string> With(int start, int max) =>
            new(_values, StringComparer.Ordinal) { ["start"] = start.ToString(System.Globalization.CultureInfo.InvariantCulture), ["max"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>An opaque cursor: the parameters of the next page, so a client cannot build it and must follow the link.</summary>
    private static class Cursor
    {
        public static string Encode(Dictionary<string, string> values) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(values))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Dictionary<string, string>? Decode(string cursor)
        {
            try
            {
                var text = cursor.Replace('-', '+').Replace('_', '/');
                text += new string('=', (4 - text.Length % 4) % 4);
                return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
            }
            catch (Exception ex) when (ex is FormatException || ex is System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
