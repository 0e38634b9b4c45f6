using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace WebexCalls.Commands
{
    /// <summary>
    /// On Windows PowerShell 5.1 (.NET Framework), lets the module's own copies of its dependencies answer requests
    /// for other versions of them: System.Text.Json 8 and Microsoft.Extensions.Http 8 ask for versions of
    /// System.Memory, System.Runtime.CompilerServices.Unsafe and friends that differ from the ones they ship with, and
    /// .NET Framework has no binding redirects for a PowerShell module. PowerShell 7 resolves these by itself, so the
    /// hook is installed only on .NET Framework.
    /// </summary>
    /// <remarks>Only a Windows CI job can exercise this path; Linux and PowerShell 7 never reach it.</remarks>
    public sealed class DependencyResolver : IModuleAssemblyInitializer
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

        /// <summary>Installs the hook when the module is imported on .NET Framework.</summary>
        public void OnImport()
        {
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
            }
        }

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            try
            {
                var name = new AssemblyName(args.Name).Name;
                var candidate = Path.Combine(ModuleFolder, name + ".dll");
                return name != null && File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is ArgumentException)
            {
                // Not ours to answer: let the runtime report the original failure.
                return null;
            }
        }
    }
}
