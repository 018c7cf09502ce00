namespace Harness.Inference;

/// <summary>One model input or output as the file declares it; a negative dimension is dynamic.</summary>
public sealed record TensorDescription(string Name, string ElementType, IReadOnlyList<long> Shape)
{
    public string ShapeText => DetectorContract.Format(Shape.ToArray());
}
