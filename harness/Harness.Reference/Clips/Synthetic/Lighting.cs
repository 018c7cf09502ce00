namespace Harness.Clips.Synthetic;

/// <summary>
/// Image-wide condition applied after the scene is painted: <see cref="Gain"/> darkens, <see cref="Contrast"/> pulls
/// towards mid grey, <see cref="NoiseSigma"/> is per-channel sensor noise (0..1 scale), rain adds bright streaks.
/// </summary>
internal sealed record Lighting(float Gain, float Offset, float Contrast, float NoiseSigma, int RainStreaks, float LidarDropout)
{
    public static Lighting Day { get; } = new(1f, 0f, 1f, 0.012f, 0, 0f);

    public static Lighting Night { get; } = new(0.35f, 0.02f, 0.9f, 0.03f, 0, 0f);

    public static Lighting Rain { get; } = new(0.85f, 0.03f, 0.8f, 0.03f, 220, 0.15f);
}
