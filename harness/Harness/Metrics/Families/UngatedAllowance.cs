namespace Harness.Metrics.Families;

/// <summary>
/// A family's built-in rule for metrics no gate names: a change beyond <paramref name="Amount"/> (a fraction of the
/// baseline when <paramref name="Relative"/>) in the bad direction warns. <paramref name="Prefix"/> is matched against
/// metric names, the longest matching prefix winning, as <c>defaults.yaml</c>'s <c>ungated</c> families are.
/// </summary>
internal sealed record UngatedAllowance(string Prefix, double Amount, bool Relative);
