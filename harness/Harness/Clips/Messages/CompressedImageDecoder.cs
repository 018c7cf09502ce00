using Harness.Clips.Images;

namespace Harness.Clips.Messages;

/// <summary>Decodes foxglove.CompressedImage PNG or JPEG data into packed 8-bit RGB.</summary>
internal static class CompressedImageDecoder
{
    public static CameraImage Decode(CompressedImageMessage message)
    {
        if (message.Format is not ("png" or "jpeg" or "jpg" or "image/png" or "image/jpeg"))
        {
            throw new MessageFormatException($"{CompressedImageMessage.SchemaName}: format '{message.Format}' is not supported (png or jpeg)");
        }

        try
        {
            return ImageDecoder.DecodeRgb(message.Data.Span, CompressedImageMessage.SchemaName + " " + message.Format + " data");
        }
        catch (ClipFormatException e)
        {
            throw new MessageFormatException(e.Message, e);
        }
    }
}
