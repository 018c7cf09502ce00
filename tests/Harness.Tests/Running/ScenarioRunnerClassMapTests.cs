using Harness.Metrics;
using Harness.Clips;
using Harness.Running;

namespace Harness.Tests.Running;

/// <summary>
/// Whole replays in which truth and detections meet by class name: the clip's truth labels and the model's classes
/// map to the scenario's evaluation classes whatever order either lists them in. Constant detectors on a 64 x 64
/// image; the expected metrics follow by hand from the boxes.
/// </summary>
public class ScenarioRunnerClassMapTests
{
    private const int Frames = 2;

    private static readonly TruthBox Left = new(0, 8, 8, 16, 16);
    private static readonly TruthBox Right = new(0, 40, 8, 16, 16);
    private static readonly TruthBox Low = new(0, 40, 40, 16, 16);

    [Fact]
    public void Scenario_listing_the_model_classes_in_another_order_scores_the_same()
    {
        // Left is a car and Right a pedestrian; each model finds both and puts a false car on Low.
        static ModelBox[] Boxes(int car, int pedestrian) =>
            [Box(Left, 0.9f, car), Box(Right, 0.8f, pedestrian), Box(Low, 0.7f, car)];

        var carFirst = Replay(["car", "pedestrian"], [Left, Right with { ClassId = 1 }], ["car", "pedestrian"], Boxes(car: 0, pedestrian: 1));
        var pedestrianFirst = Replay(["car", "pedestrian"], [Left, Right with { ClassId = 1 }], ["pedestrian", "car"], Boxes(car: 1, pedestrian: 0));

        Assert.Equal(Quality(carFirst), Quality(pedestrianFirst));
        Assert.Equal(1.0, pedestrianFirst["coco/AP/car"], 9);
        Assert.Equal(1.0, pedestrianFirst["coco/AP/pedestrian"], 9);
        Assert.Equal(2.0 / 3, pedestrianFirst["precision@0.5"], 9);
        Assert.Equal(1.0, pedestrianFirst["recall@0.5"], 9);
        Assert.Equal(1.0, pedestrianFirst["fp_per_frame"], 9);
    }

    [Fact]
    public void Clip_listing_its_labels_in_another_order_scores_the_same()
    {
        var boxes = new[] { Box(Left, 0.9f, 0), Box(Right, 0.8f, 1) };

        var carFirst = Replay(["car", "pedestrian"], [Left, Right with { ClassId = 1 }], ["car", "pedestrian"], boxes);
        var pedestrianFirst = Replay(["pedestrian", "car"], [Left with { ClassId = 1 }, Right with { ClassId = 0 }], ["car", "pedestrian"], boxes);

        Assert.Equal(Quality(carFirst), Quality(pedestrianFirst));
        Assert.Equal(1.0, pedestrianFirst["coco/AP"], 9);
    }

    [Fact]
    public void Many_to_one_class_map_merges_model_classes_and_truth_labels()
    {
        // The car is detected as a truck and the truck as a car: wrong per class, right as vehicles.
        var metrics = Replay(
            ["car", "truck", "pedestrian"],
            [Left, Right with { ClassId = 1 }, Low with { ClassId = 2 }],
            ["car", "truck", "pedestrian"],
            [Box(Left, 0.9f, 1), Box(Right, 0.8f, 0), Box(Low, 0.7f, 2)],
            ["  class_map: { vehicle: [car, truck] }"]);

        Assert.Equal(1.0, metrics["coco/AP/vehicle"], 9);
        Assert.Equal(1.0, metrics["coco/AP/pedestrian"], 9);
        Assert.Equal(1.0, metrics["precision@0.5"], 9);
        Assert.Equal(1.0, metrics["recall@0.5"], 9);
        Assert.DoesNotContain(metrics.Keys, k => k.EndsWith("/car", StringComparison.Ordinal) || k.EndsWith("/truck", StringComparison.Ordinal));
    }

    [Fact]
    public void Ignore_region_is_never_missed_and_detections_inside_it_are_not_false_positives()
    {
        // One car (found), one DontCare region over the lower right quarter holding the highest-scoring detection,
        // one empty DontCare region, and a false car at the lower left. Not ignored, the detection inside the region
        // would be a false positive ranked first: AP50 1/2 instead of 1 and precision 1/3 instead of 1/2.
        var dontCare = new TruthBox(1, 32, 32, 32, 32);
        var empty = new TruthBox(1, 0, 0, 6, 6);
        var metrics = Replay(
            ["car", "DontCare"],
            [Left, dontCare, empty],
            ["car"],
            [Box(Left, 0.9f, 0), new ModelBox(40, 40, 56, 56, 0.95f, 0), new ModelBox(0, 40, 16, 56, 0.7f, 0)],
            ["  ignore: [DontCare]"]);

        Assert.Equal(1.0, metrics["coco/AP50"], 9);
        Assert.Equal(1.0, metrics["coco/AP"], 9);
        Assert.Equal(1.0, metrics["recall@0.5"], 9);
        Assert.Equal(0.5, metrics["precision@0.5"], 9);
        Assert.Equal(1.0, metrics["fp_per_frame"], 9);
    }

