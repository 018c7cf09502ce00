namespace Harness.Postprocessing;

/// <summary>Score filter, non-maximum suppression and output cap, shared by every layout.</summary>
internal sealed record PostprocessOptions
{
    /// <summary>A candidate is kept only when its score is strictly greater.</summary>
    public float ScoreThreshold { get; init; } = 0.25f;

    /// <summary>A box is suppressed when its IoU with a kept, higher-scoring box is strictly greater.</summary>
    public float IouThreshold { get; init; } = 0.45f;

    public int MaxDetections { get; init; } = 300;

    /// <summary>False (default) suppresses only boxes of the same class; true lets any class suppress any other.</summary>
    public bool ClassAgnostic { get; init; }
}
