using Harness.Gate;

namespace Harness.Calibration;

/// <summary>One comparison of the study: the gate's verdict, and every metric's interval at the suite's confidence (95%), which coverage is measured on.</summary>
internal sealed record Judged(ScenarioVerdict Verdict, IReadOnlyDictionary<string, (double Low, double High)> Intervals);
