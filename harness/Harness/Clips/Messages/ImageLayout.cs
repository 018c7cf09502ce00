using System.Globalization;

namespace Harness.Clips.Messages;

/// <summary>Checks an interleaved 8-bit image's encoding, step and data length before it becomes a <see cref="CameraImage"/>.</summary>
internal static class ImageLayout
{
    public static PixelFormat Format(string schemaName, string encoding) => encoding switch
    {
        "rgb8" => PixelFormat.Rgb8,
        "bgr8" => PixelFormat.Bgr8,
        _ => throw new MessageFormatException($"{schemaName}: image encoding '{encoding}' is not supported (rgb8 or bgr8)"),
    };

    public static CameraImage ToCameraImage(string schemaName, int width, int height, string encoding, int step, ReadOnlyMemory<byte> data)
    {
        var format = Format(schemaName, encoding);
        if (width <= 0 || height <= 0 || step < width * 3 || (long)step * height > data.Length)
        {
            throw new MessageFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{schemaName}: {width}x{height} {encoding} with step {step} needs {(long)step * height} bytes of data but has {data.Length}"));
        }

        return new CameraImage(width, height, step, format, data[..(step * height)]);
    }
}
