using System.Globalization;

namespace Harness.Metrics;

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
}
