using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families.MatchedIou;

/// <summary>
/// How tight the boxes that found their objects are: the mean IoU of the operating point's true positives with their
/// truth (<c>matched_iou</c>, pooled; <c>matched_iou/&lt;class&gt;</c>), in [0.5, 1] because a match needs IoU 0.5.
/// A change that keeps every object but draws looser boxes moves it while recall stays put. Support: the matches.
/// The worked example of docs/extending.md: this folder and one line in <see cref="MetricFamilies"/>.
/// </summary>
internal sealed class MatchedIouFamily : MetricFamily
{
    public const string Root = "matched_iou";

    /// <summary>
    /// IoUs are summed in units of 2^-20 (a millionth): integer sums are exact in any order, so a resample's full
    /// sample equals the accumulator's value to the last bit whatever order the units are added in.
    /// </summary>
    public const double Quantum = 1 << 20;

    public override IReadOnlyList<string> Roots { get; } = [Root];

    public override string Unit(string metric) => "IoU";

    public override (double Min, double Max) Range(string metric) => (OperatingPointMatcher.MatchIou, 1);

    public override IReadOnlyList<UngatedAllowance> Ungated { get; } = [new(Root, 0.01, Relative: false)];

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) => [Root, .. classNames.Select(name => MetricNames.PerClass(Root, name))];

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames) =>
        MetricNameCheck.PooledOrClass(metric, parts, classNames);

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) => new MatchedIouAccumulator(options.ClassNames);

    public override IResampleScorer CreateScorer(ResampleInput input) => new MatchedIouScorer(input);

    /// <summary>The IoU of one match in units of <see cref="Quantum"/>.</summary>
    public static long Quantize(double iou) => (long)Math.Round(iou * Quantum, MidpointRounding.ToEven);

    /// <summary>The mean of <paramref name="count"/> quantized IoUs summing to <paramref name="sum"/>; NaN without matches.</summary>
    public static double Mean(double sum, double count) => count > 0 ? sum / count / Quantum : double.NaN;
}
