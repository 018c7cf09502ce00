using System.Globalization;
using Harness.Metrics.Families.Tide;
using Harness.Metrics.Tide;

namespace Harness.Gate;

/// <summary>
/// Says in one line why AP50 moved: the TIDE error types (pooled) whose change against the baseline is sure (its
/// interval excludes zero), largest first, each with its change and interval, so the summary tells a run that lost AP
/// to localisation from one that lost it to missed objects.
/// </summary>
internal static class TideNote
{
    public static ScenarioVerdict With(ScenarioVerdict verdict)
    {
        var sure = TideNames.All
            .Select(type => verdict.Metrics.FirstOrDefault(row => row.Metric == TideFamily.Root + "/" + type))
            .Where(row => row is { Change: { } change, Low: { } low, High: { } high } && change != 0 && (low > 0 || high < 0))
            .OrderByDescending(row => Math.Abs(row!.Change!.Value))
            .Select(row => string.Create(CultureInfo.InvariantCulture,
                $"{row!.Metric[(TideFamily.Root.Length + 1)..]} {row.Change!.Value:+0.####;-0.####} [{row.Low!.Value:+0.####;-0.####}, {row.High!.Value:+0.####;-0.####}]"))
            .ToList();
        return sure.Count == 0
            ? verdict
            : verdict with { Notes = [.. verdict.Notes, "AP50 lost to each error type (TIDE dAP), sure changes: " + string.Join(", ", sure)] };
    }
}
