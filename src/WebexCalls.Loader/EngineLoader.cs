using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace WebexCalls.Loader
{
    /// <summary>
    /// Connects PowerShell's shared context to the engine's private one. The cmdlets assembly, in the shared
    /// context, references WebexCalls.Client; when the shared context cannot find it, this answers with the copy in
    /// <see cref="EngineLoadContext"/>, whose own dependencies then resolve inside that context.
    /// </summary>
    /// <remarks>
    /// It answers for WebexCalls.Client alone, never for another module's request (Microsoft.Graph's PR 3785 showed
    /// how a resolver that answers every request breaks other modules). Called by the module on import, through
    /// reflection, since the netstandard2.0 cmdlets assembly cannot reference a .NET 8 one.
    /// </remarks>
    public static class EngineLoader
    {
        private const string EngineAssemblyName = "WebexCalls.Client";
        private static readonly object Gate = new object();
        private static EngineLoadContext? _context;
        private static Assembly? _engine;

        /// <summary>The engine's load context, once <see cref="Register"/> has run.</summary>
        public static AssemblyLoadContext? Context => _context;

        /// <summary>
        /// Creates the engine's context over <paramref name="engineDirectory"/> and hooks the shared context's
        /// resolution. Safe to call again (Import-Module -Force): the first context stays, since an assembly that
        /// has loaded cannot be unloaded from a non-collectible context.
        /// </summary>
        public static void Register(string engineDirectory)
        {
            lock (Gate)
            {
                if (_context != null)
                {
                    return;
                }

                _context = new EngineLoadContext(Path.GetFullPath(engineDirectory));
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
            }
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name)
        {
            var engine = _context;
            if (engine is null || !string.Equals(name.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var path = Path.Combine(engine.EngineDirectory, EngineAssemblyName + ".dll");
            if (!File.Exists(path))
            {
                // Not installed in engine/ (the flat layout): leave the request to the runtime's other resolvers.
                return null;
            }

            lock (Gate)
            {
                return _engine ??= engine.LoadFromAssemblyPath(path);
            }
        }
    }
}
