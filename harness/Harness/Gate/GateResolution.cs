using System.Globalization;
using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Gate;

/// <summary>
/// Whether a clip can resolve a gate's allowance: the design rule of a one-sided test, as in a sample-size calculation.
/// A change of twice the allowance made of N independent lost objects (a proportion over N truth objects; for
/// <c>fp_per_frame</c>, false positives added to the baseline's) has standard error sqrt(2a / N); the gate catches it
/// with probability <see cref="TargetPower"/> when a &gt;= 2 (z + z_power)^2 / N, z the one-sided quantile of the
/// gate's confidence level. It is the best case (real losses cluster in objects and scenes, which only widens the
/// interval), so a gate below it can never reach that power; the calibration study measures the real power. A gated
/// metric over fewer than the minimum support, or with an allowance below what its clip resolves, is a configuration
/// error, never a silent pass.
/// </summary>
internal static class GateResolution
{
    /// <summary>The power the gate aims for at twice a gate's allowance.</summary>
    public const double TargetPower = 0.9;

    /// <summary>
    /// The smallest absolute allowance a metric over <paramref name="support"/> independent things resolves at the
    /// two-sided <paramref name="confidence"/> (the decision reads one end of the interval).
    /// </summary>
    public static double SmallestAllowance(double support, double confidence)
    {
        if (support <= 0)
        {
            return double.PositiveInfinity;
        }

        var z = StandardNormal.Quantile((1 + confidence) / 2) + StandardNormal.Quantile(TargetPower);
        return 2 * z * z / support;
    }

    /// <summary>
    /// One message per interval gate the clip cannot resolve, naming the metric, its support and the allowance the clip
    /// resolves. <paramref name="supports"/> are the truth objects (frames for <c>fp_per_frame</c>) per metric,
    /// <paramref name="values"/> the baseline's values (relative allowances and false-positive counts read them).
    /// </summary>
    public static IReadOnlyList<string> Problems(IEnumerable<GateRule> intervalGates, IReadOnlyDictionary<string, long> supports,
        IReadOnlyDictionary<string, double> values, int minSupport, double confidence)
    {
        var problems = new List<string>();
        foreach (var gate in intervalGates)
        {
            if (!supports.TryGetValue(gate.Metric, out var support) || !values.TryGetValue(gate.Metric, out var value))
            {
                continue;
            }

            var allowance = gate.AllowedChange!.Value.AbsoluteFor(value);
            var falsePositives = gate.Metric == MetricNames.FalsePositivesPerFrame;
            var independent = falsePositives ? value * support : support;
            // Scaled back to the metric only over some false positives: infinity times a rate of 0 is NaN, below which no allowance lies.
            var smallest = SmallestAllowance(independent, confidence) * (falsePositives && value > 0 ? value : 1);
            var counted = falsePositives
                ? $"{support} frames with {Number(independent)} false positives"
                : $"{support} truth objects";
            if (!falsePositives && support < minSupport)
            {
                problems.Add($"{gate.Metric}: computed over {counted}, fewer than min_support {minSupport}; the clip resolves a change of " +
                    $"{Number(smallest)} or more, the gate allows {Number(allowance)}: lengthen the clip or widen the allowance");
            }
            else if (allowance < smallest)
            {
                problems.Add($"{gate.Metric}: computed over {counted}, the clip resolves a change of {Number(smallest)} or more at the gate's " +
                    $"{Percent(confidence)} level, the gate allows {Number(allowance)}: lengthen the clip or widen the allowance");
            }
        }

        return problems;
    }

    private static string Number(double value) => double.IsPositiveInfinity(value) ? "infinity" : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(double confidence) => (confidence * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
