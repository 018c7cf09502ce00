using Harness.Inference;

namespace Harness.Postprocessing;

/// <summary>Creates the postprocessor for a model's output layout.</summary>
public static class Postprocessor
{
    public static IPostprocessor Create(DetectorOutputLayout layout, PostprocessOptions options) =>
        new SimdPostprocessor(layout, Validated(layout, options));

    /// <summary>The scalar oracle with the same behaviour, for tests and benchmarks.</summary>
    internal static IPostprocessor CreateReference(DetectorOutputLayout layout, PostprocessOptions options) =>
        new ReferencePostprocessor(layout, Validated(layout, options));

    private static PostprocessOptions Validated(DetectorOutputLayout layout, PostprocessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(layout))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown output layout.");
        }

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

        return options;
    }
}
