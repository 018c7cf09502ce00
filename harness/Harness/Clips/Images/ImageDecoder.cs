using System.Globalization;
using SkiaSharp;

namespace Harness.Clips.Images;

/// <summary>
/// Decodes PNG and JPEG bytes into packed RGB frames (dataset images, foxglove.CompressedImage payloads). An image
/// must decode completely: a truncated file would otherwise score as a frame whose lower part is blank.
/// </summary>
internal static class ImageDecoder
{
    /// <summary>
    /// 64 megapixels, eight times a 4K camera frame. The header's size is checked before any pixel buffer exists, so
    /// a few hundred bytes claiming 100,000 x 100,000 pixels cannot allocate tens of gigabytes.
    /// </summary>
    public const long MaxPixels = 64L << 20;

    /// <exception cref="ClipFormatException">The bytes are not an image Skia can decode completely, or the image is larger than <see cref="MaxPixels"/>; the message names <paramref name="source"/>.</exception>
    public static CameraImage DecodeRgb(ReadOnlySpan<byte> encoded, string source)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new ClipFormatException($"{source}: not a decodable PNG or JPEG image ({encoded.Length} bytes)");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            throw new ClipFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{source}: the image header declares {width}x{height} pixels (at most {MaxPixels} are decoded)"));
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        SKCodecResult result;
        unsafe
        {
            fixed (byte* target = rgba)
            {
                result = codec.GetPixels(info, (nint)target);
            }
        }

        if (result != SKCodecResult.Success)
        {
            throw new ClipFormatException(result == SKCodecResult.IncompleteInput
                ? $"{source}: image decoding failed (IncompleteInput: the image data is truncated)"
                : $"{source}: image decoding failed ({result})");
        }

        var pixelCount = info.Width * info.Height;
        var rgb = new byte[pixelCount * 3];
        for (var i = 0; i < pixelCount; i++)
        {
            rgb[(i * 3) + 0] = rgba[(i * 4) + 0];
            rgb[(i * 3) + 1] = rgba[(i * 4) + 1];
            rgb[(i * 3) + 2] = rgba[(i * 4) + 2];
        }

        return CameraImage.Packed(info.Width, info.Height, PixelFormat.Rgb8, rgb);
    }

    public static CameraImage DecodeRgbFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ClipFormatException($"{path}: image file does not exist");
        }

        return DecodeRgb(File.ReadAllBytes(path), path);
    }
}
