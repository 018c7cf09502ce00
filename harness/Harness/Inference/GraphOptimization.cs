namespace Harness.Inference;

/// <summary>ONNX Runtime graph optimization levels.</summary>
public enum GraphOptimization
{
    None,
    Basic,
    Extended,
    All,
}
