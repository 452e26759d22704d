using System.Runtime;
using System.Runtime.InteropServices;

namespace OnlineRecs.Bench.Reporting;

/// <summary>What the numbers were measured on; timings mean little without it.</summary>
public sealed record MachineInfo(int ProcessorCount, string? Cpu, string Os, string Runtime, string Architecture, bool ServerGc)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        GCSettings.IsServerGC);

    /// <summary>The CPU model Linux reports; null elsewhere.</summary>
    private static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo)) return null;
        var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
