namespace Harness.Metrics;

/// <summary>Wall-clock durations of one frame's pipeline stages; <paramref name="Total"/> is measured, not summed.</summary>
public readonly record struct StageTimings(TimeSpan Preprocess, TimeSpan Inference, TimeSpan Postprocess, TimeSpan Total);
