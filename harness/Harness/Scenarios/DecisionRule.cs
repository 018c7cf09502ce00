namespace Harness.Scenarios;

/// <summary>How a gate with an allowed change decides from the interval of the change (docs/gating.md has each rule's measured error rates).</summary>
public enum DecisionRule
{
    /// <summary>Fails only when the whole interval lies beyond the allowance: a regression the gate is sure of. A point estimate beyond it with an interval reaching back inside warns.</summary>
    SureRegression,

    /// <summary>Passes only when the whole interval lies within the allowance: the change must be shown harmless, so a clip too short to show it fails.</summary>
    NonInferiority,
}
