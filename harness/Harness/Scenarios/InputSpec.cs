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

    /// <summary><c>resize</c>: OpenCV's 8-bit resize (the exporters' way) or a float one.</summary>
    public ResizeMethod Resize { get; init; } = ResizeMethod.EightBit;

    /// <summary><c>size_rounding</c>: how a letterbox makes the scaled size whole (round, or YOLOX's truncation).</summary>
    public SizeRounding SizeRounding { get; init; } = SizeRounding.Round;

    /// <summary>The <c>preset</c> the settings came from, or null; the settings themselves are the other properties.</summary>
    public string? Preset { get; init; }
}
