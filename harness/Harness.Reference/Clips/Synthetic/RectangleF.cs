namespace Harness.Clips.Synthetic;

/// <summary>An axis-aligned image rectangle in pixels (left, top inclusive; right, bottom exclusive).</summary>
internal readonly record struct RectangleF(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;

    public float Height => Bottom - Top;
}
