using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The names types had before namespaces followed assemblies (issue 16), kept as PowerShell type accelerators so
    /// that a script's <c>catch [WebexCalls.Client.WebexApiException]</c> or <c>[WebexCalls.WebexCallingMode]::Admin</c>
    /// still works. Obsolete: they go in 1.0, as the CHANGELOG says. Added on import, removed with the module.
    /// </summary>
    internal static class TypeAliases
    {
        private static readonly Dictionary<string, Type> Aliases = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            ["WebexCalls.Client.WebexApiException"] = typeof(WebexApiException),
            ["WebexCalls.Client.WebexErrorKind"] = typeof(WebexErrorKind),
            ["WebexCalls.Client.CallScope"] = typeof(CallScope),
            ["WebexCalls.WebexCallingConnection"] = typeof(WebexCallingConnection),
            ["WebexCalls.WebexCallingMode"] = typeof(WebexCallingMode),
            ["WebexCalls.WebexTokenKind"] = typeof(WebexTokenKind),
        };

        /// <summary>The old names and the types they now stand for.</summary>
        public static IReadOnlyDictionary<string, Type> All => Aliases;

        /// <summary>Adds each old name, unless the host already knows it (a second import, or a name taken).</summary>
        public static void Register() => Apply((accelerators, name, type) =>
        {
            var get = accelerators.GetProperty("Get", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IDictionary<string, Type>;
            if (get is null || !get.ContainsKey(name))
            {
                accelerators.GetMethod("Add", new[] { typeof(string), typeof(Type) })?.Invoke(null, new object[] { name, type });
            }
        });

        /// <summary>Removes the old names this module added.</summary>
        public static void Unregister() => Apply((accelerators, name, type) =>
        {
            var get = accelerators.GetProperty("Get", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IDictionary<string, Type>;
            if (get != null && get.TryGetValue(name, out var current) && current == type)
            {
                accelerators.GetMethod("Remove", new[] { typeof(string) })?.Invoke(null, new object[] { name });
            }
        });

        private static void Apply(Action<Type, string, Type> action)
        {
            // TypeAccelerators is PowerShell's own, non-public class; the aliases are a courtesy, so a host without it
            // (or one that changed it) simply goes without.
            var accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");
            if (accelerators is null)
            {
                return;
            }

            foreach (var alias in Aliases)
            {
                try
                {
                    action(accelerators, alias.Key, alias.Value);
                }
                catch (Exception ex) when (ex is TargetInvocationException || ex is ArgumentException || ex is InvalidOperationException)
                {
                    // A name another module took first stays theirs.
                }
            }
        }
    }
}
