using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WebexCalls.Tests.Shared;

/// <summary>
/// Cisco's spec extract, read where it lives: ../shared/reference beside the repository (or WEBEXCALLS_SPEC_PATH).
/// It is never copied into the repository; where it is absent, the tests that need it are skipped, saying why.
/// </summary>
internal static class SpecFile
{
    public const string FileName = "webex-call-controls.openapi.yml";

    public static string? Path { get; } = Find(FileName);

    private static readonly Lazy<JsonObject> Document = new(() => (JsonObject)ToJson(LoadYaml(Path!))!);

    /// <summary>The whole spec as JSON.</summary>
    public static JsonObject Json => Document.Value;

    /// <summary>Cisco's Conference Controls spec, beside the Call Controls one.</summary>
    public const string ConferenceFileName = "webex-conference-controls.openapi.yml";

    /// <summary>Where the Conference Controls spec is; null where it is absent.</summary>
    public static string? ConferencePath { get; } = Find(ConferenceFileName);

    private static readonly Lazy<JsonObject> ConferenceDocument = new(() => (JsonObject)ToJson(LoadYaml(ConferencePath!))!);

    /// <summary>The Conference Controls spec as JSON.</summary>
    public static JsonObject ConferenceJson => ConferenceDocument.Value;

    /// <summary>Cisco's Webhooks and Webhook Interest Registrations spec, beside the Call Controls one.</summary>
    public const string WebhooksFileName = "webex-webhooks.openapi.yml";

    /// <summary>Where the Webhooks spec is; null where it is absent.</summary>
    public static string? WebhooksPath { get; } = Find(WebhooksFileName);

    private static readonly Lazy<JsonObject> WebhooksDocument = new(() => (JsonObject)ToJson(LoadYaml(WebhooksPath!))!);

    /// <summary>The Webhooks spec as JSON.</summary>
    public static JsonObject WebhooksJson => WebhooksDocument.Value;

    private static string? Find(string fileName)
    {
        var overridePath = fileName == FileName ? Environment.GetEnvironmentVariable("WEBEXCALLS_SPEC_PATH") : null;
        if (!string.IsNullOrEmpty(overridePath))
        {
            return File.Exists(overridePath) ? overridePath : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WebexCalls.PowerShell.sln")))
            {
                var candidate = System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "reference", fileName);
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }

    private static YamlNode LoadYaml(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    // YAML to JSON by hand, keeping the types that plain scalars mean (true, 12, 1.5); quoted scalars stay strings.
    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[((YamlScalarNode)key).Value!] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style != ScalarStyle.Plain)
                {
                    return JsonValue.Create(text);
                }

                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                if (text is "null" or "~" or "")
                {
                    return null;
                }

                if (Regex.IsMatch(text, @"^-?[0-9]+$") && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    return JsonValue.Create(integer);
                }

                if (Regex.IsMatch(text, @"^-?[0-9]+\.[0-9]+$"))
                {
                    return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
                }

                return JsonValue.Create(text);
            default:
                throw new NotSupportedException("Unexpected YAML node " + node.NodeType);
        }
    }
}

/// <summary>A fact that needs Cisco's spec file; skipped, with the reason, where the file is absent.</summary>
public sealed class SpecFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when the spec file cannot be found.</summary>
    public SpecFactAttribute()
    {
        if (SpecFile.Path is null)
        {
            Skip = "../shared/reference/" + SpecFile.FileName + " is absent (a clone outside the workplace), so this spec check is skipped.";
        }
    }
}

/// <summary>A fact that needs Cisco's Conference Controls spec file; skipped, with the reason, where it is absent.</summary>
public sealed class ConferenceSpecFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when the spec file cannot be found.</summary>
    public ConferenceSpecFactAttribute()
    {
        if (SpecFile.ConferencePath is null)
        {
            Skip = "../shared/reference/" + SpecFile.ConferenceFileName + " is absent (a clone outside the workplace), so this spec check is skipped.";
        }
    }
}

/// <summary>A fact that needs Cisco's Webhooks spec file; skipped, with the reason, where it is absent.</summary>
public sealed class WebhooksSpecFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when the spec file cannot be found.</summary>
    public WebhooksSpecFactAttribute()
    {
        if (SpecFile.WebhooksPath is null)
        {
            Skip = "../shared/reference/" + SpecFile.WebhooksFileName + " is absent (a clone outside the workplace), so this spec check is skipped.";
        }
    }
}
