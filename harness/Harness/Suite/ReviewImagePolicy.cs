using Harness.Gate;
using Harness.Metrics;
using Harness.Metrics.Flips;
using Harness.Reporting;

namespace Harness.Suite;

/// <summary>Applies <see cref="ReviewImages"/> to a judged scenario's result.</summary>
internal static class ReviewImagePolicy
{
    /// <summary>
    /// A clean pass (passed without a warning against a baseline, so no review clip either,
    /// <see cref="ReviewClips.NeedsReview"/>) in which no object flipped against the baseline's detections.
    /// </summary>
    public static bool IsUnchangedPass(ScenarioVerdict verdict) =>
        !ReviewClips.NeedsReview(verdict) && !AnyFlip(verdict.Flips);

    /// <summary>The result with its review frames' images dropped where <paramref name="mode"/> keeps none; the review frames themselves stay.</summary>
    public static ScenarioResult Apply(ScenarioResult result, ScenarioVerdict verdict, ReviewImages mode) =>
        mode == ReviewImages.Always || !IsUnchangedPass(verdict)
            ? result
            : result with { ReviewFrames = [.. result.ReviewFrames.Select(f => f with { Image = null })] };

    private static bool AnyFlip(FlipSummary? flips) =>
        flips is not null && flips.Lost + flips.Found + flips.ClassChanged + flips.FalsePositivesAppeared + flips.FalsePositivesGone > 0;
}
