using System.Globalization;
using Harness.Metrics;
using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Calibration;

/// <summary>
/// The ladder of changes the study applies to every clip of a scenario: (a) the identical pipeline; (b) harmless
/// changes (the score threshold up by 0.01, every weight x (1 +- 1e-3)); (c) and (d) for each gate with an allowance,
/// the score threshold that moves that metric on the long clip by the allowance and by twice it; (e, f) every canary
/// that borrows the scenario's baseline.
/// </summary>
internal static class ChangeLadder
{
    public const float HarmlessThresholdStep = 0.01f;

    /// <param name="multiples">The multiples of each allowance to make a true change of: 1 and 2 are (c) and (d); more
    /// map the power curve, from which the powers of wider allowances are read.</param>
    public static IReadOnlyList<StudyChange> Build(StudyPlan plan, Func<StudyClip, ModelVariant, IReadOnlyList<ScoredFrame>> detections,
        IReadOnlyList<double> multiples, TextWriter log)
    {
        var scenario = plan.Scenario;
        var own = scenario.Postprocess.ScoreThreshold;
        IReadOnlyList<ScoredFrame> AtThreshold(StudyClip clip, float threshold) => ScoreFilter.Above(detections(clip, ModelVariant.Base), threshold);

        var harmless = own + HarmlessThresholdStep;
        var changes = new List<StudyChange>
        {
            new("identical", ChangeKind.Identical, "the same pipeline", clip => AtThreshold(clip, own)),
            new($"threshold {Text(own)} -> {Text(harmless)}", ChangeKind.Harmless, "score threshold up by 0.01", clip => AtThreshold(clip, harmless)),
            new(ModelVariant.Noise.Description, ChangeKind.Harmless, "last-digit weight noise", clip => detections(clip, ModelVariant.Noise)),
        };
        if (plan.Variants.Contains(ModelVariant.Retrain))
        {
            changes.Add(new StudyChange(ModelVariant.Retrain.Description, ChangeKind.Retrain, "retrain-sized weight noise", clip => detections(clip, ModelVariant.Retrain)));
        }

        var search = new ThresholdSearch(scenario, AtThreshold(plan.Long, ModelVariant.FloorThreshold), own);
        foreach (var gate in scenario.Gates.Where(g => g.AllowedChange is not null && !MetricNames.IsTiming(g.Metric)))
        {
            foreach (var factor in multiples)
            {
                var kind = factor == 1 ? ChangeKind.AtAllowance : factor == 2 ? ChangeKind.TwiceAllowance : ChangeKind.Multiple;
                var found = search.Find(gate.Metric, gate.AllowedChange!.Value, factor);
                if (found is null)
                {
                    log.WriteLine($"{scenario.Id}: no threshold moves {gate.Metric} by {factor} x its allowance; that change is left out");
                    continue;
                }

                var (threshold, change) = found.Value;
                log.WriteLine($"{scenario.Id}: {gate.Metric} x{factor}: threshold {Text(threshold)} moves it by {change:+0.#####;-0.#####} on the long clip");
                changes.Add(new StudyChange($"{gate.Metric} {(factor == 1 ? "at" : $"{factor.ToString(CultureInfo.InvariantCulture)}x")} allowance", kind,
                    $"score threshold {Text(threshold)}", clip => AtThreshold(clip, threshold))
                {
                    Metric = gate.Metric,
                    LongChange = change,
                });
            }
        }

        foreach (var canary in plan.Canaries)
        {
            changes.Add(new StudyChange(canary.Name, ChangeKind.Canary, canary.Description, clip => detections(clip, canary)));
        }

        return changes;
    }

    private static string Text(float threshold) => threshold.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// The score threshold at which one metric of the long clip has moved by a given multiple of its allowance, in the
    /// metric's worse direction: above the scenario's threshold for a higher-is-better metric (fewer detections), below
    /// it for a lower-is-better one (more false positives). A grid of 0.005 finds the first crossing, bisection narrows it.
    /// </summary>
    private sealed class ThresholdSearch(Scenario scenario, IReadOnlyList<ScoredFrame> floor, float own)
    {
        private readonly Dictionary<float, IReadOnlyDictionary<string, double>> _metrics = [];

        public (float Threshold, double Change)? Find(string metric, Tolerance allowance, double factor)
        {
            var before = Metrics(own)[metric];
            var target = allowance.AbsoluteFor(before) * factor;
            var higherIsBetter = MetricNames.HigherIsBetter(metric);
            var step = higherIsBetter ? 0.005f : -0.005f;
            double Worsening(float t) => Metrics(t).TryGetValue(metric, out var v) ? (higherIsBetter ? before - v : v - before) : double.NaN;

            var previous = own;
            for (var t = own + step; t > ModelVariant.FloorThreshold && t < 0.99f; t += step)
            {
                if (Worsening(t) >= target)
                {
                    var (low, high) = (previous, t);
                    for (var i = 0; i < 12; i++)
                    {
                        var middle = (low + high) / 2;
                        (low, high) = Worsening(middle) >= target ? (low, middle) : (middle, high);
                    }

                    var change = Metrics(high)[metric] - before;
                    return (high, change);
                }

                previous = t;
            }

            return null;
        }

        private IReadOnlyDictionary<string, double> Metrics(float threshold)
        {
            if (!_metrics.TryGetValue(threshold, out var metrics))
            {
                metrics = PairedComparison.Score(scenario.Id, scenario.Model.Classes.EvaluationClasses, ScoreFilter.Above(floor, threshold)).Metrics;
                _metrics[threshold] = metrics;
            }

            return metrics;
        }
    }
}
