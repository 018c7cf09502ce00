namespace Harness.Running;

/// <summary>Progress of one replay, for a live display: frames done out of the clip's frame count when known.</summary>
public readonly record struct FrameProgress(string ScenarioId, int FramesDone, int? FramesTotal);
