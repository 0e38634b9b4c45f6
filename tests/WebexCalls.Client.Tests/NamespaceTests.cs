using System.Linq;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>Namespaces follow assemblies (issue 16): a type's name says which DLL ships it.</summary>
public sealed class NamespaceTests
{
    [Fact]
    public void Every_public_type_of_the_client_is_in_WebexCalls_Client()
    {
        var outside = typeof(WebexCallsClient).Assembly.GetExportedTypes()
            .Where(type => type.Namespace != "WebexCalls.Client" && type.Namespace?.StartsWith("WebexCalls.Client.", System.StringComparison.Ordinal) != true)
            .Select(type => type.FullName);
        Assert.Empty(outside);
    }

    [Fact]
    public void Every_public_type_of_the_model_is_in_WebexCalls()
    {
        var outside = typeof(CallSession).Assembly.GetExportedTypes().Where(type => type.Namespace != "WebexCalls").Select(type => type.FullName);
        Assert.Empty(outside);
    }
}
