using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Keeps the module's engine (WebexCalls.Client, Microsoft.Extensions.Http, System.Text.Json and what they pull
    /// in, all in the module's <c>engine</c> folder) apart from other modules' copies of the same packages.
    /// </summary>
    /// <remarks>
    /// On PowerShell 7 it hands the engine to WebexCalls.Loader, which loads it into a private AssemblyLoadContext.
    /// On Windows PowerShell 5.1 (.NET Framework, one context) it hooks AppDomain.AssemblyResolve, answering only for
    /// WebexCalls.Client and for requests made by assemblies loaded from the module's own folder, which also lets
    /// our copies of System.Memory and friends answer our packages' requests for other versions of them. Only a
    /// Windows CI job can exercise the 5.1 path.
    /// </remarks>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;
        private static readonly string EngineFolder = Path.Combine(ModuleFolder, "engine");
        private static readonly object Gate = new object();
        private static bool _registered;

        /// <summary>Installs the loader that fits this edition of PowerShell, once per process.</summary>
        public void OnImport()
        {
            // Every import, also after Remove-Module (which takes the aliases away); the rest is once per process.
            TypeAliases.Register();
            lock (Gate)
            {
                if (_registered)
                {
                    return;
                }

                // A partly copied installation would otherwise fail later, inside a cmdlet, with a bare FileNotFoundException.
                // (A client in the module root is the flat, unisolated layout that bench/Isolation.Bench.ps1 compares with.)
                var engine = Path.Combine(EngineFolder, "WebexCalls.Client.dll");
                if (!File.Exists(engine) && !File.Exists(Path.Combine(ModuleFolder, "WebexCalls.Client.dll")))
                {
                    throw new FileNotFoundException(
                        "WebexCalls is incomplete: " + engine + " is missing. Reinstall the module (Install-PSResource WebexCalls -Reinstall) and start a new session.",
                        engine);
                }

                if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveOnNetFramework;
                }
                else
                {
                    var loader = Assembly.LoadFrom(Path.Combine(ModuleFolder, "WebexCalls.Loader.dll"));
                    loader.GetType("WebexCalls.Loader.EngineLoader", throwOnError: true)!
                        .GetMethod("Register", BindingFlags.Public | BindingFlags.Static)!
                        .Invoke(null, new object[] { EngineFolder });
                }

                _registered = true;
            }

            // Off the pipeline thread: a rehearsal of the first request, against a stub, never the network (see Warmup).
            // WEBEXCALLS_NO_WARMUP=1 turns it off, for hosts that import the module and never use it.
            if (Environment.GetEnvironmentVariable("WEBEXCALLS_NO_WARMUP") != "1")
            {
                System.Threading.ThreadPool.QueueUserWorkItem(_ => WarmUp());
            }
        }

        /// <summary>Removes the old type names (see <see cref="TypeAliases"/>) when the module is removed.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo) => TypeAliases.Unregister();

        // Its own method, so the engine's types are resolved only once the loader above is in place.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void WarmUp()
        {
            try
            {
                Client.Warmup.RunAsync().GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The engine could not even load: the first cmdlet that needs it reports why.
            }
        }

        private static Assembly? ResolveOnNetFramework(object? sender, ResolveEventArgs args)
        {
            try
            {
                var name = new AssemblyName(args.Name).Name;
                if (name is null || !IsOurRequest(name, args.RequestingAssembly))
                {
                    return null;
                }

                var candidate = Path.Combine(EngineFolder, name + ".dll");
                return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is ArgumentException)
            {
                // Not ours to answer: let the runtime report the original failure.
                return null;
            }
        }

        private static bool IsOurRequest(string name, Assembly? requester)
        {
            if (name.StartsWith("WebexCalls.", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var location = requester is null || requester.IsDynamic ? null : requester.Location;
            return !string.IsNullOrEmpty(location) && location!.StartsWith(ModuleFolder, StringComparison.OrdinalIgnoreCase);
        }
    }
}
