namespace Harness.Reporting;

/// <summary>
/// Image files written for one scenario, relative to the report's index.html with '/' separators:
/// <see cref="FramePaths"/> pairs by position with the result's review frames, null where a frame has no image.
/// </summary>
internal sealed record HtmlScenarioImages(string? PrecisionRecallPath, IReadOnlyList<string?> FramePaths, string? ForestPath = null)
{
    /// <summary>Crops of the most severe flips, most severe first, with their captions.</summary>
    public IReadOnlyList<(string Path, string Caption)> FlipPaths { get; init; } = [];

    /// <summary>Strips of the least stable tracks of this run, worst first, with their captions.</summary>
    public IReadOnlyList<(string Path, string Caption)> TrackPaths { get; init; } = [];

    /// <summary>One plot per gated metric with a recorded history: the metric's name and the plot's path.</summary>
    public IReadOnlyList<(string Metric, string Path)> TrendPaths { get; init; } = [];

    /// <summary>The two TIDE bar charts (main error types; false positives and negatives), when the run has TIDE rows.</summary>
    public (string Main, string Special)? TidePaths { get; init; }

    public static readonly HtmlScenarioImages None = new(null, []);
}
