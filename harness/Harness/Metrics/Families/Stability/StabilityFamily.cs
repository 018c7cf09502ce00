using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families.Stability;

/// <summary>
/// How a model behaves across consecutive frames, for truth with track ids (<see cref="TrackWalk"/>): flicker (an
/// object found at t-1 and t+1 but missed at t) and class switches, each per 1,000 object-frames; box jitter (the mean
/// over edges of how much a matched box moved beyond its truth's move, in pixels); frames from an object's first
/// appearance to its first detection. Pooled and per class, all lower-is-better. Flicker as a check on consecutive
/// frames follows the "flicker" model assertion of Kang et al., "Model Assertions for Monitoring and Improving ML
/// Models" (MLSys 2020). Support: object-frames for the rates, matched pairs for jitter, detected tracks for the wait.
/// A clip whose truth has no track ids has none of these metrics.
/// </summary>
internal sealed class StabilityFamily : MetricFamily
{
    public const string Flicker = "flicker";

    public const string ClassSwitches = "class_switches";

    public const string Jitter = "jitter_px";

    public const string FramesToDetect = "frames_to_detect";

    /// <summary>Jitter is summed in units of 2^-10 px, as integers, so a resample's full sample equals the accumulator's value exactly.</summary>
    public const double JitterQuantum = 1 << 10;

    public const double PerObjectFrames = 1000;

    public static readonly int Counts = Enum.GetValues<StabilityCount>().Length;

    private static readonly string[] RootNames = [Flicker, ClassSwitches, Jitter, FramesToDetect];

    public override IReadOnlyList<string> Roots { get; } = RootNames;

    public override IReadOnlyList<UngatedAllowance> Ungated { get; } =
    [
        new(ClassSwitches, 1, Relative: false),
        new(Flicker, 1, Relative: false),
        new(FramesToDetect, 1, Relative: false),
        new(Jitter, 0.5, Relative: false),
    ];

    public override string Unit(string metric) => metric.Split('/')[0] switch
    {
        Jitter => "px",
        FramesToDetect => "frames",
        _ => "per 1,000 object-frames",
    };

    public override bool HigherIsBetter(string metric) => false;

    public override (double Min, double Max) Range(string metric) => (0, double.PositiveInfinity);

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) =>
        RootNames.SelectMany(root => classNames.Select(name => MetricNames.PerClass(root, name)).Prepend(root));

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames) =>
        MetricNameCheck.PooledOrClass(metric, parts, classNames);

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) => new StabilityAccumulator(options.ClassNames);

    public override IResampleScorer CreateScorer(ResampleInput input) => new StabilityScorer(input);

    public static long QuantizeJitter(double pixels) => (long)Math.Round(pixels * JitterQuantum, MidpointRounding.ToEven);

    /// <summary>
    /// The four metrics from one class's (or the pooled) sums, indexed by <see cref="StabilityCount"/>, in
    /// <see cref="Roots"/> order; NaN where the denominator is zero.
    /// </summary>
    public static (double Flicker, double ClassSwitches, double Jitter, double FramesToDetect) Values(Func<StabilityCount, double> sum)
    {
        var objectFrames = sum(StabilityCount.ObjectFrames);
        var pairs = sum(StabilityCount.JitterPairs);
        var tracks = sum(StabilityCount.DetectedTracks);
        return (
            objectFrames > 0 ? sum(StabilityCount.Flickers) * PerObjectFrames / objectFrames : double.NaN,
            objectFrames > 0 ? sum(StabilityCount.ClassSwitches) * PerObjectFrames / objectFrames : double.NaN,
            pairs > 0 ? sum(StabilityCount.JitterSum) / JitterQuantum / pairs : double.NaN,
            tracks > 0 ? sum(StabilityCount.FramesToDetect) / tracks : double.NaN);
    }

    /// <summary>The support of each metric in <see cref="Roots"/> order: object-frames, object-frames, pairs, tracks.</summary>
    public static StabilityCount[] Supports { get; } = [StabilityCount.ObjectFrames, StabilityCount.ObjectFrames, StabilityCount.JitterPairs, StabilityCount.DetectedTracks];
}
