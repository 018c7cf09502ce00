using Harness.Metrics.Bootstrap;
using Harness.Metrics.Families;

namespace Harness.Metrics.Sweep;

/// <summary>
/// The operating point's rates at many score thresholds from one replay at the lowest. A detection survives a higher
/// threshold exactly when it scores above it: decoding keeps a box that scores above the threshold, NMS only ever
/// suppresses a box by a higher-scoring one, and the cap keeps the highest scores, so the replay at threshold t is the
/// lowest one's detections scoring above t, which a test checks against real replays. Matching at the operating point
/// takes detections in score order, so dropping the lowest-scoring ones leaves the others' matches as they were: raising
/// the threshold never adds a false positive and never finds another object, and of the thresholds that keep a recall
/// the highest has the fewest false positives. Intervals are the percentile intervals of the same bootstrap the gate
/// uses (<see cref="PairedBootstrap"/>), the units and weights drawn once from the lowest threshold's run and shared by
/// every threshold.
/// </summary>
internal static class ThresholdSweep
{
    /// <summary>The name of the curve of all classes pooled.</summary>
    public const string Pooled = "all classes";

    /// <param name="frames">The replay at the lowest swept threshold (or lower), truth in model class ids.</param>
    /// <param name="recallToKeep">Per class name and <see cref="Pooled"/>, the recall the recommended threshold must keep (the baseline's); a class without one gets no recommendation.</param>
    /// <exception cref="ArgumentException">No thresholds, or one that is not a number in [0, 1).</exception>
    public static IReadOnlyList<SweepCurve> Run(IReadOnlyList<string> classNames, IReadOnlyList<ScoredFrame> frames, IReadOnlyList<double> thresholds,
        IReadOnlyDictionary<string, double> recallToKeep, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(recallToKeep);
        if (thresholds.Count == 0 || thresholds.Any(t => !(t >= 0 && t < 1)))
        {
            throw new ArgumentException("Thresholds must be numbers in [0, 1), at least one.", nameof(thresholds));
        }

        var truth = frames.Select(f => f.Truth).ToList();
        var widest = frames.Select(f => f.Detections).ToList();
        var timestamps = frames.Select(f => f.TimestampNs).ToList();
        var units = PairedBootstrap.Units(classNames, truth, timestamps, [widest], options);
        var weights = UnitWeights.Draw(units, PairedBootstrap.CanEstimate(units) ? options.Resamples : 0, options.Seed);
        var family = MetricFamilies.Quality.Select((f, i) => (f, i)).Single(p => p.f is OperatingPointFamily).i;
        var layout = new MetricLayout(classNames);
        var perThreshold = thresholds.Order().Select(threshold =>
        {
            var kept = Above(widest, threshold);
            var samples = new MetricSamples(layout, weights.Lanes);
            MetricFamilies.Quality[family].CreateScorer(ResampleInput.Create(classNames, truth, kept, timestamps, units, weights, vectorized: true, streaming: null))!.Score(samples.Family(family));
            return (threshold, samples, falsePositives: FalsePositivesPerFrame(classNames.Count, truth, kept));
        }).ToList();

        return
        [
            .. classNames.Select((name, c) => Curve(name, perThreshold.Select(p => Point(p.threshold, p.samples, name, p.falsePositives[c], options.Confidence)).ToList(), recallToKeep)),
            Curve(Pooled, perThreshold.Select(p => Point(p.threshold, p.samples, null, double.NaN, options.Confidence)).ToList(), recallToKeep),
        ];
    }

    private static SweepCurve Curve(string name, List<SweepPoint> points, IReadOnlyDictionary<string, double> recallToKeep)
    {
        if (!recallToKeep.TryGetValue(name, out var keep))
        {
            return new SweepCurve(name, points, double.NaN, null);
        }

        var keeping = points.Where(p => p.Recall.Value >= keep).ToList();
        return new SweepCurve(name, points, keep, keeping.Count > 0 ? keeping.Max(p => p.Threshold) : null);
    }

    private static SweepPoint Point(double threshold, MetricSamples samples, string? className, double classFalsePositives, double confidence)
    {
        string Name(string rate) => className is null ? rate : MetricNames.PerClass(rate, className);
        var falsePositives = className is null ? Value(samples, MetricNames.FalsePositivesPerFrame, confidence) : new SweepValue(classFalsePositives, classFalsePositives, classFalsePositives);
        return new SweepPoint(threshold, Value(samples, Name(MetricNames.Precision), confidence), Value(samples, Name(MetricNames.Recall), confidence),
            Value(samples, Name(MetricNames.F1), confidence), falsePositives);
    }

    private static SweepValue Value(MetricSamples samples, string name, double confidence)
    {
        var slot = samples.Layout.IndexOf(name) is >= 0 and var found ? found : throw new InvalidOperationException($"the operating point family writes no metric '{name}'");
        var lanes = samples.Values(slot);
        var value = lanes[0];
        var draws = lanes[1..].ToArray().Where(v => !double.IsNaN(v)).ToArray();
        if (double.IsNaN(value) || draws.Length == 0)
        {
            return new SweepValue(value, value, value);
        }

        Array.Sort(draws);
        return new SweepValue(value, TypeSevenQuantile.Of(draws, (1 - confidence) / 2), TypeSevenQuantile.Of(draws, (1 + confidence) / 2));
    }

    /// <summary>Each frame's detections that survive <paramref name="threshold"/>, as the postprocessor compares: score above it.</summary>
    private static List<IReadOnlyList<Detection>> Above(List<IReadOnlyList<Detection>> frames, double threshold)
    {
        var limit = (float)threshold;
        return [.. frames.Select(d => (IReadOnlyList<Detection>)[.. d.Where(x => x.Score > limit)])];
    }

    /// <summary>Per class, the operating point's false positives per frame (ignore regions excused, as the rates count them).</summary>
    private static double[] FalsePositivesPerFrame(int classes, List<IReadOnlyList<TruthBox>> truth, List<IReadOnlyList<Detection>> detections)
    {
        var counts = new long[classes];
        var matcher = new OperatingPointMatcher();
        for (var f = 0; f < truth.Count; f++)
        {
            matcher.Match(truth[f], detections[f]);
            var matches = matcher.Matches;
            for (var d = 0; d < matches.Length; d++)
            {
                if (matches[d] == DetectionMatch.FalsePositive)
                {
                    counts[detections[f][d].ClassId]++;
                }
            }
        }

        return [.. counts.Select(c => truth.Count > 0 ? (double)c / truth.Count : double.NaN)];
    }
}
