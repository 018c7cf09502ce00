using Harness.Clips;
using Harness.Gate;

namespace Harness.Reporting;

/// <summary>
/// Which scenarios get a review clip, and the error when a clip can no longer give one: shared by the review-clip
/// writer (in Harness.Recordings, which writes MCAP) and the suite, which keeps review images by the same rule.
/// </summary>
internal static class ReviewClips
{
    /// <summary>A scenario that failed, warned or has no baseline is one a reviewer looks at.</summary>
    public static bool NeedsReview(ScenarioVerdict verdict) => verdict.Failed || verdict.Warnings > 0 || verdict.BaselineMissing;

    public static ClipFormatException Mismatch(string clipPath, string problem) =>
        new($"clip '{clipPath}' no longer matches the run ({problem}); no review clip written");
}
