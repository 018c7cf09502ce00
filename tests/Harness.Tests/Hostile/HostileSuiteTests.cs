using System.Text;
using Harness.Clips.Messages;
using Harness.Fuzz;
using Harness.Models.Onnx;
using Harness.Reporting;
using Harness.Testing;
using Harness.Tests.Running;

namespace Harness.Tests.Hostile;

/// <summary>
/// Each hostile input, used by one scenario of a suite, goes through the whole gate: that scenario gets an error
/// verdict whose message names the hostile file (and what is wrong with it), the valid scenario beside it runs as if
/// nothing happened, and the run exits with the input-error code. Nothing crashes the process, hangs or passes.
/// </summary>
public sealed class HostileSuiteTests
{
    private const string Bad = "bad";

    private static readonly Dictionary<string, Func<HostileSuite, (string File, string Problem)>> Cases = new(StringComparer.Ordinal)
    {
        ["clip-truncated"] = suite => Clip(suite, suite.GoodClipBytes()[..^40], "truncated"),
        ["clip-bit-flipped"] = suite => Clip(suite, Flipped(suite.GoodClipBytes()), "Chunk record at byte offset"),
        ["clip-record-length-2^62"] = suite => Clip(suite, FirstChunkLength(suite.GoodClipBytes(), 1UL << 62), "declares 4611686018427387904 content bytes"),
        ["clip-record-length-0"] = suite => Clip(suite, FirstChunkLength(suite.GoodClipBytes(), 0), "Chunk record at byte offset"),
        ["clip-empty"] = suite => Clip(suite, [], "is not a format the harness reads"),
        ["clip-not-mcap"] = suite => Clip(suite, HostileImages.Png(8, 8), "is not a format the harness reads"),
        ["image-png-undecodable"] = suite => Compressed(suite, "png", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6, 7, 8], "not a decodable PNG or JPEG image"),
        ["image-png-truncated"] = suite => Compressed(suite, "png", HostileImages.Png(64, 64)[..^200], "image decoding failed"),
        ["image-jpeg-undecodable"] = suite => Compressed(suite, "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 9, 9, 9, 9], "not a decodable PNG or JPEG image"),
        ["image-png-claims-10-gigapixels"] = suite => Compressed(suite, "png", HostileImages.PngClaiming(100_000, 100_000), "declares 100000x100000 pixels"),
        ["image-format-not-an-image"] = suite => Compressed(suite, "compressedDepth png", HostileImages.Png(8, 8), "format 'compressedDepth png' is not supported"),
        ["image-wrong-size"] = suite => Raw(suite, HostileSuite.Size, HostileSuite.Size, "rgb8", HostileSuite.Size * 3, new byte[100], "64x64 rgb8 with step 192 needs 12288 bytes of data but has 100"),
        ["image-wrong-encoding"] = suite => Raw(suite, 4, 4, "32FC1", 16, new byte[64], "image encoding '32FC1' is not supported"),
        ["model-empty"] = suite => Model(suite, [], "could not be loaded by ONNX Runtime: [ErrorCode:InvalidArgument]"),
        ["model-not-onnx"] = suite => Model(suite, Encoding.UTF8.GetBytes("this is not an ONNX model\n"), "could not be loaded by ONNX Runtime: [ErrorCode:InvalidProtobuf]"),
        ["model-truncated"] = suite => Model(suite, ConstantModels.Yolov8(2, new ModelBox(8, 8, 32, 24, 0.9f, 0))[..^30], "could not be loaded by ONNX Runtime: [ErrorCode:InvalidProtobuf]"),
        ["model-wrong-shape"] = suite => Model(suite, ConstantModels.Yolov8(5, new ModelBox(8, 8, 32, 24, 0.9f, 0)), "expects [1, 6, N]"),
        ["model-dynamic-dims-wrong-shape"] = suite => Model(suite, DynamicWrongShape(), "[1, 9, 3]"),
        ["yaml-tabs"] = suite => Yaml(suite, Fixture("tabs.yaml"), ":4:1: invalid YAML: a tab indents this line"),
        ["yaml-alias-bomb"] = suite => Yaml(suite, Fixture("alias-bomb.yaml"), ":5:8: alias '*a' is not allowed"),
        ["yaml-duplicate-keys"] = suite => Yaml(suite, Fixture("duplicate-keys.yaml"), ":9:3: duplicate key 'layout' (first at line 7)"),
        ["yaml-huge"] = suite => Yaml(suite, Encoding.UTF8.GetBytes("id: bad\n" + new string('#', 2 << 20) + "\n"), "is 2097161 bytes, more than the 1048576 allowed"),
        ["yaml-nested-100000-deep"] = suite => Yaml(suite, Encoding.UTF8.GetBytes("id: bad\nx: " + new string('[', 100_000) + new string(']', 100_000) + "\n"), ":2:" + "67: nested more than 64 levels deep"),
        ["yaml-not-utf8"] = suite => Yaml(suite, [.. "id: bad\n"u8, 0xFF, 0xFE, 0x00, 0x80], "is not UTF-8 text (invalid byte at offset 8)"),
        ["baseline-not-json"] = suite => Baseline(suite, Fixture("not-json.verified.json")),
        ["baseline-wrong-types"] = suite => Baseline(suite, Fixture("wrong-types.verified.json"), "metrics.coco/AP is not a number"),
        ["baseline-array"] = suite => Baseline(suite, "[0.41, 0.5]"u8.ToArray()),
        ["baseline-huge"] = suite => Baseline(suite, Encoding.UTF8.GetBytes("{\"metrics\": {}, \"pad\": \"" + new string('x', 5 << 20) + "\"}"), "more than the 4194304 a baseline can take"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Hostile_input_is_an_error_verdict_naming_the_file_and_the_other_scenario_runs(string hostile)
    {
        using var suite = new HostileSuite();
        var (file, problem) = Cases[hostile](suite);

        var report = await Bounded.Run(suite.Run);

        var bad = Assert.Single(report.Scenarios, s => s.Verdict.ScenarioId == Bad).Verdict;
        Assert.NotNull(bad.Error);
        Assert.True(bad.Failed, $"{hostile}: the error verdict must fail the run");
        Assert.True(bad.Error.Contains(file, StringComparison.Ordinal), $"{hostile}: the file is not named in: {bad.Error}");
        Assert.True(bad.Error.Contains(problem, StringComparison.Ordinal), $"{hostile}: '{problem}' is not in: {bad.Error}");
        Assert.DoesNotContain("   at ", bad.Error, StringComparison.Ordinal);
        var good = Assert.Single(report.Scenarios, s => s.Verdict.ScenarioId == "good");
        Assert.Null(good.Verdict.Error);
        Assert.Equal(2, good.Result!.Frames);
        Assert.Equal(SuiteReport.ExitInputError, report.ExitCode);
    }

    [Fact]
    public void Every_hostile_fixture_is_used()
    {
        var fixtures = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Fixtures, "hostile")).Select(Path.GetFileName).Where(name => name != "README.md");

        Assert.All(fixtures, name => Assert.Contains(Cases.Keys, key => key.Contains(Path.GetFileNameWithoutExtension(name)!.Split('.')[0], StringComparison.Ordinal)));
    }

