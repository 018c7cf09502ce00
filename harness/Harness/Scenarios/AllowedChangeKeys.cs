using Harness.Metrics;

namespace Harness.Scenarios;

/// <summary>
/// The keys an allowed change against the baseline is written with, by the metric's direction: <c>max_drop</c> for a
/// higher-is-better metric, <c>max_increase</c> for a lower-is-better one. Gates and waivers word the wrong one alike.
/// </summary>
internal static class AllowedChangeKeys
{
    public const string MaxDrop = "max_drop";

    public const string MaxIncrease = "max_increase";

    /// <summary>Each key given that <paramref name="metric"/>'s direction refuses, with the key to use instead.</summary>
    public static IEnumerable<FieldProblem> Problems(string metric, bool hasMaxDrop, bool hasMaxIncrease)
    {
        var higherIsBetter = MetricNames.HigherIsBetter(metric);
        if (hasMaxDrop && !higherIsBetter)
        {
            yield return new FieldProblem(MaxDrop, $"'{metric}' is lower-is-better: use {MaxIncrease}");
        }

        if (hasMaxIncrease && higherIsBetter)
        {
            yield return new FieldProblem(MaxIncrease, $"'{metric}' is higher-is-better: use {MaxDrop}");
        }
    }
}
