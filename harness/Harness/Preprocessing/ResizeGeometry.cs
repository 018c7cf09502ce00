namespace Harness.Preprocessing;

/// <summary>Where the resized image sits inside the model input.</summary>
internal readonly record struct ResizeGeometry(int ResizedWidth, int ResizedHeight, int PadX, int PadY)
{
    /// <summary>
    /// Letterbox as Ultralytics does it: one ratio for both axes, resized size rounded, then placed by
    /// <see cref="PreprocessOptions.Placement"/> (centred with the odd pixel of padding going to the right/bottom, or in
    /// the top-left corner).
    /// </summary>
    public static ResizeGeometry For(PreprocessOptions options, int sourceWidth, int sourceHeight)
    {
        if (!options.Letterbox)
        {
            return new ResizeGeometry(options.Width, options.Height, 0, 0);
        }

        var ratio = Math.Min((double)options.Width / sourceWidth, (double)options.Height / sourceHeight);
        var width = Math.Clamp((int)Math.Round(sourceWidth * ratio), 1, options.Width);
        var height = Math.Clamp((int)Math.Round(sourceHeight * ratio), 1, options.Height);
        return options.Placement == LetterboxPlacement.TopLeft
            ? new ResizeGeometry(width, height, 0, 0)
            : new ResizeGeometry(width, height, (options.Width - width) / 2, (options.Height - height) / 2);
    }

    public LetterboxTransform Transform(int sourceWidth, int sourceHeight) => new(
        (float)ResizedWidth / sourceWidth,
        (float)ResizedHeight / sourceHeight,
        PadX,
        PadY,
        sourceWidth,
        sourceHeight);
}
