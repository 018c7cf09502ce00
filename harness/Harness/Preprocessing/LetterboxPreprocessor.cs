namespace Harness.Preprocessing;

/// <summary>
/// Turns a camera image into the model's CHW float input, written straight into the caller's tensor buffer: with
/// <see cref="ResizeMethod.EightBit"/> OpenCV's 8-bit resize row by row (<see cref="OpenCvLinearResize"/>), each
/// plane then normalised as the exporter does (<see cref="PixelNormalisation"/>); with <see cref="ResizeMethod.FloatingPoint"/> a bilinear
/// resize straight into float. Sample tables and row buffers are kept between calls, so a stream of same-sized frames
/// allocates nothing. One instance is not safe for concurrent calls.
/// </summary>
internal sealed class LetterboxPreprocessor
{
    private readonly float[] gain = new float[3];
    private readonly float[] offset = new float[3];
    private readonly float[] pad = new float[3];
    private readonly PixelNormalisation[] normalisations = new PixelNormalisation[3];
    private SourcePlan? plan;
    private float[] row = [];
    private int[] resizedRow = [];

    public LetterboxPreprocessor(PreprocessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        for (var plane = 0; plane < 3; plane++)
        {
            var colour = ColourOfPlane(options.ChannelOrder, plane);
            var std = options.Std.ForColour(colour);
            if (!(std > 0f) || !float.IsFinite(std))
            {
                throw new ArgumentException($"Std of channel {"RGB"[colour]} must be positive and finite, got {std}.", nameof(options));
            }

            var mean = options.Mean.ForColour(colour);
            gain[plane] = options.Scale / std;
            offset[plane] = -mean / std;
            pad[plane] = ((options.PadValue * options.Scale) - mean) / std;
            normalisations[plane] = new PixelNormalisation(options.Scale, mean, std);
        }
    }

    public PreprocessOptions Options { get; }

    /// <summary>
    /// Resizes, pads and normalises <paramref name="image"/> into <paramref name="destination"/>
    /// (length <see cref="PreprocessOptions.TensorLength"/>, planes in <see cref="PreprocessOptions.ChannelOrder"/>).
    /// </summary>
    /// <returns>How to map model-input coordinates back to the image.</returns>
    public LetterboxTransform Preprocess(CameraImage image, Span<float> destination)
    {
        ImageChecks.Validate(image);
        if (destination.Length != Options.TensorLength)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} floats; a 3x{Options.Height}x{Options.Width} tensor needs {Options.TensorLength}.",
                nameof(destination));
        }

        var current = PlanFor(image.Width, image.Height);
        if (current.EightBitResize is { } resize)
        {
            ResizeEightBit(image, resize, current.Geometry, destination);
            return current.Transform;
        }

        var geometry = current.Geometry;
        var width = Options.Width;
        var planeLength = width * Options.Height;
        var pixels = image.Pixels.Span;
        var rowLength = image.Width * 3;
        var rowBuffer = row.AsSpan(0, rowLength);
        var resizedEnd = geometry.PadY + geometry.ResizedHeight;

        for (var plane = 0; plane < 3; plane++)
        {
            var output = destination.Slice(plane * planeLength, planeLength);
            output[..(geometry.PadY * width)].Fill(pad[plane]);
            output[(resizedEnd * width)..].Fill(pad[plane]);
        }

        for (var y = 0; y < geometry.ResizedHeight; y++)
        {
            var top = pixels.Slice(current.Rows.First[y] * image.Stride, rowLength);
            var bottom = pixels.Slice(current.Rows.Second[y] * image.Stride, rowLength);
            ResizeKernels.BlendRows(top, bottom, current.Rows.Weight[y], rowBuffer);
            var outputRow = (geometry.PadY + y) * width;
            for (var plane = 0; plane < 3; plane++)
            {
                var line = destination.Slice((plane * planeLength) + outputRow, width);
                line[..geometry.PadX].Fill(pad[plane]);
                line[(geometry.PadX + geometry.ResizedWidth)..].Fill(pad[plane]);
                var channel = SourceChannel(image.Format, ColourOfPlane(Options.ChannelOrder, plane));
                ResizeKernels.SamplePlane(
                    rowBuffer,
                    channel,
                    current.Columns,
                    gain[plane],
                    offset[plane],
                    line.Slice(geometry.PadX, geometry.ResizedWidth));
            }
        }

        return current.Transform;
    }

    private void ResizeEightBit(CameraImage image, OpenCvLinearResize resize, ResizeGeometry geometry, Span<float> destination)
    {
        var width = Options.Width;
        var planeLength = width * Options.Height;
        var resizedEnd = geometry.PadY + geometry.ResizedHeight;
        Span<float> padded = stackalloc float[3];
        for (var plane = 0; plane < 3; plane++)
        {
            padded[plane] = normalisations[plane].Normalise(Options.PadValue);
            var output = destination.Slice(plane * planeLength, planeLength);
            output[..(geometry.PadY * width)].Fill(padded[plane]);
            output[(resizedEnd * width)..].Fill(padded[plane]);
        }

        var resizedWidth = geometry.ResizedWidth;
        var values = resizedRow.AsSpan(0, resizedWidth * 3);
        var pixels = image.Pixels.Span;
        resize.BeginImage();
        for (var y = 0; y < geometry.ResizedHeight; y++)
        {
            resize.Row(pixels, image.Stride, y, values);
            var outputRow = (geometry.PadY + y) * width;
            for (var plane = 0; plane < 3; plane++)
            {
                var line = destination.Slice((plane * planeLength) + outputRow, width);
                line[..geometry.PadX].Fill(padded[plane]);
                line[(geometry.PadX + resizedWidth)..].Fill(padded[plane]);
                var channel = SourceChannel(image.Format, ColourOfPlane(Options.ChannelOrder, plane));
                normalisations[plane].Write(values.Slice(channel * resizedWidth, resizedWidth), line.Slice(geometry.PadX, resizedWidth));
            }
        }
    }

    internal static int ColourOfPlane(ChannelOrder order, int plane) => order == ChannelOrder.Rgb ? plane : 2 - plane;

    internal static int SourceChannel(PixelFormat format, int colour) => format == PixelFormat.Rgb8 ? colour : 2 - colour;

    private SourcePlan PlanFor(int sourceWidth, int sourceHeight)
    {
        if (plan is null || plan.SourceWidth != sourceWidth || plan.SourceHeight != sourceHeight)
        {
            plan = new SourcePlan(Options, sourceWidth, sourceHeight);
            if (row.Length < sourceWidth * 3)
            {
                row = new float[sourceWidth * 3];
            }

            if (resizedRow.Length < plan.Geometry.ResizedWidth * 3)
            {
                resizedRow = new int[plan.Geometry.ResizedWidth * 3];
            }
        }

        return plan;
    }
}
