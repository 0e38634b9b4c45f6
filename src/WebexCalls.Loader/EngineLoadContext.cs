using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace WebexCalls.Loader
{
    /// <summary>
    /// The private load context that holds the module's engine: WebexCalls.Client and the packages it needs
    /// (Microsoft.Extensions.Http and friends, System.Text.Json on runtimes older than ours). Another module's copy of
    /// any of them, older or newer, lives in PowerShell's shared context and never meets ours.
    /// </summary>
    /// <remarks>
    /// It defers to the shared (default) context for the object model (WebexCalls.Model, so a script's
    /// [WebexCalls.CallSession] and the engine's are one type), for PowerShell's own assemblies, and for runtime
    /// assemblies at least as new as the copy we ship; everything else found in the engine folder loads from there.
    /// </remarks>
    public sealed class EngineLoadContext : AssemblyLoadContext
    {
        private static readonly HashSet<string> SharedAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "WebexCalls.Model",
            "WebexCalls.PowerShell",
            "System.Management.Automation",
        };

        private readonly string _engineDirectory;
        private readonly Dictionary<string, string> _runtimeAssemblies;

        /// <summary>Creates the context over the folder that holds the engine's DLLs.</summary>
        public EngineLoadContext(string engineDirectory)
            : base("WebexCalls.Engine", isCollectible: false)
        {
            _engineDirectory = engineDirectory;
            _runtimeAssemblies = ReadTrustedPlatformAssemblies();
        }

        /// <summary>The folder the engine's DLLs load from.</summary>
        public string EngineDirectory => _engineDirectory;

        /// <inheritdoc />
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name is null || SharedAssemblies.Contains(name))
            {
                return null;
            }

            var ours = Path.Combine(_engineDirectory, name + ".dll");
            if (!File.Exists(ours))
            {
                return null;
            }

            // A runtime assembly (System.Text.Json on .NET 10, say) at least as new as ours: share the runtime's copy,
            // which every other module also sees, rather than load a second, older one.
            if (_runtimeAssemblies.TryGetValue(name, out var runtimePath) && VersionOf(runtimePath) >= VersionOf(ours))
            {
                return null;
            }

            return LoadFromAssemblyPath(ours);
        }

        private static Dictionary<string, string> ReadTrustedPlatformAssemblies()
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                result[Path.GetFileNameWithoutExtension(path)] = path;
            }

            return result;
        }

        private static Version VersionOf(string path)
        {
            try
            {
                return AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0);
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException)
            {
                return new Version(0, 0);
            }
        }
    }
}
