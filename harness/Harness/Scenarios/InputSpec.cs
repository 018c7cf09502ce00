using Harness.Preprocessing;

namespace Harness.Scenarios;

/// <summary>Model input geometry and normalisation: pixel * Scale, then (value - Mean) / Std per channel.</summary>
public sealed record InputSpec(
    int Width,
    int Height,
    bool Letterbox,
    float Scale,
    IReadOnlyList<float> Mean,
    IReadOnlyList<float> Std,
    bool Bgr,
    byte PadValue)
{
    /// <summary>Where the letterboxed image sits in the input (<c>letterbox_placement</c>); meaningless without a letterbox.</summary>
    public LetterboxPlacement Placement { get; init; } = LetterboxPlacement.Center;
}