    private static (string, string) Clip(HostileSuite suite, byte[] bytes, string problem)
    {
        suite.WriteScenario(Bad, clip: "bad.mcap");
        return (suite.WriteInput("bad.mcap", bytes), problem);
    }

    private static (string, string) Compressed(HostileSuite suite, string format, byte[] data, string problem)
    {
        var path = suite.WriteClip("bad.mcap", ClipSchemas.CompressedImage(1), new CompressedImageMessage(0, "camera", format, data).Encode());
        suite.WriteScenario(Bad, clip: "bad.mcap");
        return (path, problem);
    }

    private static (string, string) Raw(HostileSuite suite, int width, int height, string encoding, int step, byte[] data, string problem)
    {
        var path = suite.WriteClip("bad.mcap", ClipSchemas.RawImage(1), new RawImageMessage(0, "camera", width, height, encoding, step, data).Encode());
        suite.WriteScenario(Bad, clip: "bad.mcap");
        return (path, problem);
    }

    private static (string, string) Model(HostileSuite suite, byte[] bytes, string problem)
    {
        suite.WriteScenario(Bad, model: "bad.onnx");
        return (suite.WriteInput("bad.onnx", bytes), problem);
    }

    private static (string, string) Yaml(HostileSuite suite, byte[] bytes, string problem) =>
        (suite.WriteScenarioFile(Bad, bytes), problem);

    private static (string, string) Baseline(HostileSuite suite, byte[] bytes, string problem = "not a valid baseline file")
    {
        suite.WriteScenario(Bad);
        return (suite.WriteVerifiedBaseline(Bad, bytes), problem);
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Fixtures, "hostile", name));

    private static byte[] Flipped(byte[] clip)
    {
        var chunk = McapFraming.Walk(clip).First(r => r.Opcode == McapFraming.Chunk);
        return McapFraming.WithBitFlipped(clip, chunk.ContentOffset + (chunk.ContentLength / 2), 3);
    }

    private static byte[] FirstChunkLength(byte[] clip, ulong length) =>
        McapFraming.WithLength(clip, McapFraming.Walk(clip).First(r => r.Opcode == McapFraming.Chunk), length);

    /// <summary>Every dimension of input and output symbolic, and the output [1, 9, 3]: the layout check can only happen on the first frame.</summary>
    private static byte[] DynamicWrongShape()
    {
        var graph = new OnnxGraph("dynamic");
        graph.AddInput("images", OnnxElementType.Float, -1, 3, -1, -1);
        var constant = graph.AddInitializer("output_value", [1, 9, 3], new float[27]);
        graph.AddNode("Identity", [constant], ["output0"]);
        graph.AddOutput("output0", OnnxElementType.Float, -1, -1, -1);
        return graph.ToModelBytes(17, "harness-tests");
    }
}
