using SkiaSharp;

namespace Harness.Clips.Images;

/// <summary>Encodes packed 8-bit RGB/BGR frames as PNG (compressed camera messages, dataset fixtures, report thumbnails) or JPEG (review clips).</summary>
internal static class ImageEncoder
{
    public static byte[] EncodePng(CameraImage image)
    {
        using var bitmap = ToBitmap(image);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    public static byte[] EncodeJpeg(CameraImage image, int quality)
    {
        using var bitmap = ToBitmap(image);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return encoded.ToArray();
    }

    internal static SKBitmap ToBitmap(CameraImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var target = bitmap.GetPixelSpan();
        var source = image.Pixels.Span;
        var (red, blue) = image.Format == PixelFormat.Rgb8 ? (0, 2) : (2, 0);
        for (var y = 0; y < image.Height; y++)
        {
            var row = source.Slice(y * image.Stride, image.Width * 3);
            var output = target.Slice(y * bitmap.RowBytes, image.Width * 4);
            for (var x = 0; x < image.Width; x++)
            {
                output[(x * 4) + 0] = row[(x * 3) + red];
                output[(x * 4) + 1] = row[(x * 3) + 1];
                output[(x * 4) + 2] = row[(x * 3) + blue];
                output[(x * 4) + 3] = 255;
            }
        }

        return bitmap;
    }
}
