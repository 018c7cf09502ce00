using System.Globalization;

namespace Harness.Clips.Messages;

/// <summary>
/// Checks an uncompressed 8-bit image's encoding, step and data length before it becomes a <see cref="CameraImage"/>.
/// rgb8 and bgr8 pass through without a copy; rgba8, bgra8 (alpha dropped) and mono8 (grey repeated in each
/// channel) are repacked into three channels, because every later stage works on interleaved 3-channel pixels.
/// </summary>
internal static class ImageLayout
{
    public const string Supported = "rgb8, bgr8, rgba8, bgra8, mono8";

    public static CameraImage ToCameraImage(string schemaName, int width, int height, string encoding, int step, ReadOnlyMemory<byte> data)
    {
        var (format, channels) = encoding switch
        {
            "rgb8" => (PixelFormat.Rgb8, 3),
            "bgr8" => (PixelFormat.Bgr8, 3),
            "rgba8" => (PixelFormat.Rgb8, 4),
            "bgra8" => (PixelFormat.Bgr8, 4),
            "mono8" => (PixelFormat.Rgb8, 1),
            _ => throw new MessageFormatException($"{schemaName}: image encoding '{encoding}' is not supported ({Supported})"),
        };
        if (width <= 0 || height <= 0 || step < (long)width * channels || (long)step * height > data.Length)
        {
            throw new MessageFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{schemaName}: {width}x{height} {encoding} with step {step} needs {(long)step * height} bytes of data but has {data.Length}"));
        }

        return channels == 3
            ? new CameraImage(width, height, step, format, data[..(step * height)])
            : CameraImage.Packed(width, height, format, Repack(data.Span, width, height, step, channels));
    }

    private static byte[] Repack(ReadOnlySpan<byte> source, int width, int height, int step, int channels)
    {
        var packed = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var row = source.Slice(y * step, width * channels);
            var target = packed.AsSpan(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                var first = x * channels;
                target[x * 3] = row[first];
                target[(x * 3) + 1] = row[first + (channels == 1 ? 0 : 1)];
                target[(x * 3) + 2] = row[first + (channels == 1 ? 0 : 2)];
            }
        }

        return packed;
    }
}
