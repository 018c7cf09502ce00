namespace Harness.Metrics.Families.Stability;

/// <summary>One count of the track walk, attributed to one truth box (frame and index), whose resampling unit carries it.</summary>
internal readonly record struct StabilityEvent(int Frame, int Truth, int ClassId, StabilityCount Count, long Amount);
