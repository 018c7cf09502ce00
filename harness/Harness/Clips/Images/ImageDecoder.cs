using SkiaSharp;

namespace Harness.Clips.Images;

/// <summary>Decodes PNG and JPEG bytes into packed RGB frames (dataset images, foxglove.CompressedImage payloads).</summary>
public static class ImageDecoder
{
    /// <exception cref="ClipFormatException">The bytes are not an image Skia can decode; the message names <paramref name="source"/>.</exception>
    public static CameraImage DecodeRgb(ReadOnlySpan<byte> encoded, string source)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new ClipFormatException($"{source}: not a decodable PNG or JPEG image ({encoded.Length} bytes)");
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

        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new ClipFormatException($"{source}: image decoding failed ({result})");
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
