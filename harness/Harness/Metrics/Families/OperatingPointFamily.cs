using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families;

/// <summary>
/// Precision, recall and F1 at the operating point (IoU 0.5, detections above the scenario's score threshold), pooled
/// and per class, and false positives per frame, all from <see cref="OperatingPointMatcher"/>'s one matching. Support:
/// the truth objects a rate is measured on (true positives and misses); the frames for <c>fp_per_frame</c>.
/// </summary>
internal sealed class OperatingPointFamily : MetricFamily
{
    public const int Rates = 3;

    private static readonly string[] RateNames = [MetricNames.Precision, MetricNames.Recall, MetricNames.F1];

    public override IReadOnlyList<string> Roots { get; } = [.. RateNames, MetricNames.FalsePositivesPerFrame];

    public override IReadOnlyList<UngatedAllowance> Ungated { get; } =
    [
        new(MetricNames.F1, 0.02, Relative: false),
        new(MetricNames.FalsePositivesPerFrame, 0.1, Relative: true),
        new(MetricNames.Precision, 0.02, Relative: false),
        new(MetricNames.Recall, 0.02, Relative: false),
    ];

    /// <summary>The three-part rate names are the recall slices'.</summary>
    public override bool Claims(IReadOnlyList<string> parts) => parts.Count <= 2 || parts[0] == MetricNames.FalsePositivesPerFrame;

    public override string Unit(string metric) => IsFalsePositives(metric) ? "false positives per frame" : "proportion";

    public override bool HigherIsBetter(string metric) => !IsFalsePositives(metric);

    public override (double Min, double Max) Range(string metric) => IsFalsePositives(metric) ? (0, double.PositiveInfinity) : (0, 1);

    /// <summary>Slot of rate <paramref name="rate"/> (0 precision, 1 recall, 2 F1) pooled over classes.</summary>
    public static int PooledRate(int rate) => rate;

    public static int ClassRate(int category, int rate) => Rates + (Rates * category) + rate;

    public static int FalsePositivesPerFrame(int classes) => ClassRate(classes, 0);

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) =>
    [
        .. RateNames,
        .. classNames.SelectMany(name => RateNames.Select(rate => MetricNames.PerClass(rate, name))),
        MetricNames.FalsePositivesPerFrame,
    ];

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames)
    {
        if (parts[0] == MetricNames.FalsePositivesPerFrame)
        {
            return MetricNameCheck.Exactly(metric, MetricNames.FalsePositivesPerFrame);
        }

        return parts.Count == 1 ? null : MetricNameCheck.Class(parts[1], metric, classNames);
    }

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) =>
        new OperatingPointAccumulator(options.ClassNames.Count, OperatingPointCounts.TruePositive..OperatingPointCounts.SliceTruths,
            (totals, values) => Write(totals, options.ClassNames, values));

    public override IResampleScorer CreateScorer(ResampleInput input) =>
        new OperatingPointResampleScorer(OperatingPointUnits.Of(input), input.Weights, input.Vectorized);

    /// <summary>Precision needs a detection, recall a truth, F1 (2TP / (2TP + FP + FN)) either; the scorer's lanes use the same formulas.</summary>
    public static (double Precision, double Recall, double F1) RateValues(long tp, long fp, long fn) =>
    (
        tp + fp > 0 ? (double)tp / (tp + fp) : double.NaN,
        tp + fn > 0 ? (double)tp / (tp + fn) : double.NaN,
        tp + fp + fn > 0 ? 2.0 * tp / ((2 * tp) + fp + fn) : double.NaN
    );

    private static bool IsFalsePositives(string metric) => metric.StartsWith(MetricNames.FalsePositivesPerFrame, StringComparison.Ordinal);

    private static void Write(OperatingPointAccumulator.Totals totals, IReadOnlyList<string> classNames, IDictionary<string, double> values)
    {
        long tp = 0, fp = 0, fn = 0;
        for (var c = 0; c < totals.Classes; c++)
        {
            var row = totals.Row(c);
            tp += row[OperatingPointCounts.TruePositive];
            fp += row[OperatingPointCounts.FalsePositive];
            fn += row[OperatingPointCounts.FalseNegative];
            WriteRates(values, name => MetricNames.PerClass(name, classNames[c]),
                RateValues(row[OperatingPointCounts.TruePositive], row[OperatingPointCounts.FalsePositive], row[OperatingPointCounts.FalseNegative]));
        }

        WriteRates(values, name => name, RateValues(tp, fp, fn));
        if (totals.Frames > 0)
        {
            values[MetricNames.FalsePositivesPerFrame] = (double)fp / totals.Frames;
        }
    }

    private static void WriteRates(IDictionary<string, double> values, Func<string, string> name, (double Precision, double Recall, double F1) rates)
    {
        WriteDefined(values, name(MetricNames.Precision), rates.Precision);
        WriteDefined(values, name(MetricNames.Recall), rates.Recall);
        WriteDefined(values, name(MetricNames.F1), rates.F1);
    }

    private static void WriteDefined(IDictionary<string, double> values, string name, double value)
    {
        if (!double.IsNaN(value))
        {
            values[name] = value;
        }
    }
}
