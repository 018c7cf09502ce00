using System.Globalization;
using System.Text.Json;
using Harness.TestKit;
using Harness.Tests.Metrics.Nuscenes;
using Harness.Testing;

namespace Harness.Tests.Cli;

public class EvalNuscenesCliTests
{
    private const string Box = """{"translation": [10, 0, 0.8], "size": [1.9, 4.6, 1.7], "rotation": [1, 0, 0, 0], "velocity": [0, 0], "detection_name": "car", "detection_score": 0.9}""";

    private static readonly string Truth = "{\"meta\": {}, \"results\": {\"a\": [" + Box + "], \"b\": []}}";

    [Theory]
    [MemberData(nameof(NuscenesFixtureTests.Sets), MemberType = typeof(NuscenesFixtureTests))]
    public void Json_output_reproduces_every_devkit_value(string set)
    {
        var directory = Path.Combine(RepositoryPaths.Fixtures, "nuscenes", set);

        var result = HarnessCli.Run(directory, ci: false, "eval-nuscenes", "--truth", "truth.json", "--detections", "detections.json", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var printed = JsonDocument.Parse(result.Output);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "expected.json")));
        var got = printed.RootElement;
        var want = expected.RootElement;
        AssertClose(want.GetProperty("mAP"), got.GetProperty("mAP"), "mAP");
        AssertClose(want.GetProperty("NDS"), got.GetProperty("NDS"), "NDS");
        foreach (var section in new[] { "label_aps", "label_tp_errors" })
        {
            foreach (var label in want.GetProperty(section).EnumerateObject())
            {
                foreach (var value in label.Value.EnumerateObject())
                {
                    AssertClose(value.Value, got.GetProperty(section).GetProperty(label.Name).GetProperty(value.Name), $"{section}/{label.Name}/{value.Name}");
                }
            }
        }

        foreach (var value in want.GetProperty("tp_errors").EnumerateObject())
        {
            AssertClose(value.Value, got.GetProperty("tp_errors").GetProperty(value.Name), $"tp_errors/{value.Name}");
        }

        // Every class of the config is listed; those the devkit does not evaluate are null.
        Assert.Equal(10, got.GetProperty("label_aps").EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Null, got.GetProperty("label_tp_errors").GetProperty("traffic_cone").GetProperty("orient_err").ValueKind);
        Assert.Equal(JsonValueKind.Null, got.GetProperty("label_tp_errors").GetProperty("barrier").GetProperty("vel_err").ValueKind);
        var withTruth = want.GetProperty("classes_with_truth").EnumerateArray().Select(c => c.GetString()!).ToHashSet();
        foreach (var label in got.GetProperty("label_counts").EnumerateObject())
        {
            Assert.Equal(withTruth.Contains(label.Name), label.Value.GetProperty("truth").GetInt32() > 0);
        }
    }

    [Fact]
    public void The_table_shows_map_nds_and_per_class_ap_at_each_distance_with_the_tp_errors()
    {
        var directory = Path.Combine(RepositoryPaths.Fixtures, "nuscenes", "seed1");

        var result = HarnessCli.Run(directory, ci: false, "eval-nuscenes", "--truth", "truth.json", "--detections", "detections.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("mAP  0.1185", lines[0]);
        Assert.Equal("NDS  0.1081", lines[1]);
        Assert.Contains("class                 truth   dets  AP@0.5  AP@1.0  AP@2.0  AP@4.0    ATE    ASE    AOE    AVE    AAE", lines);
        Assert.Contains("car                      87    102   0.031   0.140   0.427   0.601  0.848  0.255  0.416  1.363  1.000", lines);
        Assert.Contains("traffic_cone              0      0   0.000   0.000   0.000   0.000  1.000  1.000    n/a    n/a    n/a", lines);
        Assert.Contains("mean                                 0.057   0.102   0.144   0.171  0.857  0.767  0.887  1.115  1.000", lines);
    }

    [Fact]
    public void A_config_file_in_the_devkit_format_replaces_the_default()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("truth.json"), Truth);
        File.WriteAllText(directory.Combine("detections.json"), Truth);
        var ranges = "\"car\": 5, \"truck\": 50, \"bus\": 50, \"trailer\": 50, \"construction_vehicle\": 50, \"pedestrian\": 40, \"motorcycle\": 40, \"bicycle\": 40, \"traffic_cone\": 30, \"barrier\": 30";
        File.WriteAllText(directory.Combine("config.json"), $$"""
            {"class_range": { {{ranges}} }, "dist_fcn": "center_distance", "dist_ths": [0.5, 1.0, 2.0, 4.0], "dist_th_tp": 2.0,
             "min_recall": 0.1, "min_precision": 0.1, "max_boxes_per_sample": 500, "mean_ap_weight": 5}
            """);

        var standard = HarnessCli.Run(directory.Path, ci: false, "eval-nuscenes", "--truth", "truth.json", "--detections", "detections.json", "--json");
        var narrowed = HarnessCli.Run(directory.Path, ci: false, "eval-nuscenes", "--truth", "truth.json", "--detections", "detections.json", "--json", "--config", "config.json");

        Assert.True(standard.ExitCode == 0 && narrowed.ExitCode == 0, standard + "\n" + narrowed);

        // The car 10 m away is evaluated under the default 50 m range and not under a 5 m one.
        Assert.Equal(1, CarTruth(standard));
        Assert.Equal(0, CarTruth(narrowed));
    }

    [Theory]
    [InlineData("detections.json", "{\"results\": {\"a\": [", "invalid JSON")]
    [InlineData("detections.json", "[]", "must be a JSON object")]
    [InlineData("detections.json", "{\"meta\": {}}", "missing field 'results'")]
    [InlineData("detections.json", "{\"results\": {\"a\": [{\"size\": [1, 1, 1], \"rotation\": [1, 0, 0, 0], \"velocity\": [0, 0], \"detection_name\": \"car\", \"detection_score\": 0.5}]}}", "results[\"a\"][0] has no 'translation'")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX, BOX_NO_SCORE]}}", "results[\"a\"][1] has no 'detection_score'")]
    [InlineData("detections.json", "{\"results\": {\"zz\": [BOX]}}", "sample \"zz\" is not a sample of the truth")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX_NAN_LITERAL]}}", "invalid JSON at line 1, byte 165: NaN and Infinity are not JSON")]
    [InlineData("truth.json", "{\"results\": {\"a\": [BOX_INFINITY]}}", "invalid JSON at line 1, byte 115: NaN and Infinity are not JSON (Python's json.dump writes them); write an unknown velocity as null")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX_NAN_ON_LINE_3]}}", "invalid JSON at line 3, byte 10: NaN and Infinity are not JSON")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX_NAN_STRING]}}", "results[\"a\"][0].detection_score must be a finite number, not NaN")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX_HUGE]}}", "results[\"a\"][0].translation[0] must be a finite number")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX_TRAM]}}", "results[\"a\"][0].detection_name \"tram\" is not a detection class")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX_ATTRIBUTE]}}", "attribute_name \"vehicle.flying\" is not a nuScenes attribute")]
    [InlineData("detections.json", "{\"results\": {\"a\": [BOX_TOKEN]}}", "results[\"a\"][0].sample_token \"b\" differs from the sample \"a\"")]
    [InlineData("detections.json", "{\"results\": {\"a\": [], \"a\": []}}", "results[\"a\"] is listed twice")]
    [InlineData("detections.json", "MANY", "results[\"a\"] has 501 boxes; the devkit allows at most 500 per sample")]
    [InlineData("truth.json", "{\"results\": {\"a\": [BOX_FLAT]}}", "results[\"a\"][0].size must be positive")]
    [InlineData("truth.json", "{\"results\": {\"a\": [BOX_SHORT]}}", "results[\"a\"][0].rotation must be an array of 4 finite numbers")]
    [InlineData("config.json", "{\"dist_fcn\": \"center_distance\"}", "missing field 'class_range'")]
    public void Bad_input_is_one_message_naming_the_file_and_exit_2(string file, string content, string problem)
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("truth.json"), Truth);
        File.WriteAllText(directory.Combine("detections.json"), Truth);
        File.WriteAllText(directory.Combine(file), Hostile(content));
        string[] config = file == "config.json" ? ["--config", directory.Combine("config.json")] : [];

        var result = HarnessCli.Run(directory.Path, ci: false, ["eval-nuscenes", "--truth", directory.Combine("truth.json"), "--detections", directory.Combine("detections.json"), .. config]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var message = result.Error.Trim();
        Assert.StartsWith(directory.Combine(file) + ": ", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("truth.json"), Truth);
        var missing = directory.Combine("absent", "detections.json");

        var result = HarnessCli.Run(directory.Path, ci: false, "eval-nuscenes", "--truth", "truth.json", "--detections", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"{missing}: file not found", result.Error.Trim());
    }

    private static string Hostile(string content) => content == "MANY"
        ? "{\"results\": {\"a\": [" + string.Join(", ", Enumerable.Repeat(Box, 501)) + "]}}"
        : content
            .Replace("BOX_NO_SCORE", Box.Replace(", \"detection_score\": 0.9", "", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_NAN_LITERAL", Box.Replace("0.9", "NaN", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_INFINITY", Box.Replace("[0, 0]", "[-Infinity, 0]", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_NAN_ON_LINE_3", Box.Replace(", \"size\"", "\n,\n \"size\": NaN, \"x\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_NAN_STRING", Box.Replace("0.9", "\"NaN\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_HUGE", Box.Replace("[10, 0, 0.8]", "[1e999, 0, 0.8]", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_TRAM", Box.Replace("\"car\"", "\"tram\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_ATTRIBUTE", Box.Replace("}", ", \"attribute_name\": \"vehicle.flying\"}", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_TOKEN", Box.Replace("}", ", \"sample_token\": \"b\"}", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_FLAT", Box.Replace("[1.9, 4.6, 1.7]", "[1.9, 0, 1.7]", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX_SHORT", Box.Replace("[1, 0, 0, 0]", "[1, 0, 0]", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("BOX", Box, StringComparison.Ordinal);

    private static int CarTruth(CliResult result)
    {
        using var printed = JsonDocument.Parse(result.Output);
        return printed.RootElement.GetProperty("label_counts").GetProperty("car").GetProperty("truth").GetInt32();
    }

    private static void AssertClose(JsonElement expected, JsonElement actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Null, $"{what}: devkit NaN, printed {actual}");
            return;
        }

        var want = expected.GetDouble();
        var got = actual.GetDouble();
        Assert.True(Math.Abs(want - got) <= 1e-14, string.Create(CultureInfo.InvariantCulture, $"{what}: devkit {want:R}, printed {got:R}"));
    }
}
