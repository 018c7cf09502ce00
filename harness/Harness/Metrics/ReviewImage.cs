namespace Harness.Metrics;

/// <summary>
/// A review frame's camera image as the result bundle stores it: JPEG bytes at <see cref="JpegQuality"/> and the size
/// they decode to. A reviewer looks at boxes on the frame, not at pixel values (those stay in the clip), and JPEG takes
/// a tenth of a lossless PNG of a noisy camera frame. Kept encoded, so a bundle read back writes the same bytes again
/// and a report holds tens of kilobytes a frame in memory rather than the decoded pixels.
/// </summary>
internal sealed record ReviewImage(int Width, int Height, ReadOnlyMemory<byte> Jpeg)
{
    public const int JpegQuality = 90;
}
