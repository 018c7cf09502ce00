namespace Harness.Scenarios;

/// <summary>The operating point: score threshold, NMS IoU threshold and the detection cap per frame.</summary>
public sealed record PostprocessSpec(float ScoreThreshold, float IouThreshold, int MaxDetections, bool ClassAgnostic);
