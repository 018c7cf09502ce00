using SkiaSharp;

namespace Harness.Clips.Messages;

/// <summary>Decodes foxglove.CompressedImage PNG or JPEG data into packed 8-bit RGB with SkiaSharp.</summary>
internal static class CompressedImageDecoder
{
    public static CameraImage Decode(CompressedImageMessage message)
    {
        if (message.Format is not ("png" or "jpeg" or "jpg" or "image/png" or "image/jpeg"))
        {
            throw new MessageFormatException($"{CompressedImageMessage.SchemaName}: format '{message.Format}' is not supported (png or jpeg)");
        }

        using var data = SKData.CreateCopy(message.Data.Span);
        using var codec = SKCodec.Create(data) ?? throw new MessageFormatException($"{CompressedImageMessage.SchemaName}: the {message.Format} data does not decode");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        unsafe
        {
            fixed (byte* target = rgba)
            {
                var result = codec.GetPixels(info, (nint)target);
                if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
                {
                    throw new MessageFormatException($"{CompressedImageMessage.SchemaName}: {message.Format} decoding failed ({result})");
                }
            }
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
}
