using Harness.Metrics.Nuscenes;
using Harness.TestKit;

namespace Harness.Tests.Metrics.Nuscenes;

public sealed class NuscenesConfigReaderTests
{
    /// <summary>The devkit's configs/detection_cvpr_2019.json, as it ships.</summary>
    private const string Cvpr2019 = """
        {
          "class_range": {
            "car": 50, "truck": 50, "bus": 50, "trailer": 50, "construction_vehicle": 50,
            "pedestrian": 40, "motorcycle": 40, "bicycle": 40, "traffic_cone": 30, "barrier": 30
          },
          "dist_fcn": "center_distance",
          "dist_ths": [0.5, 1.0, 2.0, 4.0],
          "dist_th_tp": 2.0,
          "min_recall": 0.1,
          "min_precision": 0.1,
          "max_boxes_per_sample": 500,
          "mean_ap_weight": 5
        }
        """;

    [Fact]
    public void The_devkits_cvpr_2019_file_reads_as_the_shipped_default()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.Combine("config.json"), Cvpr2019);

        var config = NuscenesConfigReader.Read(directory.Combine("config.json"));

        var expected = NuscenesConfig.Cvpr2019;
        Assert.Equal(expected.ClassRanges, config.ClassRanges);
        Assert.Equal(expected.DistanceThresholds, config.DistanceThresholds);
        Assert.Equal(
            (expected.TpDistanceThreshold, expected.MinRecall, expected.MinPrecision, expected.MaxBoxesPerSample, expected.MeanApWeight),
            (config.TpDistanceThreshold, config.MinRecall, config.MinPrecision, config.MaxBoxesPerSample, config.MeanApWeight));
    }

    [Theory]
    [InlineData("\"barrier\": 30", "\"tram\": 30", "class_range must name each of the devkit's classes once")]
    [InlineData(", \"barrier\": 30", "", "class_range must name each of the devkit's classes once")]
    [InlineData("\"center_distance\"", "\"iou_3d\"", "dist_fcn must be \"center_distance\"")]
    [InlineData("\"dist_th_tp\": 2.0", "\"dist_th_tp\": 3.0", "dist_th_tp must be one of dist_ths")]
    [InlineData("\"min_precision\": 0.1", "\"min_precision\": 1", "min_precision must be in [0, 1)")]
    [InlineData("\"min_recall\": 0.1", "\"min_recall\": 1.5", "min_recall must be in [0, 1]")]
    [InlineData("\"max_boxes_per_sample\": 500", "\"max_boxes_per_sample\": 0", "max_boxes_per_sample must be a positive integer")]
    [InlineData("\"mean_ap_weight\": 5", "\"weight\": 5", "missing field 'mean_ap_weight'")]
    [InlineData("\"car\": 50", "\"car\": -1", "class_range.car must be positive")]
    public void A_config_the_devkit_would_refuse_is_an_error_naming_the_file(string from, string to, string problem)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("config.json");
        Assert.Contains(from, Cvpr2019, StringComparison.Ordinal);
        File.WriteAllText(path, Cvpr2019.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<NuscenesFormatException>(() => NuscenesConfigReader.Read(path));

        Assert.StartsWith($"{path}: {problem}", error.Message, StringComparison.Ordinal);
    }
}
