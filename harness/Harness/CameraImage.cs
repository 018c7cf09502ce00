namespace Harness;

/// <summary>An interleaved 8-bit, 3-channel image; <paramref name="Stride"/> is the byte length of one row.</summary>
public sealed record CameraImage(int Width, int Height, int Stride, PixelFormat Format, ReadOnlyMemory<byte> Pixels)
{
    public static CameraImage Packed(int width, int height, PixelFormat format, ReadOnlyMemory<byte> pixels) =>
        new(width, height, width * 3, format, pixels);
}
