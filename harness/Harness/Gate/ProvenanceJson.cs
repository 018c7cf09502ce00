using System.Text.Json;
using Harness.Metrics;

namespace Harness.Gate;

/// <summary>The baseline JSON's <c>"provenance"</c> object: snake_case keys in sorted order, counts as numbers.</summary>
internal static class ProvenanceJson
{
    public const string Property = "provenance";

    public static void Write(Utf8JsonWriter writer, NumericProvenance provenance)
    {
        writer.WriteStartObject(Property);
        writer.WriteString("cpu_model", provenance.CpuModel);
        writer.WriteString("dotnet_version", provenance.DotnetVersion);
        writer.WriteString("execution_provider", provenance.ExecutionProvider);
        writer.WriteString("graph_optimization", provenance.GraphOptimization);
        writer.WriteNumber("intra_op_threads", provenance.IntraOpThreads);
        writer.WriteString("onnx_runtime_version", provenance.OnnxRuntimeVersion);
        writer.WriteString("os", provenance.Os);
        writer.WriteNumber("vector_width_bits", provenance.VectorWidthBits);
        writer.WriteEndObject();
    }

    /// <exception cref="BaselineFormatException">A key is missing or null.</exception>
    /// <exception cref="InvalidOperationException">A value has the wrong JSON type (the caller names the file).</exception>
    public static NumericProvenance Read(JsonElement element, string path) =>
        new(
            Text(element, "onnx_runtime_version", path),
            Text(element, "execution_provider", path),
            Value(element, "intra_op_threads", path).GetInt32(),
            Text(element, "graph_optimization", path),
            Text(element, "cpu_model", path),
            Value(element, "vector_width_bits", path).GetInt32(),
            Text(element, "os", path),
            Text(element, "dotnet_version", path));

    private static string Text(JsonElement element, string name, string path) =>
        Value(element, name, path).GetString() ?? throw new BaselineFormatException($"{path}: '{Property}.{name}' is null");

    private static JsonElement Value(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? value : throw new BaselineFormatException($"{path}: missing '{Property}.{name}'");
}
