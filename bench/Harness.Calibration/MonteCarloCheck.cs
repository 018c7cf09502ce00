using System.Globalization;
using Harness.Gate;
using Harness.Metrics.Bootstrap;
using Harness.Scenarios;

namespace Harness.Calibration;

/// <summary>
/// How much an interval end moves with the bootstrap's own randomness: one comparison (a change of twice a gate's
/// allowance on the first seed clip) bootstrapped with <see cref="Seeds"/> generator seeds, and for each gated metric
/// the standard deviation of each end over the mean width, at the gate's Bonferroni level. The gate asks for under 5%.
/// </summary>
internal static class MonteCarloCheck
{
    public const int Seeds = 20;

    public static string Render(StudyRun run, GateDefaults defaults)
    {
        var plan = run.Plan;
        var change = run.Changes.FirstOrDefault(c => c.Kind == ChangeKind.TwiceAllowance) ?? run.Changes[^1];
        var clip = plan.Seeds[0];
        var baseline = run.Changes.Single(c => c.Kind == ChangeKind.Identical).Current(clip);
        var current = change.Current(clip);
        var classes = plan.Scenario.Model.Classes.EvaluationClasses;
        var subject = GateSubject.Of(plan.Scenario);
        var confidence = subject.GatedConfidence(RunKind.PullRequest, defaults.Statistics.Confidence);
        var statistics = defaults.Statistics;
        var truth = baseline.Select(f => f.Truth).ToList();
        var timestamps = baseline.Select(f => f.TimestampNs).ToList();
        var before = baseline.Select(f => f.Detections).ToList();
        var after = current.Select(f => f.Detections).ToList();
        var ends = new Dictionary<string, List<(double Low, double High)>>(StringComparer.Ordinal);
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var options = new BootstrapOptions(statistics.Resamples, (ulong)seed, statistics.BlockSeconds, statistics.Confidence, statistics.Units);
            var intervals = PairedBootstrap.Run(classes, truth, timestamps, before, after, options);
            foreach (var gate in subject.IntervalGates(RunKind.PullRequest))
            {
                if (intervals.TryGetValue(gate.Metric, out var interval))
                {
                    (ends.TryGetValue(gate.Metric, out var list) ? list : ends[gate.Metric] = []).Add(ChangeBounds.Of(interval, confidence, statistics, unseen: true));
                }
            }
        }

        var worst = ends.Select(pair => (Metric: pair.Key, Error: Error(pair.Value))).OrderByDescending(e => e.Error).First();
        return string.Create(CultureInfo.InvariantCulture,
            $"Monte Carlo error of the interval ends ({plan.Scenario.Id}, {change.Name}, {clip.Name}, {statistics.Resamples} resamples, {Seeds} generator seeds, " +
            $"{confidence:0.####} level): largest standard deviation of an end over the mean width {worst.Error:0.0%} ({worst.Metric}); target under 5%.");
    }

    private static double Error(List<(double Low, double High)> ends)
    {
        var width = ends.Average(e => e.High - e.Low);
        return width <= 0 ? 0 : Math.Max(Deviation(ends.Select(e => e.Low).ToList()), Deviation(ends.Select(e => e.High).ToList())) / width;
    }

    private static double Deviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
