using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Harness.Clips.Images;
using Harness.Models;
using Harness.Running;
using Harness.Scenarios;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Running;

namespace Harness.Tests.Cli;

/// <summary><c>harness init</c>: what it scaffolds loads and is pinned as a run pins it; it never overwrites; <c>--from</c> reads the model's metadata.</summary>
public sealed class InitCliTests
{
    private static readonly string[] ScaffoldedFiles =
    [
        ".config/dotnet-tools.json", ".github/workflows/gate.yml", ".gitignore", "Gate.slnx", "baselines/.gitkeep",
        "scenarios/example.yaml", "tests/Gate.Tests/Gate.Tests.csproj", "tests/Gate.Tests/GateTests.cs",
    ];

    /// <summary>A recording a user has (a ROS 2 bag's MCAP file, written by ros2 bag record).</summary>
    private static readonly string AnMcapFile = Path.Combine(RepositoryPaths.Fixtures, "rosbag2", "mcap", "cdr_test", "cdr_test_0.mcap");

    [Fact]
    public void Empty_folder_gets_an_example_scenario_pinned_as_a_run_pins_it_and_a_test_project_on_this_version()
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "init");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ScaffoldedFiles, Files(directory.Path).Where(f => !f.StartsWith("artifacts/", StringComparison.Ordinal)));
        var scenario = ScenarioLoader.LoadFile(directory.Combine("scenarios", "example.yaml"));
        var (_, clipSha256) = SyntheticClips.Generate(scenario.Clip.Source, directory.Combine("library-cache"));
        Assert.Equal(clipSha256, scenario.Clip.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ReferenceModels.Build("detector-v1"))), scenario.Model.Sha256);
        Assert.Equal(["pr"], scenario.Tags);

        var version = ToolVersion();
        using var manifest = JsonDocument.Parse(File.ReadAllText(directory.Combine(".config", "dotnet-tools.json")));
        Assert.Equal(version, manifest.RootElement.GetProperty("tools").GetProperty("harness.cli").GetProperty("version").GetString());
        var references = XDocument.Load(directory.Combine("tests", "Gate.Tests", "Gate.Tests.csproj")).Descendants("PackageReference")
            .ToDictionary(r => r.Attribute("Include")!.Value, r => r.Attribute("Version")!.Value);
        Assert.Equal(version, references["Harness.Testing"]);
        Assert.Equal(CentralVersion("xunit"), references["xunit"]);
        Assert.Equal(CentralVersion("xunit.runner.visualstudio"), references["xunit.runner.visualstudio"]);
        Assert.Equal(CentralVersion("Microsoft.NET.Test.Sdk"), references["Microsoft.NET.Test.Sdk"]);
        Assert.Contains("*.received.*", File.ReadAllLines(directory.Combine(".gitignore")));
    }

    [Fact]
    public void Any_existing_file_in_the_way_is_named_and_nothing_is_written()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine(".gitignore"), "mine\n");
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "example.yaml"), "mine\n");

        var result = HarnessCli.Run(directory.Path, ci: false, "init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("harness init writes nothing: these already exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("  scenarios/example.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("  .gitignore", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Gate.slnx", result.Error, StringComparison.Ordinal);
        Assert.Equal([".gitignore", "scenarios/example.yaml"], Files(directory.Path));
        Assert.Equal("mine\n", File.ReadAllText(directory.Combine(".gitignore")));
    }

    [Fact]
    public void An_existing_tool_manifest_and_solution_are_kept()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("dotnet-tools.json"), "{}");
        File.WriteAllText(directory.Combine("Mine.sln"), "");

        var result = HarnessCli.Run(directory.Path, ci: false, "init");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("kept     the existing tool manifest", result.Output, StringComparison.Ordinal);
        Assert.Contains("add tests/Gate.Tests/Gate.Tests.csproj to your solution", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.Combine(".config", "dotnet-tools.json")));
        Assert.False(File.Exists(directory.Combine("Gate.slnx")));
        Assert.Equal("{}", File.ReadAllText(directory.Combine("dotnet-tools.json")));
    }

    [Fact]
    public void From_a_model_and_clip_pins_both_and_takes_layout_input_and_classes_from_the_metadata()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("models"));
        Directory.CreateDirectory(directory.Combine("data"));
        var model = ModelInspectionTests.Model([1, 3, 64, 96], ("output0", [1, 6, 126]), ("names", "{0: 'car', 1: 'person'}"), ("imgsz", "[64, 96]"));
        File.WriteAllBytes(directory.Combine("models", "YOLO11n Road.onnx"), model);
        var clip = File.ReadAllBytes(AnMcapFile);
        File.WriteAllBytes(directory.Combine("data", "drive.mcap"), clip);

        var result = HarnessCli.Run(directory.Path, ci: false, "init", "--from", "models/YOLO11n Road.onnx", "--clip", "data/drive.mcap");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("fill in", result.Output, StringComparison.Ordinal);
        var scenario = ScenarioLoader.LoadFile(directory.Combine("scenarios", "yolo11n-road.yaml"));
        Assert.Equal("yolo11n-road", scenario.Id);
        Assert.Equal(Path.GetFullPath(directory.Combine("models", "YOLO11n Road.onnx")), Path.GetFullPath(scenario.Model.Source));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(model)), scenario.Model.Sha256);
        Assert.Equal(Path.GetFullPath(directory.Combine("data", "drive.mcap")), Path.GetFullPath(scenario.Clip.Source));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(clip)), scenario.Clip.Sha256);
        Assert.Equal("yolov8", scenario.Model.Layout.Name);
        Assert.Equal(["car", "person"], scenario.Model.Classes.ModelClasses);
        Assert.Equal((96, 64), (scenario.Model.Input.Width, scenario.Model.Input.Height));
        Assert.Contains("  source: ../models/YOLO11n Road.onnx\n", File.ReadAllText(directory.Combine("scenarios", "yolo11n-road.yaml")), StringComparison.Ordinal);
    }

    /// <summary>Changed behaviour: a clip no format reads ended init with an unhandled exception and its stack trace.</summary>
    [Fact]
    public void From_a_clip_no_format_reads_is_one_message_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllBytes(directory.Combine("plain.onnx"), ModelInspectionTests.Model([1, 3, 640, 640], ("output0", [1, 84, 8400])));
        File.WriteAllBytes(directory.Combine("clip.bin"), [1, 2, 3]);

        var result = HarnessCli.Run(directory.Path, ci: false, "init", "--from", "plain.onnx", "--clip", "clip.bin");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("clip 'clip.bin' is not a format the harness reads; supported: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("scenarios")));
    }

    [Fact]
    public void From_a_model_without_metadata_says_what_to_fill_in()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllBytes(directory.Combine("plain.onnx"), ModelInspectionTests.Model([1, 3, 640, 640], ("output0", [1, 84, 8400])));
        File.Copy(AnMcapFile, directory.Combine("clip.mcap"));

        var result = HarnessCli.Run(directory.Path, ci: false, "init", "--from", "plain.onnx", "--clip", "clip.mcap");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("fill in  scenarios/plain.yaml", result.Output, StringComparison.Ordinal);
        Assert.Contains("# layout: one of yolov8 | yolov5 | rtdetr  (the outputs fit each", File.ReadAllText(directory.Combine("scenarios", "plain.yaml")), StringComparison.Ordinal);
    }

    /// <summary>
    /// The path: a COCO model on a KITTI folder, the user adding only a class map and <c>evaluate: mapped</c>
    /// (no list of the 77 other COCO names), then the commands init prints. Truck, Tram, Misc and the unmapped Car are
    /// left out and the car and truck detections dropped, so every pedestrian and cyclist is found and nothing is false.
    /// </summary>
    [Fact]
    public void From_a_coco_model_and_a_kitti_folder_the_mapped_classes_alone_are_gated_without_an_ignore_list()
    {
        using var directory = new TemporaryDirectory();
        var size = ConstantModels.InputSize;
        Directory.CreateDirectory(directory.Combine("kitti", "image_2"));
        Directory.CreateDirectory(directory.Combine("kitti", "label_2"));
        foreach (var name in new[] { "000000", "000001" })
        {
            File.WriteAllBytes(directory.Combine("kitti", "image_2", name + ".png"), ImageEncoder.EncodePng(CameraImage.Packed(size, size, PixelFormat.Rgb8, new byte[size * size * 3])));
            File.WriteAllText(directory.Combine("kitti", "label_2", name + ".txt"), """
                Pedestrian 0.00 0 0 8 8 24 24 1.7 0.6 0.8 0 1.7 5 0
                Cyclist 0.00 0 0 40 8 56 24 1.7 0.6 1.8 0 1.7 8 0
                Car 0.00 0 0 8 40 24 56 1.5 1.6 3.9 0 1.7 10 0
                Truck 0.00 0 0 40 40 56 56 3.0 2.5 15 0 1.7 50 0
                Van 0.00 0 0 28 28 36 36 2.0 1.9 4.5 0 1.7 20 0
                Tram 0.00 0 0 0 0 4 4 3.0 2.5 15 0 1.7 50 0
                Misc 0.00 0 0 60 0 64 4 1.0 1.0 1.0 0 1.7 30 0
                DontCare -1 -1 -10 0 60 4 64 -1 -1 -1 -1000 -1000 -1000 -10
                """);
        }

        File.WriteAllBytes(directory.Combine("coco.onnx"), ConstantModels.Yolov8Described(
            CocoClasses.Names,
            new ModelBox(8, 8, 24, 24, 0.9f, CocoClasses.Id("person")),
            new ModelBox(40, 8, 56, 24, 0.8f, CocoClasses.Id("bicycle")),
            new ModelBox(8, 40, 24, 56, 0.7f, CocoClasses.Id("car")),
            new ModelBox(40, 40, 56, 56, 0.6f, CocoClasses.Id("truck"))));

        var init = HarnessCli.Run(directory.Path, ci: false, "init", "--from", "coco.onnx", "--clip", "kitti");

        Assert.True(init.ExitCode == 0, init.ToString());
        var path = directory.Combine("scenarios", "coco.yaml");
        var written = File.ReadAllText(path);
        Assert.Contains("  # class_map: { car: [car], pedestrian: [person], cyclist: [bicycle] }\n  # evaluate: mapped\n", written, StringComparison.Ordinal);
        var classes = "  classes: [" + string.Join(", ", CocoClasses.Names) + "]\n";
        Assert.Contains(classes, written, StringComparison.Ordinal);
        // The user's two lines, and no gate: two images cannot resolve the 0.005 that init's gate allows.
        var edited = written.Replace(classes, classes + "  class_map: {pedestrian: [person], cyclist: [bicycle]}\n  evaluate: mapped\n", StringComparison.Ordinal);
        File.WriteAllText(path, edited[..edited.IndexOf("gates:", StringComparison.Ordinal)]);

        var first = HarnessCli.Run(directory.Path, ci: false, "run");
        var accept = HarnessCli.Run(directory.Path, ci: false, "accept");
        var second = HarnessCli.Run(directory.Path, ci: false, "run");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        using var baseline = JsonDocument.Parse(File.ReadAllText(directory.Combine("baselines", "coco.verified.json")));
        var metrics = baseline.RootElement.GetProperty("metrics");
        var names = metrics.EnumerateObject().Select(m => m.Name).ToList();
        Assert.Equal(["cyclist", "pedestrian"], names.Where(k => k.StartsWith("coco/AP/", StringComparison.Ordinal)).Select(k => k["coco/AP/".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal((1.0, 1.0, 0.0), (metrics.GetProperty("recall@0.5").GetDouble(), metrics.GetProperty("precision@0.5").GetDouble(), metrics.GetProperty("fp_per_frame").GetDouble()));
    }

    [Theory]
    [InlineData(new[] { "--from", "m.onnx" }, "--from and --clip go together")]
    [InlineData(new[] { "--clip", "c.mcap" }, "--from and --clip go together")]
    [InlineData(new[] { "--from", "none.onnx", "--clip", "none.mcap" }, "'none.onnx' does not exist")]
    public void Model_and_clip_come_together_and_must_exist(string[] arguments, string message)
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, ["init", .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(Files(directory.Path));
    }

    [Theory]
    [InlineData("yolo11n", "yolo11n")]
    [InlineData("YOLO11n Road", "yolo11n-road")]
    [InlineData("__best.v2__", "best-v2")]
    [InlineData("模型", "model")]
    public void Scenario_ids_from_file_names_are_what_the_loader_accepts(string name, string id) =>
        Assert.Equal(id, Harness.Cli.Init.ModelScenario.IdOf(name));

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static string ToolVersion() => FileVersionInfo.GetVersionInfo(HarnessCli.Dll).ProductVersion!.Split('+')[0];

    private static string CentralVersion(string package) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => p.Attribute("Include")!.Value == package).Attribute("Version")!.Value;
}
