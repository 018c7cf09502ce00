using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// A truth box of one image: a class index, or for an ignore region (<see cref="TruthBoxGeometry.IsCrowd"/>: a COCO
/// crowd, a clip's ignore box) a class index or -1 for every class.
/// </summary>
internal readonly record struct TideTruth(int ClassId, TruthBoxGeometry Box)
{
    public bool Ignore => Box.IsCrowd;
}
