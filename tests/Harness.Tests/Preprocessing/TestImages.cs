namespace Harness.Tests.Preprocessing;

internal static class TestImages
{
    public static CameraImage Random(Random random, int width, int height, int rowPadding, PixelFormat format)
    {
        var stride = (width * 3) + rowPadding;
        var pixels = new byte[stride * height];
        random.NextBytes(pixels);
        return new CameraImage(width, height, stride, format, pixels);
    }

    /// <summary>An image whose three channels all hold the given grey levels (rows of the array are image rows).</summary>
    public static CameraImage Grey(int[,] levels)
    {
        var height = levels.GetLength(0);
        var width = levels.GetLength(1);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels.AsSpan(((y * width) + x) * 3, 3).Fill((byte)levels[y, x]);
            }
        }

        return CameraImage.Packed(width, height, PixelFormat.Rgb8, pixels);
    }
}
