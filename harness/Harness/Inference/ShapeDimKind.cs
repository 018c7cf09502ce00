namespace Harness.Inference;

public enum ShapeDimKind
{
    Fixed,
    Classes,
    Anchors,
}
