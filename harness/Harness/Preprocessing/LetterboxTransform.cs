namespace Harness.Preprocessing;

/// <summary>
/// Maps model-input pixel coordinates back to source-image pixels: <c>source = (model - Pad) / Scale</c>.
/// Scales are per axis because a stretched resize changes the aspect ratio; a letterbox has them (almost) equal.
/// </summary>
internal readonly record struct LetterboxTransform(
    float ScaleX, float ScaleY, float PadX, float PadY, int SourceWidth, int SourceHeight)
{
    /// <summary>The transform of an image fed to the model at its own size.</summary>
    public static LetterboxTransform Identity(int width, int height) => new(1f, 1f, 0f, 0f, width, height);

    public float ToSourceX(float modelX) => Math.Clamp((modelX - PadX) / ScaleX, 0f, SourceWidth);

    public float ToSourceY(float modelY) => Math.Clamp((modelY - PadY) / ScaleY, 0f, SourceHeight);
}
