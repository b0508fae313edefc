using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ImpClusterSim.Live.Distributed;

/// <summary>
/// The build a process runs, as a coordinator and its workers compare it (docs/distributed.md, "Refusal"): the
/// informational version of the root assembly and a hash of the module version ids of it and of every
/// <c>ImpClusterSim.*</c> assembly it references (directly or not). Two processes started from the same files agree;
/// a rebuild from changed sources, or a Debug beside a Release build, does not.
/// </summary>
public static class BuildIdentity
{
    /// <summary>"0.1.0 (build 3f9a1c0e2b7d)" for <paramref name="root"/> (the <c>impsim</c> assembly).</summary>
    public static string Of(Assembly root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var seen = new SortedDictionary<string, Guid>(StringComparer.Ordinal);
        var todo = new Stack<Assembly>([root]);
        while (todo.Count > 0)
        {
            var a = todo.Pop();
            var name = a.GetName().Name ?? "";
            if (!seen.TryAdd(name, a.ManifestModule.ModuleVersionId)) continue;
            foreach (var r in a.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("ImpClusterSim.", StringComparison.Ordinal) == true))
                if (!seen.ContainsKey(r.Name!)) todo.Push(Assembly.Load(r));
        }

        var text = string.Join("\n", seen.Select(kv => kv.Key + "=" + kv.Value.ToString("N")));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        var version = root.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? root.GetName().Version?.ToString() ?? "0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return $"{(plus > 0 ? version[..plus] : version)} (build {hash})";
    }
}
