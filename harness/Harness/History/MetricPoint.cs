namespace Harness.History;

/// <summary>One recorded value of one metric of one scenario, with the commit and time of the run that measured it.</summary>
internal sealed record MetricPoint(string ScenarioId, string Metric, double Value, string Commit, DateTimeOffset RecordedAt, string Run);
