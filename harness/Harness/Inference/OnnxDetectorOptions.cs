namespace Harness.Inference;

/// <summary>
/// How an ONNX Runtime session is configured. <see cref="DeterministicCompute"/> runs the graph sequentially with one
/// inter-op thread so operator scheduling cannot change results between runs.
/// </summary>
public sealed record OnnxDetectorOptions(int IntraOpThreads = 1, GraphOptimization Optimization = GraphOptimization.All, bool DeterministicCompute = true)
{
    public static OnnxDetectorOptions Default { get; } = new();
}
