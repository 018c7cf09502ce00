using System.Globalization;
using System.Text.Json;
using Harness.Metrics.Coco;
using Harness.Metrics.Families;
using Harness.TestKit;
using Harness.Testing;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics.Coco;

/// <summary>Every value pycocotools printed for the shared fixtures is reproduced within 1e-6.</summary>
[ReferenceTestOf(typeof(CocoFamily))]
public sealed class CocoFixtureTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> FixtureSets()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "coco-eval")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(System.IO.Path.Combine(dir, "expected.json")))
            {
                data.Add(System.IO.Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureSets))]
    public void Reproduces_pycocotools_stats_and_per_category_AP(string set)
    {
        var dir = Path.Combine(RepositoryPaths.Fixtures, "coco-eval", set);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(dir, "expected.json")));

        var result = CocoFileEvaluation.EvaluateFiles(System.IO.Path.Combine(dir, "ground_truth.json"), System.IO.Path.Combine(dir, "detections.json"));

        var stats = result.Stats.ToNamedValues().ToDictionary(p => p.Key, p => p.Value);
        var expectedStats = expected.RootElement.GetProperty("stats").EnumerateObject().ToList();
        Assert.Equal(12, expectedStats.Count);
        foreach (var stat in expectedStats)
        {
            Assert.True(Math.Abs(stats[stat.Name] - stat.Value.GetDouble()) <= Tolerance,
                $"{set} {stat.Name}: expected {stat.Value.GetDouble()}, got {stats[stat.Name]}");
        }

        var expectedPerCategory = expected.RootElement.GetProperty("per_category_AP").EnumerateObject().ToList();
        Assert.Equal(expectedPerCategory.Count, result.PerCategoryAP.Count);
        foreach (var category in expectedPerCategory)
        {
            var actual = result.PerCategoryAP[int.Parse(category.Name, CultureInfo.InvariantCulture)];
            Assert.True(Math.Abs(actual - category.Value.GetDouble()) <= Tolerance,
                $"{set} category {category.Name}: expected {category.Value.GetDouble()}, got {actual}");
        }
    }

    [Theory]
    [MemberData(nameof(FixtureSets))]
    public void Reference_transcription_gives_identical_results(string set)
    {
        var dir = Path.Combine(RepositoryPaths.Fixtures, "coco-eval", set);
        var truth = CocoJsonReader.ReadGroundTruth(System.IO.Path.Combine(dir, "ground_truth.json"));
        var detections = CocoJsonReader.ReadDetections(System.IO.Path.Combine(dir, "detections.json"), truth);

        var fast = CocoEvaluator.Evaluate(truth, detections);
        var reference = CocoEvaluatorReference.Evaluate(truth, detections);

        Assert.Equal(reference.Stats, fast.Stats);
        Assert.Equal(reference.PerCategoryAP, fast.PerCategoryAP);
    }

    [Theory]
    [MemberData(nameof(FixtureSets))]
    public void Json_output_round_trips_every_value(string set)
    {
        var dir = Path.Combine(RepositoryPaths.Fixtures, "coco-eval", set);
        var result = CocoFileEvaluation.EvaluateFiles(System.IO.Path.Combine(dir, "ground_truth.json"), System.IO.Path.Combine(dir, "detections.json"));

        using var json = JsonDocument.Parse(CocoFileEvaluation.ToJson(result));

        Assert.Equal(CocoStats.Names, json.RootElement.GetProperty("stats").EnumerateObject().Select(p => p.Name));
        foreach (var (name, value) in result.Stats.ToNamedValues())
        {
            Assert.Equal(value, json.RootElement.GetProperty("stats").GetProperty(name).GetDouble());
        }

        foreach (var (id, value) in result.PerCategoryAP)
        {
            Assert.Equal(value, json.RootElement.GetProperty("per_category_AP").GetProperty(id.ToString(CultureInfo.InvariantCulture)).GetDouble());
        }
    }
}
