namespace Harness.Metrics.Sweep;

/// <summary>One class (or all classes pooled) at one score threshold.</summary>
/// <param name="FalsePositivesPerFrame">The class's false positives per frame; its interval only where pooled (the rates' resample scorer counts them over all classes).</param>
internal sealed record SweepPoint(double Threshold, SweepValue Precision, SweepValue Recall, SweepValue F1, SweepValue FalsePositivesPerFrame);
