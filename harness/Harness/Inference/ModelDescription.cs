using Microsoft.ML.OnnxRuntime;

namespace Harness.Inference;

/// <summary>What an ONNX file says about itself: its inputs, outputs and metadata_props, read by ONNX Runtime.</summary>
public sealed record ModelDescription(
    string Model,
    IReadOnlyList<TensorDescription> Inputs,
    IReadOnlyList<TensorDescription> Outputs,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <exception cref="DetectorModelException">The file is missing or ONNX Runtime cannot load it.</exception>
    public static ModelDescription Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DetectorModelException($"Model file '{path}' does not exist.");
        }

        try
        {
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, LogSeverityLevel = OnnxRuntimeLog.Level };
            using var session = new InferenceSession(path, options);
            return new ModelDescription(
                path,
                Describe(session.InputMetadata),
                [.. session.OutputNames.Select(n => Describe(n, session.OutputMetadata[n]))],
                new SortedDictionary<string, string>(session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal));
        }
        catch (OnnxRuntimeException e)
        {
            throw new DetectorModelException($"Model '{path}' could not be loaded by ONNX Runtime: {e.Message}", e);
        }
    }

    /// <summary>Width and height of a single image input whose size is fixed (NCHW or NHWC); null when dynamic.</summary>
    public (int Width, int Height)? FixedInputSize
    {
        get
        {
            if (Inputs.Count != 1 || Inputs[0].Shape is not { Count: 4 } shape)
            {
                return null;
            }

            var (h, w) = shape[1] == 3 ? (shape[2], shape[3]) : shape[3] == 3 ? (shape[1], shape[2]) : (-1, -1);
            return h > 0 && w > 0 ? ((int)w, (int)h) : null;
        }
    }

    /// <summary>The output shapes, for matching against layouts.</summary>
    internal IReadOnlyList<long[]> OutputShapes => [.. Outputs.Select(o => o.Shape.ToArray())];

    private static TensorDescription[] Describe(IReadOnlyDictionary<string, NodeMetadata> tensors) =>
        [.. tensors.Select(t => Describe(t.Key, t.Value))];

    private static TensorDescription Describe(string name, NodeMetadata metadata) =>
        new(name, metadata.IsTensor ? metadata.ElementDataType.ToString().ToLowerInvariant() : metadata.OnnxValueType.ToString(), [.. metadata.Dimensions.Select(d => (long)d)]);
}
