namespace Harness.Preprocessing;

internal static class ImageChecks
{
    public static void Validate(CameraImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Width <= 0 || image.Height <= 0)
        {
            throw new ArgumentException($"Image size {image.Width}x{image.Height} is empty.", nameof(image));
        }

        if (image.Format is not (PixelFormat.Rgb8 or PixelFormat.Bgr8))
        {
            throw new ArgumentException($"Pixel format {image.Format} is not an 8-bit 3-channel format.", nameof(image));
        }

        if (image.Stride < image.Width * 3)
        {
            throw new ArgumentException($"Stride {image.Stride} is shorter than a {image.Width}-pixel row ({image.Width * 3} bytes).", nameof(image));
        }

        var needed = ((long)image.Stride * (image.Height - 1)) + (image.Width * 3);
        if (image.Pixels.Length < needed)
        {
            throw new ArgumentException(
                $"Image {image.Width}x{image.Height} with stride {image.Stride} needs {needed} bytes, got {image.Pixels.Length}.",
                nameof(image));
        }
    }
}
