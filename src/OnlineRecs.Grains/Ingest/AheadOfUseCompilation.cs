using System.Reflection;
using System.Runtime.CompilerServices;

namespace OnlineRecs.Grains.Ingest;

/// <summary>
/// Compiles every non-generic method of some assemblies now rather than on first call: the silo compiles methods
/// optimized at once (no quick first tier), which cost its first requests tens of milliseconds.
/// </summary>
public static class AheadOfUseCompilation
{
    private const BindingFlags Declared =
        BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Compiles the methods on both cores; returns how many.</summary>
    public static int Compile(params Assembly[] assemblies)
    {
        var methods = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetMethods(Declared).Concat<MethodBase>(t.GetConstructors(Declared)))
            .Where(m => !m.IsAbstract && !m.ContainsGenericParameters && m.GetMethodBody() is not null)
            .ToArray();
        Parallel.ForEach(methods, m => RuntimeHelpers.PrepareMethod(m.MethodHandle));
        return methods.Length;
    }
}
