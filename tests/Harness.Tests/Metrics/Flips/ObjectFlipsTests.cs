using Harness.Metrics;
using Harness.Metrics.Flips;

namespace Harness.Tests.Metrics.Flips;

public sealed class ObjectFlipsTests
{
    private static readonly string[] Classes = ["car", "pedestrian"];

    private static readonly TruthBox Car = new(0, 0, 0, 40, 40);

    private static readonly Detection Exact = new(0, 0, 40, 40, 0.9f, 0);

    [Fact]
    public void Pairs_frames_by_position_and_names_them_by_ordinal_and_index()
    {
        ScoredFrame[] current = [new(100, 0, [Car], [Exact]), new(101, 1, [Car], [])];

        var summary = ObjectFlips.Compare(Classes, current, [[Exact], [Exact]]);

        Assert.Equal("1 object lost, 0 found, 0 false positives appeared, 0 gone", summary.Describe());
        Assert.Equal((1, 101L), (summary.Worst[0].FrameOrdinal, summary.Worst[0].FrameIndex));
    }

    [Fact]
    public void An_unchanged_run_with_false_positives_without_area_reports_no_flip()
    {
        // Given the zero-height false positive urban-day's frame 130 has, beside a box with area, in both runs.
        Detection[] detections = [Exact, new(0, 0, 15.29f, 0, 0.25f, 0), new(100, 100, 100, 140, 0.3f, 1)];
        ScoredFrame[] current = [new(130, 0, [Car], detections)];

        var summary = ObjectFlips.Compare(Classes, current, [detections]);

        Assert.Equal("no object changed", summary.Describe());
    }

    [Fact]
    public void A_baseline_with_another_number_of_frames_is_rejected()
    {
        ScoredFrame[] current = [new(0, 0, [Car], [Exact])];

        var error = Assert.Throws<ArgumentException>(() => ObjectFlips.Compare(Classes, current, [[Exact], []]));

        Assert.Equal("baselineDetections", error.ParamName);
    }
}
