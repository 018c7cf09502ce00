namespace Harness.Tests.Running;

/// <summary>
/// Whole replays (MCAP clip -> letterbox -> ONNX Runtime -> decode -> metrics) with constant detectors in every
/// output layout. The image is the model's input size, so the letterbox is the identity and model boxes are image
/// boxes; the expected metrics follow by hand from one truth box per frame.
/// </summary>
public class ScenarioRunnerLayoutTests
{
    private const int Frames = 3;
    private static readonly string[] Classes = ["car", "pedestrian"];

    /// <summary>Corners (8, 8)-(32, 24): 24 x 16 pixels.</summary>
    private static readonly TruthBox Car = new(0, 8, 8, 24, 16);

    private static readonly ModelBox Exact = new(8, 8, 32, 24, 0.9f, 0);

    /// <summary>Shifted 4 px right: intersection 20 x 16 = 320, union 384 + 384 - 320 = 448, IoU 5/7 = 0.714.</summary>
    private static readonly ModelBox Shifted = new(12, 8, 36, 24, 0.9f, 0);

    private static readonly ModelBox Elsewhere = new(40, 40, 56, 56, 0.9f, 0);

    /// <summary>Below the 0.25 score threshold, so never a detection.</summary>
    private static readonly ModelBox Faint = new(40, 40, 56, 56, 0.05f, 1);

    [Theory]
    [InlineData("yolov8")]
    [InlineData("yolov5")]
    [InlineData("ssd")]
    [InlineData("end2end")]
    public void Exact_box_every_frame_scores_perfectly(string layout)
    {
        var metrics = Replay(layout, Exact, Faint);

        Assert.Equal(1.0, metrics["coco/AP"], 9);
        Assert.Equal(1.0, metrics["coco/AP50"], 9);
        Assert.Equal(1.0, metrics["coco/AP75"], 9);
        Assert.Equal(1.0, metrics["recall@0.5"], 9);
        Assert.Equal(1.0, metrics["precision@0.5"], 9);
        Assert.Equal(0.0, metrics["fp_per_frame"], 9);
    }

    [Theory]
    [InlineData("yolov8")]
    [InlineData("yolov5")]
    [InlineData("ssd")]
    [InlineData("end2end")]
    public void Shifted_box_matches_at_the_iou_thresholds_below_its_iou_only(string layout)
    {
        var metrics = Replay(layout, Shifted, Faint);

        Assert.Equal(1.0, metrics["coco/AP50"], 9);
        Assert.Equal(0.0, metrics["coco/AP75"], 9);
        Assert.Equal(0.5, metrics["coco/AP"], 9);
        Assert.Equal(1.0, metrics["recall@0.5"], 9);
    }

    [Theory]
    [InlineData("yolov8")]
    [InlineData("yolov5")]
    [InlineData("ssd")]
    [InlineData("end2end")]
    public void Box_away_from_the_truth_is_a_miss_and_a_false_positive(string layout)
    {
        var metrics = Replay(layout, Elsewhere, Faint);

        Assert.Equal(0.0, metrics["coco/AP"], 9);
        Assert.Equal(0.0, metrics["recall@0.5"], 9);
        Assert.Equal(0.0, metrics["precision@0.5"], 9);
        Assert.Equal(1.0, metrics["fp_per_frame"], 9);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void End2end_reads_integer_classes_and_only_the_counted_slots(bool thirtyTwoBit)
    {
        using var workspace = new ReplayWorkspace();
        workspace.WriteClip(Frames, Car with { ClassId = 1 });
        workspace.WriteModel(ConstantModels.End2End(1, thirtyTwoBit, Exact with { ClassId = 1 }, Elsewhere));

        var result = workspace.Run(workspace.WriteScenario("end2end", Classes));

        Assert.Equal(Frames, result.Frames);
        Assert.Equal(1.0, result.Metrics["coco/AP/pedestrian"], 9);
        Assert.Equal(1.0, result.Metrics["precision@0.5"], 9);
        Assert.Equal(0.0, result.Metrics["fp_per_frame"], 9);
    }

    private static IReadOnlyDictionary<string, double> Replay(string layout, params ModelBox[] boxes)
    {
        using var workspace = new ReplayWorkspace();
        workspace.WriteClip(Frames, Car);
        workspace.WriteModel(layout switch
        {
            "yolov8" => ConstantModels.Yolov8(Classes.Length, boxes),
            "yolov5" => ConstantModels.Yolov5(Classes.Length, boxes),
            "ssd" => ConstantModels.Ssd(Classes.Length, boxes),
            _ => ConstantModels.End2End(boxes.Length, thirtyTwoBit: false, boxes),
        });

        var result = workspace.Run(workspace.WriteScenario(layout, Classes));

        Assert.Equal(Frames, result.Frames);
        return result.Metrics;
    }
}
