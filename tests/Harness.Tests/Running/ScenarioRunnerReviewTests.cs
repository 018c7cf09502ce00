using Harness.Metrics.Flips;

namespace Harness.Tests.Running;

/// <summary>Whole replays with a constant detector that finds the one car of every frame, compared with baseline detections.</summary>
public sealed class ScenarioRunnerReviewTests
{
    private const int Frames = 3;
    private static readonly string[] Classes = ["car", "pedestrian"];
    private static readonly TruthBox Car = new(0, 8, 8, 24, 16);
    private static readonly ModelBox Exact = new(8, 8, 32, 24, 0.9f, 0);

    [Fact]
    public void Against_its_own_detections_no_frame_is_kept_for_review()
    {
        using var workspace = Workspace();
        var scenario = workspace.WriteScenario("yolov8", Classes);
        var first = workspace.Run(scenario);

        var second = workspace.Run(scenario, [.. first.ScoredFrames.Select(f => f.Detections)]);

        Assert.Empty(second.ReviewFrames);
    }

    [Fact]
    public void Frames_where_objects_flipped_against_the_baseline_are_kept_with_their_flips_and_baseline_detections()
    {
        using var workspace = Workspace();
        var scenario = workspace.WriteScenario("yolov8", Classes);
        var detections = workspace.Run(scenario).ScoredFrames.Select(f => f.Detections).ToList();
        var phantom = new Detection(40, 40, 56, 56, 0.8f, 1);
        IReadOnlyList<IReadOnlyList<Detection>> baseline = [detections[0], [], [.. detections[2], phantom]];

        var result = workspace.Run(scenario, baseline);

        var index = result.ScoredFrames.Select(f => f.Index).ToList();
        Assert.Equal([index[1], index[2]], result.ReviewFrames.Select(f => f.FrameIndex).Order());
        var found = Assert.Single(result.ReviewFrames, f => f.FrameIndex == index[1]);
        Assert.Equal(FlipKind.Found, Assert.Single(found.Flips).Kind);
        Assert.Empty(found.BaselineDetections!);
        var gone = Assert.Single(result.ReviewFrames, f => f.FrameIndex == index[2]);
        Assert.Equal((FlipKind.FalsePositiveGone, (Detection?)phantom), (Assert.Single(gone.Flips).Kind, gone.Flips[0].Baseline));
        Assert.All(result.ReviewFrames, f => Assert.True(f.ChangedFromBaseline));
    }

    private static ReplayWorkspace Workspace()
    {
        var workspace = new ReplayWorkspace();
        workspace.WriteClip(Frames, Car);
        workspace.WriteModel(ConstantModels.Yolov8(Classes.Length, Exact));
        return workspace;
    }
}
