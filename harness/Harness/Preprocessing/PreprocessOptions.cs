namespace Harness.Preprocessing;

/// <summary>
/// How a camera image becomes the model's CHW float input: resize (letterboxed or stretched) to
/// <see cref="Width"/> x <see cref="Height"/>, then per channel <c>(pixel * Scale - Mean) / Std</c>
/// (<see cref="PixelNormalisation"/> says how the exporters' float32 arithmetic is followed).
/// </summary>
internal sealed record PreprocessOptions
{
    public PreprocessOptions(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>True keeps the aspect ratio and pads the border; false stretches the image to the target size.</summary>
    public bool Letterbox { get; init; } = true;

    /// <summary>Where the letterboxed image sits; ignored when <see cref="Letterbox"/> is false.</summary>
    public LetterboxPlacement Placement { get; init; } = LetterboxPlacement.Center;

    /// <summary>How the scaled size is made whole pixels; ignored when <see cref="Letterbox"/> is false.</summary>
    public SizeRounding SizeRounding { get; init; } = SizeRounding.Round;

    /// <summary>8-bit OpenCV resize then normalise (the exporters' way), or a float resize.</summary>
    public ResizeMethod Resize { get; init; } = ResizeMethod.EightBit;

    /// <summary>Raw 8-bit value of the padding, normalised like any pixel (114 is the Ultralytics grey).</summary>
    public byte PadValue { get; init; } = 114;

    public float Scale { get; init; } = 1f / 255f;

    public ChannelValues Mean { get; init; } = new(0f, 0f, 0f);

    public ChannelValues Std { get; init; } = new(1f, 1f, 1f);

    public ChannelOrder ChannelOrder { get; init; } = ChannelOrder.Rgb;

    /// <summary>Length of the CHW float buffer one image fills.</summary>
    public int TensorLength => 3 * Width * Height;
}