    [Fact]
    public void Evaluate_mapped_scores_an_80_class_model_on_the_class_map_keys_alone()
    {
        // Left is a car, Right a pedestrian, Low a truck no key reaches and Corner a tram no model class names. The
        // model finds each as its own COCO class (a dog on the tram): the truck and the dog are dropped, and neither
        // the truck nor the tram is missed.
        var corner = new TruthBox(3, 8, 40, 16, 16);
        var result = ReplayResult(
            ["Car", "Pedestrian", "Truck", "Tram"],
            [Left, Right with { ClassId = 1 }, Low with { ClassId = 2 }, corner],
            CocoClasses.Names,
            [Box(Left, 0.9f, CocoClasses.Id("car")), Box(Right, 0.8f, CocoClasses.Id("person")), Box(Low, 0.7f, CocoClasses.Id("truck")), Box(corner, 0.6f, CocoClasses.Id("dog"))],
            ["  class_map: { car: [car], pedestrian: [person] }", "  evaluate: mapped"]);
        var metrics = result.Metrics;

        Assert.Equal([("Tram", (long)Frames), ("Truck", Frames)], result.LeftOutLabels.Select(l => (l.Key, l.Value)));
        Assert.Equal(1.0, metrics["coco/AP/car"], 9);
        Assert.Equal(1.0, metrics["coco/AP/pedestrian"], 9);
        Assert.Equal(1.0, metrics["recall@0.5"], 9);
        Assert.Equal(1.0, metrics["precision@0.5"], 9);
        Assert.Equal(0.0, metrics["fp_per_frame"], 9);
        Assert.Equal(["car", "pedestrian"], metrics.Keys.Where(k => k.StartsWith("coco/AP/", StringComparison.Ordinal)).Select(k => k["coco/AP/".Length..]).Order(StringComparer.Ordinal));
        var parts = metrics.Keys.SelectMany(k => k.Split('/')).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(CocoClasses.Names, name => name != "car" && parts.Contains(name));
    }

    [Fact]
    public void Under_evaluate_mapped_a_detection_on_left_out_truth_is_a_false_positive()
    {
        // KITTI's evaluation counts a car found on a truck as a false car: left-out truth is no ignore region.
        var metrics = Replay(
            ["Car", "Truck"],
            [Left, Low with { ClassId = 1 }],
            CocoClasses.Names,
            [Box(Left, 0.9f, CocoClasses.Id("car")), Box(Low, 0.8f, CocoClasses.Id("car"))],
            ["  class_map: { car: [car] }", "  evaluate: mapped"]);

        Assert.Equal(1.0, metrics["recall@0.5/car"], 9);
        Assert.Equal(0.5, metrics["precision@0.5/car"], 9);
        Assert.Equal(1.0, metrics["fp_per_frame"], 9);
    }

    [Fact]
    public void Truth_label_the_scenario_does_not_name_fails_the_replay_naming_it()
    {
        using var workspace = new ReplayWorkspace();
        workspace.WriteClip(["car", "tram"], 1, Left, Right with { ClassId = 1 });
        workspace.WriteModel(ConstantModels.Yolov8(1, Box(Left, 0.9f, 0)));

        var error = Assert.Throws<ClipFormatException>(() => workspace.Run(workspace.WriteScenario("yolov8", ["car"])));

        Assert.Contains("truth label 'tram' maps to no class (evaluation classes: 'car')", error.Message, StringComparison.Ordinal);
        Assert.Contains(workspace.ClipPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detections_take_evaluation_ids_in_place_and_those_of_ignored_model_classes_are_dropped()
    {
        var classes = ClassMap.Create(["person", "car", "dog", "truck"], [KeyValuePair.Create("vehicle", (IReadOnlyList<string>)["car", "truck"])], ["dog"]);
        var detections = new List<Detection> { new(0, 0, 1, 1, 0.9f, 3), new(0, 0, 1, 1, 0.8f, 2), new(0, 0, 1, 1, 0.7f, 0), new(0, 0, 1, 1, 0.6f, 1) };

        DetectionClasses.ToEvaluation(classes, detections, "m.onnx");

        Assert.Equal(["person", "vehicle"], classes.EvaluationClasses);
        Assert.Equal([(0.9f, 1), (0.7f, 0), (0.6f, 1)], detections.Select(d => (d.Score, d.ClassId)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Detection_class_outside_the_model_classes_is_an_error_naming_the_model(int classId)
    {
        var detections = new List<Detection> { new(0, 0, 1, 1, 0.9f, 1), new(0, 0, 1, 1, 0.9f, classId) };

        var error = Assert.Throws<ScenarioInputException>(() => DetectionClasses.ToEvaluation(ClassMap.Identity(["car", "pedestrian"]), detections, "models/m.onnx"));

        Assert.Contains($"model 'models/m.onnx' reported class id {classId}, outside its 2 classes [car, pedestrian]", error.Message, StringComparison.Ordinal);
    }

    private static ModelBox Box(TruthBox truth, float score, int classId) =>
        new(truth.X, truth.Y, truth.X + truth.Width, truth.Y + truth.Height, score, classId);

    /// <summary>Every metric but timing, which differs run to run.</summary>
    private static SortedDictionary<string, double> Quality(IReadOnlyDictionary<string, double> metrics) =>
        new(metrics.Where(m => !m.Key.StartsWith("latency/", StringComparison.Ordinal) && !m.Key.StartsWith("throughput/", StringComparison.Ordinal))
            .ToDictionary(m => m.Key, m => m.Value), StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, double> Replay(string[] clipClasses, TruthBox[] truth, string[] modelClasses, ModelBox[] boxes,
        IReadOnlyList<string>? modelLines = null) =>
        ReplayResult(clipClasses, truth, modelClasses, boxes, modelLines).Metrics;

    private static ScenarioResult ReplayResult(string[] clipClasses, TruthBox[] truth, string[] modelClasses, ModelBox[] boxes,
        IReadOnlyList<string>? modelLines = null)
    {
        using var workspace = new ReplayWorkspace();
        workspace.WriteClip(clipClasses, Frames, truth);
        workspace.WriteModel(ConstantModels.Yolov8(modelClasses.Length, boxes));

        var result = workspace.Run(workspace.WriteScenario("yolov8", modelClasses, modelLines: modelLines));

        Assert.Equal(Frames, result.Frames);
        return result;
    }
}
