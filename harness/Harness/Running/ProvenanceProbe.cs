using System.Runtime.InteropServices;
using Harness.Metrics;
using Harness.Scenarios;
using Harness.Simd;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Running;

/// <summary>Reads this process's <see cref="NumericProvenance"/>: the ONNX Runtime build, the CPU and the SIMD width.</summary>
internal static class ProvenanceProbe
{
    private static readonly Lazy<string> Cpu = new(ReadCpuModel);

    /// <summary>This process's provenance for a session configured as <paramref name="session"/>.</summary>
    public static NumericProvenance Current(SessionSpec session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new NumericProvenance(
            OrtEnv.Instance().GetVersionString(),
            NumericProvenance.CpuExecutionProvider,
            session.IntraOpThreads,
            session.OptimizationLevel,
            Cpu.Value,
            VectorWidth.Current,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The "model name" of /proc/cpuinfo on Linux; elsewhere, or when it cannot be read, the process architecture.</summary>
    private static string ReadCpuModel()
    {
        var fallback = RuntimeInformation.ProcessArchitecture.ToString();
        if (!OperatingSystem.IsLinux())
        {
            return fallback;
        }

        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            var colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            var model = colon >= 0 ? line![(colon + 1)..].Trim() : "";
            return model.Length > 0 ? model : fallback;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fallback;
        }
    }
}
