namespace Harness.Metrics.Flips;

/// <summary>
/// How bad a flip is, for ordering: near, large, vulnerable road users before far, small cars.
/// <code>
/// severity = kind × class × proximity × size
///   kind      = 1 lost, 0.75 class changed, 0.5 false positive appeared, 0.25 found, 0.125 false positive gone
///   class     = 2 for a vulnerable road user (pedestrian, person, cyclist, bicycle, rider, motorcycle, motorcyclist,
///               any case), else 1
///   proximity = 20 / (20 + range in metres); a box without a (finite, non-negative) range, and every false
///               positive, counts as 60 m away (0.25): far-ish, so a known-near object outranks it
///   size      = √area / (√area + 64), area in px² of the truth box (of the detection for a false positive): ½ at a
///               64 × 64 box, saturating towards 1 for large ones
/// </code>
/// Regressions weigh more than improvements, and a lost or class-changed object outranks an appeared false positive
/// of the same class and size. Equal severities are ordered by frame ordinal, then position in the frame
/// (<see cref="FrameFlip.Position"/>).
/// </summary>
internal static class FlipSeverity
{
    private const double RangeScale = 20;
    private const double UnknownRange = 60;
    private const double SizeScale = 64;
    private const double VulnerableWeight = 2;

    private static readonly HashSet<string> Vulnerable = new(StringComparer.OrdinalIgnoreCase)
    {
        "pedestrian", "person", "cyclist", "bicycle", "rider", "motorcycle", "motorcyclist",
    };

    public static bool IsVulnerable(string className) => Vulnerable.Contains(className);

    public static double Of(FlipKind kind, bool vulnerable, float? rangeMeters, double area)
    {
        var range = rangeMeters is { } r && float.IsFinite(r) && r >= 0 ? r : UnknownRange;
        var side = area > 0 ? Math.Sqrt(area) : 0;
        return KindWeight(kind) * (vulnerable ? VulnerableWeight : 1) * (RangeScale / (RangeScale + range)) * (side / (side + SizeScale));
    }

    public static double Of(FlipKind kind, bool vulnerable, TruthBox truth) =>
        Of(kind, vulnerable, truth.RangeMeters, (double)truth.Width * truth.Height);

    private static double KindWeight(FlipKind kind) => kind switch
    {
        FlipKind.Lost => 1,
        FlipKind.ClassChanged => 0.75,
        FlipKind.FalsePositiveAppeared => 0.5,
        FlipKind.Found => 0.25,
        _ => 0.125,
    };
}
