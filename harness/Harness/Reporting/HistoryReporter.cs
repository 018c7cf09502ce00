using Harness.History;
using Harness.Metrics;
using Harness.Scenarios;

namespace Harness.Reporting;

/// <summary>
/// Appends every measured metric of the run to the history store, stamped with the commit under test, and each
/// scenario's replay time (<see cref="MetricNames.ReplaySeconds"/>), which later shards are balanced by, each with the
/// baseline value it was judged against, so a trend shows where a baseline was accepted.
/// </summary>
internal sealed class HistoryReporter(HistoryStore store, string commit, DateTimeOffset recordedAt) : IReporter
{
    public string Name => "history";

    private static double? BaselineOf(Results.ResultBundle scenario, string metric) =>
        scenario.Verdict.Metrics.FirstOrDefault(row => row.Metric == metric)?.Baseline;

    public void Export(SuiteReport report)
    {
        var run = report.Run.Name();
        store.Append(report.Scenarios
            .Where(s => s.Result is not null)
            .SelectMany(s => s.Result!.Metrics
                .Concat(s.ReplaySeconds is { } seconds ? [new(MetricNames.ReplaySeconds, seconds)] : [])
                .Select(m => new MetricPoint(s.Verdict.ScenarioId, m.Key, m.Value, commit, recordedAt, run, BaselineOf(s, m.Key)))));
    }
}
