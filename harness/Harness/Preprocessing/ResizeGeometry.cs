namespace Harness.Preprocessing;

/// <summary>Where the resized image sits inside the model input, and the one ratio it was scaled by.</summary>
internal readonly record struct ResizeGeometry(int ResizedWidth, int ResizedHeight, int PadX, int PadY)
{
    /// <summary>The letterbox ratio <c>min(W / w, H / h)</c>; 0 for a stretch, which scales each axis on its own.</summary>
    public double Ratio { get; init; }

    /// <summary>
    /// Letterbox as the exporters do it: one ratio for both axes, the scaled size made whole by
    /// <see cref="PreprocessOptions.SizeRounding"/> (Ultralytics rounds half to even, YOLOX truncates), then placed
    /// by <see cref="PreprocessOptions.Placement"/> (centred with the odd pixel of padding going to the right/bottom,
    /// as Ultralytics' <c>round(d - 0.1)</c> puts it, or in the top-left corner).
    /// </summary>
    public static ResizeGeometry For(PreprocessOptions options, int sourceWidth, int sourceHeight)
    {
        if (!options.Letterbox)
        {
            return new ResizeGeometry(options.Width, options.Height, 0, 0);
        }

        var ratio = Math.Min((double)options.Width / sourceWidth, (double)options.Height / sourceHeight);
        var width = Math.Clamp(Whole(sourceWidth * ratio, options.SizeRounding), 1, options.Width);
        var height = Math.Clamp(Whole(sourceHeight * ratio, options.SizeRounding), 1, options.Height);
        return options.Placement == LetterboxPlacement.TopLeft
            ? new ResizeGeometry(width, height, 0, 0) { Ratio = ratio }
            : new ResizeGeometry(width, height, (options.Width - width) / 2, (options.Height - height) / 2) { Ratio = ratio };
    }

    /// <summary>
    /// Model-input coordinates back to the source image as the exporters' own postprocessing maps them: a letterbox
    /// divides by its one ratio after removing the pads, where Ultralytics' <c>scale_boxes</c> computes the pads from
    /// the unrounded scaled size (<c>round((W - w * r) / 2 - 0.1)</c>, which can be one pixel off the pad the
    /// letterbox drew; the harness follows the exporter) and YOLOX has none. A stretch scales each axis by its own
    /// ratio.
    /// </summary>
    public LetterboxTransform Transform(int sourceWidth, int sourceHeight, PreprocessOptions options)
    {
        if (Ratio == 0)
        {
            return new LetterboxTransform((float)ResizedWidth / sourceWidth, (float)ResizedHeight / sourceHeight, 0f, 0f, sourceWidth, sourceHeight);
        }

        var (padX, padY) = options.Placement == LetterboxPlacement.TopLeft
            ? (0.0, 0.0)
            : (ExporterPad(options.Width, sourceWidth), ExporterPad(options.Height, sourceHeight));
        return new LetterboxTransform((float)Ratio, (float)Ratio, (float)padX, (float)padY, sourceWidth, sourceHeight);
    }

    private double ExporterPad(int target, int source) => Math.Round(((target - (source * Ratio)) / 2) - 0.1, MidpointRounding.ToEven);

    private static int Whole(double scaled, SizeRounding rounding) =>
        rounding == SizeRounding.Truncate ? (int)scaled : (int)Math.Round(scaled, MidpointRounding.ToEven);
}
