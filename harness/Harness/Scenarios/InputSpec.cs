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
    byte PadValue);
