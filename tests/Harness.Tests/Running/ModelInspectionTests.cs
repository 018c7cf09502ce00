using Harness.Inference;
using Harness.Models.Onnx;
using Harness.Running;
using Harness.Scenarios;
using Harness.TestKit;
using Harness.Tests.Cli;

namespace Harness.Tests.Running;

/// <summary><c>harness inspect</c>: tensors, Ultralytics metadata, the layout recognised (or why not) and a stanza the loader accepts.</summary>
public sealed class ModelInspectionTests
{
    [Fact]
    public void Ultralytics_export_is_recognised_from_its_shapes_and_metadata_and_the_stanza_loads()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("yolo11n.onnx");

        // exporter.py writes every metadata value as str() of the Python object; input and output axes are dynamic.
        File.WriteAllBytes(path, Model(
            [-1, 3, -1, -1],
            ("output0", [-1, 7, -1]),
            ("names", "{0: 'person', 1: \"it's\", 2: 'traffic light'}"),
            ("imgsz", "[64, 96]"),
            ("stride", "32"),
            ("task", "detect"),
            ("author", "Ultralytics")));

        var inspection = ModelInspection.Of(path);

        Assert.Equal(["person", "it's", "traffic light"], inspection.Ultralytics!.Names);
        Assert.Equal((96, 64), (inspection.InputWidth!.Value, inspection.InputHeight!.Value));
        Assert.Equal("yolov8", inspection.Chosen!.Layout.Name);
        Assert.Equal(3, inspection.Chosen.Classes);
        Assert.StartsWith("yolov8 (3 classes, from metadata names)", inspection.LayoutVerdict, StringComparison.Ordinal);
        var scenario = ScenarioLoader.Parse("id: s\ntags: [pr]\nclip:\n  source: synthetic://urban-day\n" + inspection.Stanza(), directory.Combine("s.yaml"));
        Assert.Equal(["person", "it's", "traffic light"], scenario.Model.Classes.ModelClasses);
        Assert.Equal((96, 64), (scenario.Model.Input.Width, scenario.Model.Input.Height));
        Assert.Equal("yolov8", scenario.Model.Layout.Name);
        Assert.Equal(inspection.Sha256, scenario.Model.Sha256);
        Assert.Equal("ultralytics", scenario.Model.Input.Preset);
        Assert.Contains("metadata  task = detect", inspection.Render(), StringComparison.Ordinal);
        Assert.Contains("output    output0  float  [", inspection.Render(), StringComparison.Ordinal);
        Assert.Contains("input     images  float  [?, 3, ?, ?]", inspection.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shapes_that_fit_several_layouts_say_which_setting_decides()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("plain.onnx");
        File.WriteAllBytes(path, Model([1, 3, 640, 640], ("output0", [1, 84, 8400])));

        var inspection = ModelInspection.Of(path);

        // [1, 84, 8400] is yolov8 with 80 classes, or anchor-major with 84 rows of 8400 columns.
        Assert.Null(inspection.Chosen);
        Assert.Equal(
            "cannot choose between yolov8 (80 classes), yolov5 (8395 classes), rtdetr (8396 classes); model.layout or the class count (model.classes) decides",
            inspection.LayoutVerdict);
        Assert.Contains("# layout: one of yolov8 | yolov5 | rtdetr  (the outputs fit each", inspection.Stanza(), StringComparison.Ordinal);

        // The stanza is valid YAML: loading it fails on the choices it leaves open, named, not on a placeholder.
        var error = Assert.Throws<ScenarioValidationException>(() =>
            ScenarioLoader.Parse("id: s\ntags: [pr]\nclip:\n  source: synthetic://urban-day\n" + inspection.Stanza(), directory.Combine("s.yaml")));
        Assert.Contains("model.layout: is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("model.input", error.Message, StringComparison.Ordinal);
        Assert.Contains("verify every key against its pipeline", inspection.Stanza(), StringComparison.Ordinal);
    }

    [Fact]
    public void Input_size_rules_yolox_in_or_out_by_its_grid()
    {
        using var directory = new TemporaryDirectory();
        var fits = directory.Combine("fits.onnx");
        var other = directory.Combine("other.onnx");

        // With 4 classes known, only [1, N, 5+4] layouts fit. At 64 x 64 YOLOX has 64 + 16 + 4 = 84 rows; 252 rows
        // (3 anchors per cell) can only be YOLOv5's.
        const string names = "{0: 'a', 1: 'b', 2: 'c', 3: 'd'}";
        File.WriteAllBytes(fits, Model([1, 3, 64, 64], ("output", [1, 84, 9]), ("names", names)));
        File.WriteAllBytes(other, Model([1, 3, 64, 64], ("output0", [1, 252, 9]), ("names", names)));

        Assert.Equal(["yolov5", "yolox"], ModelInspection.Of(fits).Candidates.Select(c => c.Layout.Name));
        Assert.Equal("yolov5", ModelInspection.Of(other).Chosen!.Layout.Name);
    }

    [Fact]
    public void Metadata_names_with_a_gap_are_an_error_quoting_them()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("gap.onnx");
        File.WriteAllBytes(path, Model([1, 3, 64, 64], ("output0", [1, 6, 84]), ("names", "{0: 'car', 2: 'bus'}")));

        var error = Assert.Throws<DetectorModelException>(() => ModelInspection.Of(path));

        Assert.Equal($"Model '{path}' metadata 'names' is '{{0: 'car', 2: 'bus'}}', which is not what Ultralytics writes there.", error.Message);
    }

