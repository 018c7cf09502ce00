using Harness.Postprocessing.Layouts;

namespace Harness.Postprocessing;

/// <summary>Creates the postprocessor for a model's configured output layout.</summary>
internal static class Postprocessor
{
    public static IPostprocessor Create(LayoutConfig layout, PostprocessOptions options) =>
        new SimdPostprocessor(Validated(layout, options), options);

    /// <summary>The layout, checked against the options as every postprocessor (and the tests' scalar oracle) needs it.</summary>
    internal static LayoutConfig Validated(LayoutConfig layout, PostprocessOptions options)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        if (!float.IsFinite(options.ScoreThreshold))
        {
            throw new ArgumentException($"Score threshold must be a finite number, got {options.ScoreThreshold}.", nameof(options));
        }

        if (!(options.IouThreshold >= 0f && options.IouThreshold <= 1f))
        {
            throw new ArgumentException($"IoU threshold must be in [0, 1], got {options.IouThreshold}.", nameof(options));
        }

        if (options.MaxDetections <= 0)
        {
            throw new ArgumentException($"Max detections must be positive, got {options.MaxDetections}.", nameof(options));
        }

        return layout;
    }
}
