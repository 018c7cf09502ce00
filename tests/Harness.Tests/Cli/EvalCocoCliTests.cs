using System.Text.Json;
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
}
