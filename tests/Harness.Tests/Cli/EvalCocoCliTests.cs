using System.Text.Json;
using Harness.Metrics.Coco;
using Harness.Metrics.Tide;
using Harness.TestKit;
using Harness.Testing;

namespace Harness.Tests.Cli;

public class EvalCocoCliTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> Sets()
    {
        var sets = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "coco-eval")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(directory, "expected.json")))
            {
                sets.Add(Path.GetFileName(directory));
            }
        }

        return sets;
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Json_output_reproduces_every_pycocotools_value(string set)
    {
        var directory = Path.Combine(RepositoryPaths.Fixtures, "coco-eval", set);

        var result = HarnessCli.Run(directory, ci: false, "eval-coco", "--truth", "ground_truth.json", "--detections", "detections.json", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var printed = JsonDocument.Parse(result.Output);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "expected.json")));
        foreach (var section in new[] { "stats", "per_category_AP" })
        {
            var want = expected.RootElement.GetProperty(section).EnumerateObject().ToList();
            var got = printed.RootElement.GetProperty(section);
            Assert.NotEmpty(want);
            Assert.Equal(want.Count, got.EnumerateObject().Count());
            foreach (var value in want)
            {
                var actual = got.GetProperty(value.Name).GetDouble();
                Assert.True(Math.Abs(actual - value.Value.GetDouble()) <= Tolerance, $"{set} {section}/{value.Name}: expected {value.Value.GetDouble()}, printed {actual}");
            }
        }
    }

    [Fact]
    public void Missing_file_exits_2_naming_the_file()
    {
        using var directory = new TemporaryDirectory();
        var fixtures = Path.Combine(RepositoryPaths.Fixtures, "coco-eval", "set1");
        var missing = directory.Combine("absent", "ground_truth.json");

        var result = HarnessCli.Run(directory.Path, ci: false, "eval-coco", "--truth", missing, "--detections", Path.Combine(fixtures, "detections.json"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_tide_the_json_has_no_tide_section()
    {
        using var directory = HandClip();

        var result = HarnessCli.Run(directory.Path, ci: false, "eval-coco", "--truth", "truth.json", "--detections", "detections.json", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var printed = JsonDocument.Parse(result.Output);
        Assert.False(printed.RootElement.TryGetProperty("tide", out _));
    }

    [Fact]
    public void Tide_json_holds_the_breakdown_pooled_and_per_category()
    {
        using var directory = HandClip();
        var (truth, detections) = CocoFileEvaluation.ReadFiles(directory.Combine("truth.json"), directory.Combine("detections.json"));
        var (_, expected) = TideCoco.Evaluate(truth, detections);

        var result = HarnessCli.Run(directory.Path, ci: false, "eval-coco", "--truth", "truth.json", "--detections", "detections.json", "--json", "--tide");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var printed = JsonDocument.Parse(result.Output);
        var tide = printed.RootElement.GetProperty("tide");
        AssertScope(expected.Pooled!, tide);
        AssertScope(expected.Classes[0]!, tide.GetProperty("per_category").GetProperty("1"));
        AssertScope(expected.Classes[1]!, tide.GetProperty("per_category").GetProperty("2"));

        // Hand-computed in TideOraclesTests: cars lose (45 - 26 - 25/3) / 101 to their one missed truth, and have 4 false positives.
        Assert.Equal((45 - 26 - (25 / 3.0)) / 101, tide.GetProperty("per_category").GetProperty("1").GetProperty("dAP").GetProperty("miss").GetDouble(), 1e-12);
        Assert.Equal(4, tide.GetProperty("per_category").GetProperty("1").GetProperty("count").GetProperty("fp").GetInt32());
    }

    [Fact]
    public void Tide_prints_a_row_of_ap50_and_dap_per_scope_with_its_counts()
    {
        using var directory = HandClip();

        var result = HarnessCli.Run(directory.Path, ci: false, "eval-coco", "--truth", "truth.json", "--detections", "detections.json", "--tide");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("TIDE         AP50    cls    loc   both   dupe    bkg   miss     fp     fn", lines);
        Assert.Contains(lines, line => line.StartsWith("all        ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("AP[2]      ", StringComparison.Ordinal));
        Assert.Contains("count                1      1      1      1      1      1      5      3", lines);
    }

    private static void AssertScope(TideBreakdown expected, JsonElement printed)
    {
        Assert.Equal(expected.Ap, printed.GetProperty("AP").GetDouble());
        foreach (var error in TideNames.Errors)
        {
            Assert.Equal(expected.LostTo(error), printed.GetProperty("dAP").GetProperty(TideNames.Of(error)).GetDouble());
            Assert.Equal(expected.CountOf(error), printed.GetProperty("count").GetProperty(TideNames.Of(error)).GetInt32());
        }
    }

    /// <summary>The clip of TideOraclesTests as COCO files: car 1 and pedestrian 2, three images.</summary>
    private static TemporaryDirectory HandClip()
    {
        var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("truth.json"), """
            {"images": [{"id": 1}, {"id": 2}, {"id": 3}],
             "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "pedestrian"}],
             "annotations": [
              {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
              {"id": 2, "image_id": 1, "category_id": 1, "bbox": [20, 0, 10, 10], "area": 100, "iscrowd": 0},
              {"id": 3, "image_id": 1, "category_id": 2, "bbox": [40, 0, 10, 10], "area": 100, "iscrowd": 0},
              {"id": 4, "image_id": 2, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
              {"id": 5, "image_id": 2, "category_id": 2, "bbox": [20, 0, 10, 10], "area": 100, "iscrowd": 0},
              {"id": 6, "image_id": 3, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0}]}
            """);
        File.WriteAllText(directory.Combine("detections.json"), """
            [{"image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
             {"image_id": 1, "category_id": 1, "bbox": [20, 0, 10, 3], "score": 0.8},
             {"image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 8], "score": 0.7},
             {"image_id": 1, "category_id": 1, "bbox": [40, 0, 10, 10], "score": 0.6},
             {"image_id": 1, "category_id": 1, "bbox": [100, 0, 10, 10], "score": 0.5},
             {"image_id": 2, "category_id": 2, "bbox": [20, 0, 10, 10], "score": 0.95},
             {"image_id": 2, "category_id": 2, "bbox": [0, 0, 10, 3], "score": 0.99},
             {"image_id": 3, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.3}]
            """);
        return directory;
    }
}
