using Harness.Metrics.Coco;

namespace Harness.Metrics.Bootstrap;

/// <summary>
/// Every non-timing metric name MetricsAccumulator can produce for a class list, each at a fixed slot so that the
/// scorers write per-resample values into flat arrays: the 12 COCO stats, per class coco/AP and coco/AP50, the pooled
/// and per-class operating-point rates, the recall slices and fp_per_frame.
/// </summary>
internal sealed class MetricLayout
{
    public const int Rates = 3;
    private const int Stats = 12;

    private readonly int _classes;

    public MetricLayout(IReadOnlyList<string> classNames)
    {
        _classes = classNames.Count;
        var names = new List<string>();
        names.AddRange(CocoStats.Names.Select(MetricNames.Coco));
        foreach (var name in classNames)
        {
            names.Add(MetricNames.Coco("AP", name));
            names.Add(MetricNames.Coco("AP50", name));
        }

        string[] rates = [MetricNames.Precision, MetricNames.Recall, MetricNames.F1];
        names.AddRange(rates);
        foreach (var name in classNames)
        {
            names.AddRange(rates.Select(rate => MetricNames.PerClass(rate, name)));
        }

        foreach (var name in classNames)
        {
            names.AddRange(MetricNames.RecallSlices.Select(slice => MetricNames.RecallSlice(name, slice)));
        }

        names.Add(MetricNames.FalsePositivesPerFrame);
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>Stat i of <see cref="CocoStats.Names"/>.</summary>
    public static int CocoStat(int stat) => stat;

    public static int ClassAP(int category) => Stats + (2 * category);

    public static int ClassAP50(int category) => Stats + (2 * category) + 1;

    /// <summary>Rate 0 precision, 1 recall, 2 F1, pooled over classes.</summary>
    public int PooledRate(int rate) => Stats + (2 * _classes) + rate;

    public int ClassRate(int category, int rate) => PooledRate(0) + Rates + (Rates * category) + rate;

    public int Slice(int category, int slice) => ClassRate(0, 0) + (Rates * _classes) + (TruthSlices.Count * category) + slice;

    public int FalsePositivesPerFrame => Count - 1;
}
