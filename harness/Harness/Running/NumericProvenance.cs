using System.Globalization;
using System.Runtime.InteropServices;
using Harness.Scenarios;
using Harness.Simd;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Running;

/// <summary>
/// What the numbers of a run were computed with: the ONNX Runtime build, execution provider and session settings, the
/// CPU and the SIMD width the .NET kernels used, the OS and the .NET runtime. Two runs that differ only in the last
/// digits of their metrics are explained by a difference here, not by the model.
/// </summary>
public sealed record NumericProvenance(
    string OnnxRuntimeVersion,
    string ExecutionProvider,
    int IntraOpThreads,
    string GraphOptimization,
    string CpuModel,
    int VectorWidthBits,
    string Os,
    string DotnetVersion)
{
    /// <summary>The only provider sessions are created with.</summary>
    public const string CpuExecutionProvider = "CPUExecutionProvider";

    private static readonly Lazy<string> Cpu = new(ReadCpuModel);

    /// <summary>This process's provenance for a session configured as <paramref name="session"/>.</summary>
    public static NumericProvenance Current(SessionSpec session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new NumericProvenance(
            OrtEnv.Instance().GetVersionString(),
            CpuExecutionProvider,
            session.IntraOpThreads,
            session.OptimizationLevel,
            Cpu.Value,
            VectorWidth.Current,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription);
    }

    /// <summary>One line per field that differs, <c>name: other -&gt; this</c>, in key order; empty when nothing does.</summary>
    public IReadOnlyList<string> DifferencesFrom(NumericProvenance other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Fields().Zip(other.Fields())
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Key}: {pair.Second.Value} -> {pair.First.Value}")
            .ToList();
    }

    /// <summary>Every field under its baseline JSON key, sorted by key, values in invariant text.</summary>
    internal IReadOnlyList<(string Key, string Value)> Fields() =>
    [
        ("cpu_model", CpuModel),
        ("dotnet_version", DotnetVersion),
        ("execution_provider", ExecutionProvider),
        ("graph_optimization", GraphOptimization),
        ("intra_op_threads", IntraOpThreads.ToString(CultureInfo.InvariantCulture)),
        ("onnx_runtime_version", OnnxRuntimeVersion),
        ("os", Os),
        ("vector_width_bits", VectorWidthBits.ToString(CultureInfo.InvariantCulture)),
    ];

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
