using System.Reflection;
using System.Runtime.Loader;
using WebexCalls.Loader;
using Xunit;

namespace WebexCalls.Client.Tests;

/// <summary>
/// What the engine's private load context takes from its folder and what it leaves to PowerShell's shared context.
/// The end-to-end proof (a real pwsh with other modules' copies loaded first) is AssemblyIsolation.Tests.ps1.
/// </summary>
public sealed class EngineLoadContextTests : IDisposable
{
    private readonly string _engine = Directory.CreateTempSubdirectory("webexcalls-engine-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_engine, recursive: true);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            // Windows keeps a loaded DLL's file locked until the process ends; the temp folder goes with it.
        }
    }

    private void CopyToEngine(Assembly assembly) =>
        File.Copy(assembly.Location, Path.Combine(_engine, Path.GetFileName(assembly.Location)));

    /// <summary>
    /// Writes a tiny assembly into the engine folder. Every DLL the test host references is on its trusted platform
    /// list, as PowerShell's own are on pwsh's, so a package only the engine holds has to be made.
    /// </summary>
    private string EmitToEngine(string name, Version version)
    {
        var builder = new System.Reflection.Emit.PersistedAssemblyBuilder(new AssemblyName(name) { Version = version }, typeof(object).Assembly);
        builder.DefineDynamicModule(name).DefineType(name + ".Marker", TypeAttributes.Public).CreateType();
        var path = Path.Combine(_engine, name + ".dll");
        builder.Save(path);
        return path;
    }

    [Fact]
    public void A_package_only_the_engine_folder_holds_loads_into_the_private_context_from_there()
    {
        var path = EmitToEngine("WebexCalls.EngineProbe", new Version(1, 0, 0, 0));
        var context = new EngineLoadContext(_engine);

        var loaded = context.LoadFromAssemblyName(new AssemblyName("WebexCalls.EngineProbe"));

        Assert.Same(context, AssemblyLoadContext.GetLoadContext(loaded));
        Assert.Equal(path, loaded.Location);
    }

    [Fact]
    public void A_copy_newer_than_the_shared_one_loads_privately()
    {
        // The host holds Microsoft.Extensions.Primitives 8.0; the engine's copy claims to be newer.
        EmitToEngine("Microsoft.Extensions.Primitives", new Version(99, 0, 0, 0));
        var context = new EngineLoadContext(_engine);

        var loaded = context.LoadFromAssemblyName(new AssemblyName("Microsoft.Extensions.Primitives"));

        Assert.Same(context, AssemblyLoadContext.GetLoadContext(loaded));
        Assert.Equal(new Version(99, 0, 0, 0), loaded.GetName().Version);
        Assert.NotSame(typeof(Microsoft.Extensions.Primitives.StringValues).Assembly, loaded);
    }

    [Fact]
    public void The_object_model_is_shared_even_when_a_copy_sits_in_the_engine_folder()
    {
        CopyToEngine(typeof(CallSession).Assembly);
        var context = new EngineLoadContext(_engine);

        var loaded = context.LoadFromAssemblyName(typeof(CallSession).Assembly.GetName());

        Assert.Same(typeof(CallSession).Assembly, loaded);
    }

    [Fact]
    public void A_runtime_assembly_at_least_as_new_as_ours_is_taken_from_the_runtime()
    {
        // System.Text.Json ships with .NET; the engine folder's copy (here the runtime's own file, so the same
        // version) must not load a second time.
        CopyToEngine(typeof(System.Text.Json.JsonSerializer).Assembly);
        var context = new EngineLoadContext(_engine);

        var loaded = context.LoadFromAssemblyName(new AssemblyName("System.Text.Json"));

        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(loaded));
    }

    [Fact]
    public void An_assembly_the_engine_folder_does_not_hold_is_left_to_the_shared_context()
    {
        var context = new EngineLoadContext(_engine);

        var loaded = context.LoadFromAssemblyName(typeof(Xunit.Assert).Assembly.GetName());

        Assert.Same(typeof(Xunit.Assert).Assembly, loaded);
    }
}
