namespace Harness.Clips.Synthetic;

/// <summary>
/// A forward-looking pinhole camera at <see cref="MountHeight"/> in the ego frame (x forward, y left, z up), no
/// pitch, horizon at <see cref="Cy"/>.
/// </summary>
internal readonly record struct PinholeCamera(int Width, int Height, float Focal, float Cx, float Cy)
{
    public const float MountHeight = 1.6f;

    public static PinholeCamera For(int width, int height) => new(width, height, 0.78f * width, width * 0.5f, height * 0.42f);

    public float U(float x, float y) => Cx - (Focal * y / x);

    public float V(float x, float z) => Cy - (Focal * (z - MountHeight) / x);
}
