using SkiaSharp;

namespace Harness.Clips.Images;

/// <summary>Decodes PNG and JPEG bytes into packed RGB frames (dataset images, foxglove.CompressedImage payloads).</summary>
public static class ImageDecoder
{
    /// <exception cref="ClipFormatException">The bytes are not an image Skia can decode; the message names <paramref name="source"/>.</exception>
    public static CameraImage DecodeRgb(ReadOnlySpan<byte> encoded, string source)
    {
        using var data = SKData.CreateCopy(encoded);
        using var bitmap = SKBitmap.Decode(data)
            ?? throw new ClipFormatException($"{source}: not a decodable PNG or JPEG image ({encoded.Length} bytes)");
        using var rgba = bitmap.ColorType == SKColorType.Rgba8888 ? null : new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (rgba is not null && !bitmap.CopyTo(rgba, SKColorType.Rgba8888))
        {
            throw new ClipFormatException($"{source}: cannot convert {bitmap.ColorType} pixels to RGB");
        }

        var source4 = (rgba ?? bitmap).GetPixelSpan();
        var rowBytes = (rgba ?? bitmap).RowBytes;
        var pixels = new byte[bitmap.Width * bitmap.Height * 3];
        for (var y = 0; y < bitmap.Height; y++)
        {
            var row = source4.Slice(y * rowBytes, bitmap.Width * 4);
            var target = pixels.AsSpan(y * bitmap.Width * 3, bitmap.Width * 3);
            for (var x = 0; x < bitmap.Width; x++)
            {
                target[(x * 3) + 0] = row[(x * 4) + 0];
                target[(x * 3) + 1] = row[(x * 4) + 1];
                target[(x * 3) + 2] = row[(x * 4) + 2];
            }
        }

        return CameraImage.Packed(bitmap.Width, bitmap.Height, PixelFormat.Rgb8, pixels);
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
