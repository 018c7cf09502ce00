namespace Harness.Reporting;

/// <summary>
/// Image files written for one scenario, relative to the report's index.html with '/' separators:
/// <see cref="FramePaths"/> pairs by position with the result's review frames.
/// </summary>
internal sealed record HtmlScenarioImages(string? PrecisionRecallPath, IReadOnlyList<string> FramePaths, string? ForestPath = null)
{
    public static readonly HtmlScenarioImages None = new(null, []);
}
