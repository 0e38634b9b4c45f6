using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace WebexCalls.Client.Wire
{
    // The directory APIs' shapes, as Cisco's spec names them (webex-directory.openapi.yml); only what a member needs.

    internal sealed class PersonWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("emails")] public List<string?>? Emails { get; set; }
        [JsonPropertyName("phoneNumbers")] public List<PhoneNumberWire?>? PhoneNumbers { get; set; }
        [JsonPropertyName("extension")] public string? Extension { get; set; }
        [JsonPropertyName("locationId")] public string? LocationId { get; set; }
        [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
        [JsonPropertyName("orgId")] public string? OrgId { get; set; }
    }

    internal sealed class PhoneNumberWire
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("value")] public string? Value { get; set; }
        [JsonPropertyName("primary")] public bool? Primary { get; set; }
    }

    internal sealed class PersonListWire
    {
        [JsonPropertyName("items")] public List<PersonWire?>? Items { get; set; }
    }

    internal sealed class WorkspaceWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("orgId")] public string? OrgId { get; set; }
        [JsonPropertyName("locationId")] public string? LocationId { get; set; }
        [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
        [JsonPropertyName("calling")] public WorkspaceCallingWire? Calling { get; set; }
    }

    internal sealed class WorkspaceCallingWire
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
    }

    internal sealed class WorkspaceListWire
    {
        [JsonPropertyName("items")] public List<WorkspaceWire?>? Items { get; set; }
    }

    internal sealed class VirtualLineWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("firstName")] public string? FirstName { get; set; }
        [JsonPropertyName("lastName")] public string? LastName { get; set; }
        [JsonPropertyName("number")] public VirtualLineNumberWire? Number { get; set; }
        [JsonPropertyName("location")] public LocationWire? Location { get; set; }
    }

    internal sealed class VirtualLineNumberWire
    {
        [JsonPropertyName("external")] public string? External { get; set; }
        [JsonPropertyName("extension")] public string? Extension { get; set; }
    }

    internal sealed class LocationWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    internal sealed class VirtualLineListWire
    {
        // Not "items": the spec's ListVirtualLineObject list is under "virtualLines".
        [JsonPropertyName("virtualLines")] public List<VirtualLineWire?>? VirtualLines { get; set; }
    }

    internal sealed class NumberWire
    {
        [JsonPropertyName("phoneNumber")] public string? PhoneNumber { get; set; }
        [JsonPropertyName("extension")] public string? Extension { get; set; }
        [JsonPropertyName("location")] public LocationWire? Location { get; set; }
        [JsonPropertyName("owner")] public NumberOwnerWire? Owner { get; set; }
    }

    internal sealed class NumberOwnerWire
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("firstName")] public string? FirstName { get; set; }
        [JsonPropertyName("lastName")] public string? LastName { get; set; }
    }

    internal sealed class NumberListWire
    {
        // Not "items": numbers come under "phoneNumbers" (with a "count").
        [JsonPropertyName("phoneNumbers")] public List<NumberWire?>? PhoneNumbers { get; set; }
    }
}
