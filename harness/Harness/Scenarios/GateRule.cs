namespace Harness.Scenarios;

/// <summary>
/// How one metric may move. <see cref="Min"/>/<see cref="Max"/> are absolute bounds; <see cref="AllowedChange"/> is
/// the tolerated move in the worse direction against the baseline, judged by <see cref="Decide"/>; <see cref="When"/>
/// limits the rule to runs of that kind (timing rules belong where the machine is controlled).
/// </summary>
public sealed record GateRule(
    string Metric,
    double? Min,
    double? Max,
    Tolerance? AllowedChange,
    RunKind When,
    DecisionRule Decide = DecisionRule.SureRegression);
