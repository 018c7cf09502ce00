using Harness.Clips.Images;

namespace Harness.Clips.Messages;

/// <summary>Decodes PNG or JPEG data of foxglove.CompressedImage and sensor_msgs/msg/CompressedImage into packed 8-bit RGB.</summary>
internal static class CompressedImageDecoder
{
    public static CameraImage Decode(CompressedImageMessage message) =>
        Decode(CompressedImageMessage.SchemaName, message.Format, message.Data);

    /// <summary>
    /// <paramref name="format"/> is a plain "png"/"jpeg" (foxglove, most bags) or image_transport's
    /// "&lt;encoding&gt;; jpeg compressed &lt;encoding&gt;": the compression is the first word after the last ';'.
    /// The pixels come from the bytes themselves; the format only rejects what is not PNG or JPEG (compressedDepth).
    /// </summary>
    public static CameraImage Decode(string schemaName, string format, ReadOnlyMemory<byte> data)
    {
        var compression = format[(format.LastIndexOf(';') + 1)..].Trim().Split(' ')[0].ToLowerInvariant();
        if (compression is not ("png" or "jpeg" or "jpg" or "image/png" or "image/jpeg"))
        {
            throw new MessageFormatException($"{schemaName}: format '{format}' is not supported (png or jpeg)");
        }

        try
        {
            return ImageDecoder.DecodeRgb(data.Span, schemaName + " " + format + " data");
        }
        catch (ClipFormatException e)
        {
            throw new MessageFormatException(e.Message, e);
        }
    }
}
