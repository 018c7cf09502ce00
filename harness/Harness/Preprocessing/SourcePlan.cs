namespace Harness.Preprocessing;

/// <summary>Everything that depends only on the source size, computed once and reused while the size stays.</summary>
internal sealed class SourcePlan
{
    public SourcePlan(PreprocessOptions options, int sourceWidth, int sourceHeight)
    {
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        Geometry = ResizeGeometry.For(options, sourceWidth, sourceHeight);
        Columns = new LinearSamples(sourceWidth, Geometry.ResizedWidth, 3);
        Rows = new LinearSamples(sourceHeight, Geometry.ResizedHeight, 1);
        Transform = Geometry.Transform(sourceWidth, sourceHeight, options);
        EightBitResize = options.Resize == ResizeMethod.EightBit
            ? new OpenCvLinearResize(sourceWidth, sourceHeight, Geometry.ResizedWidth, Geometry.ResizedHeight)
            : null;
    }

    public int SourceWidth { get; }

    public int SourceHeight { get; }

    public ResizeGeometry Geometry { get; }

    /// <summary>Column taps as offsets into an interleaved row (pixel index times 3).</summary>
    public LinearSamples Columns { get; }

    public LinearSamples Rows { get; }

    public LetterboxTransform Transform { get; }

    /// <summary>The 8-bit resize of <see cref="ResizeMethod.EightBit"/>; null for a float resize.</summary>
    public OpenCvLinearResize? EightBitResize { get; }
}