    [Fact]
    public void Inspect_command_prints_the_report_and_fails_cleanly_on_a_missing_file()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllBytes(directory.Combine("m.onnx"), Model([1, 3, 64, 64], ("output0", [1, 300, 6]), ("names", "{0: 'car'}"), ("end2end", "True")));

        var result = HarnessCli.Run(directory.Path, ci: false, "inspect", "m.onnx");
        var missing = HarnessCli.Run(directory.Path, ci: false, "inspect", "none.onnx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("layout    yolov10 (1 classes, from metadata names)", result.Output, StringComparison.Ordinal);
        Assert.Contains("  layout: yolov10\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Model file 'none.onnx' does not exist.", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Onnx_runtimes_own_warnings_show_only_with_verbose()
    {
        using var directory = new TemporaryDirectory();
        var graph = new OnnxGraph("unused");
        graph.AddInput("images", OnnxElementType.Float, [1, 3, 64, 64]);
        var constant = graph.AddInitializer("value", [1, 6, 10], new float[60]);
        graph.AddInitializer("left_over", [4], new float[4]);
        graph.AddNode("Identity", [constant], ["output0"]);
        graph.AddOutput("output0", OnnxElementType.Float, [1, 6, 10]);
        File.WriteAllBytes(directory.Combine("m.onnx"), graph.ToModelBytes(17, "harness-tests"));

        var quiet = HarnessCli.Run(directory.Path, ci: false, "inspect", "m.onnx");
        var verbose = HarnessCli.Run(directory.Path, ci: false, "--verbose", "inspect", "m.onnx");

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.DoesNotContain("left_over", quiet.Output + quiet.Error, StringComparison.Ordinal);
        Assert.True(verbose.ExitCode == 0, verbose.ToString());
        Assert.Contains("Removing initializer 'left_over'", verbose.Output + verbose.Error, StringComparison.Ordinal);
    }

    /// <summary>An image input and constant float outputs with the given declared shapes, plus metadata_props.</summary>
    internal static byte[] Model(long[] input, (string Name, long[] Shape) output, params (string Key, string Value)[] metadata)
    {
        var graph = new OnnxGraph("inspected");
        graph.AddInput("images", OnnxElementType.Float, input);
        var concrete = output.Shape.Select(d => d < 0 ? 1 : d).ToArray();
        var constant = graph.AddInitializer(output.Name + "_value", concrete, new float[concrete.Aggregate(1L, (a, b) => a * b)]);
        graph.AddNode("Identity", [constant], [output.Name]);
        graph.AddOutput(output.Name, OnnxElementType.Float, output.Shape);
        foreach (var (key, value) in metadata)
        {
            graph.AddMetadata(key, value);
        }

        return graph.ToModelBytes(17, "harness-tests");
    }
}
