namespace Harness.History;

/// <summary>
/// One recorded value of one metric of one scenario, with the commit and time of the run that measured it, and the
/// accepted baseline's value it was judged against (null when it had none, or for rows recorded before the store kept
/// it): a change of that value between two runs is where a baseline was accepted.
/// </summary>
internal sealed record MetricPoint(string ScenarioId, string Metric, double Value, string Commit, DateTimeOffset RecordedAt, string Run, double? Baseline = null);
