using Harness.Metrics.Bootstrap;

namespace Harness.Metrics.Families;

/// <summary>
/// Recall at the operating point per class and slice of the truth (<c>recall@0.5/&lt;class&gt;/&lt;slice&gt;</c>:
/// range, size, occlusion and KITTI difficulty, <see cref="TruthSlices"/>), counted from the same matching as the
/// operating point's rates. Support: the slice's truth objects. Its metrics take the rule of <c>recall@0.5</c> when no
/// gate names them.
/// </summary>
internal sealed class RecallSlicesFamily : MetricFamily
{
    public override IReadOnlyList<string> Roots { get; } = [MetricNames.Precision, MetricNames.Recall, MetricNames.F1];

    public override bool Claims(IReadOnlyList<string> parts) => parts.Count >= 3;

    public override string Unit(string metric) => "proportion";

    /// <summary>Slot of slice <paramref name="slice"/> of <see cref="MetricNames.RecallSlices"/> of class <paramref name="category"/>.</summary>
    public static int Slot(int category, int slice) => (TruthSlices.Count * category) + slice;

    public override IEnumerable<string> Names(IReadOnlyList<string> classNames) =>
        classNames.SelectMany(name => MetricNames.RecallSlices.Select(slice => MetricNames.RecallSlice(name, slice)));

    public override string? Problem(string metric, IReadOnlyList<string> parts, IReadOnlyList<string>? classNames)
    {
        if (parts.Count > 3)
        {
            return MetricNameCheck.Form(metric, $"{parts[0]}, {parts[0]}/<class>, {MetricNames.Recall}/<class>/<slice>");
        }

        if (MetricNameCheck.Class(parts[1], metric, classNames) is { } problem)
        {
            return problem;
        }

        if (parts[0] != MetricNames.Recall)
        {
            return $"'{metric}': only {MetricNames.Recall} is computed per slice";
        }

        return MetricNames.RecallSlices.Contains(parts[2], StringComparer.Ordinal)
            ? null
            : MetricNameCheck.Unknown("slice", parts[2], metric, MetricNames.RecallSlices);
    }

    public override FamilyAccumulator CreateAccumulator(MetricsOptions options) =>
        new OperatingPointAccumulator(options.ClassNames.Count, OperatingPointCounts.SliceTruths..OperatingPointCounts.PerClass,
            (totals, values) => Write(totals, options.ClassNames, values));

    public override IResampleScorer CreateScorer(ResampleInput input) =>
        new RecallSliceResampleScorer(OperatingPointUnits.Of(input), input.Weights, input.Vectorized);

    private static void Write(OperatingPointAccumulator.Totals totals, IReadOnlyList<string> classNames, IDictionary<string, double> values)
    {
        for (var c = 0; c < totals.Classes; c++)
        {
            var row = totals.Row(c);
            for (var s = 0; s < TruthSlices.Count; s++)
            {
                var truths = row[OperatingPointCounts.SliceTruths + s];
                if (truths > 0)
                {
                    values[MetricNames.RecallSlice(classNames[c], MetricNames.RecallSlices[s])] = (double)row[OperatingPointCounts.SliceHits + s] / truths;
                }
            }
        }
    }
}
