namespace Harness;

/// <summary>Interleaved 8-bit pixel layouts a camera channel can carry.</summary>
public enum PixelFormat
{
    Rgb8,
    Bgr8,
}
