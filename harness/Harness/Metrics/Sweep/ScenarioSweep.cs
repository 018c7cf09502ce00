namespace Harness.Metrics.Sweep;

/// <summary>One scenario's threshold sweep, or why it could not be made (<see cref="Error"/>, and no curves).</summary>
/// <param name="Candidate">What was swept: the scenario as written, or the variant the command line named.</param>
/// <param name="Baseline">Whose recall the recommendations keep: the scenario as written, at its own threshold.</param>
internal sealed record ScenarioSweep(string ScenarioId, string Candidate, string Baseline, IReadOnlyList<SweepCurve> Curves, string? Error = null);
