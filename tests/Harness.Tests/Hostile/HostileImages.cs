using System.Buffers.Binary;
using System.IO.Hashing;
using Harness.Clips.Images;

namespace Harness.Tests.Hostile;

/// <summary>Encoded images that fail to decode, or claim a size they do not have.</summary>
internal static class HostileImages
{
    /// <summary>A valid PNG of seeded noise (noise, so that cutting it leaves pixel rows undecoded).</summary>
    public static byte[] Png(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        new Random(5).NextBytes(pixels);
        return ImageEncoder.EncodePng(CameraImage.Packed(width, height, PixelFormat.Rgb8, pixels));
    }

    /// <summary>A valid 1x1 PNG whose IHDR (CRC recomputed) claims another size: a decompression bomb's header.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png(1, 1);
        const int ihdrData = 8 + 4 + 4;
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(ihdrData), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(ihdrData + 4), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(ihdrData + 13), Crc32.HashToUInt32(png.AsSpan(ihdrData - 4, 4 + 13)));
        return png;
    }
}
