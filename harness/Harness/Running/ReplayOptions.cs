namespace Harness.Running;

/// <summary>How one replay reports and is hooked into, and what its review frames are ranked against; none of it changes the metrics.</summary>
public sealed record ReplayOptions
{
    public static ReplayOptions Default { get; } = new();

    /// <summary>Told of every replayed frame, from the replay's thread.</summary>
    public IProgress<FrameProgress>? Progress { get; init; }

    public RunHooks Hooks { get; init; } = RunHooks.None;

    /// <summary>
    /// The baseline run's detections per frame ordinal, when known: frames where objects flipped against them are the
    /// ones kept for review first.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Detection>>? ReviewBaseline { get; init; }
}
