using Harness.Metrics.Coco;

namespace Harness.Tests.Metrics.Coco;

public sealed class CocoJsonReaderTests : IDisposable
{
    private const string Truth = """
        {"images":[{"id":1}],"categories":[{"id":3,"name":"car"}],
         "annotations":[{"id":1,"image_id":1,"category_id":3,"bbox":[1,2,3,4],"area":10.5,"iscrowd":1,"ignore":1}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("coco-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Reads_truth_fields_and_detections_with_box_area()
    {
        var truth = CocoJsonReader.ReadGroundTruth(Write("gt.json", Truth));
        var detections = CocoJsonReader.ReadDetections(Write("dt.json", """[{"image_id":1,"category_id":3,"bbox":[5,6,7,8],"score":0.25}]"""), truth);

        Assert.Equal([1L], truth.ImageIds);
        Assert.Equal(new CocoCategory(3, "car"), Assert.Single(truth.Categories));
        Assert.Equal(new CocoAnnotation(1, 3, 1, 2, 3, 4, 10.5, IsCrowd: true, Ignore: true), Assert.Single(truth.Annotations));
        Assert.Equal(new CocoDetection(1, 3, 5, 6, 7, 8, 0.25), Assert.Single(detections));
    }

    [Fact]
    public void Rejects_missing_file_naming_it()
    {
        var path = Path.Combine(_dir, "absent.json");

        var error = Assert.Throws<CocoFormatException>(() => CocoEvaluation.EvaluateFiles(path, path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void Rejects_invalid_json_with_file_and_line()
    {
        var path = Write("gt.json", "{\"images\": [\n  {\"id\": 1,}\n]}");

        var error = Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadGroundTruth(path));

        Assert.StartsWith($"{path}: invalid JSON at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_short_bbox_naming_the_annotation()
    {
        var path = Write("gt.json", Truth.Replace("[1,2,3,4]", "[1,2,3]", StringComparison.Ordinal));

        var error = Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadGroundTruth(path));

        Assert.Equal($"{path}: annotations[0].bbox must be an array of 4 numbers [x, y, width, height]", error.Message);
    }

    [Fact]
    public void Rejects_missing_area_naming_the_annotation()
    {
        var path = Write("gt.json", Truth.Replace("\"area\":10.5,", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadGroundTruth(path));

        Assert.Equal($"{path}: annotations[0].area must be a number", error.Message);
    }

    [Fact]
    public void Rejects_detection_on_unknown_image_naming_the_detections_file()
    {
        var truthPath = Write("gt.json", Truth);
        var detectionsPath = Write("dt.json", """[{"image_id":1,"category_id":3,"bbox":[5,6,7,8],"score":0.25},{"image_id":9,"category_id":3,"bbox":[5,6,7,8],"score":0.5}]""");

        var error = Assert.Throws<CocoFormatException>(() => CocoEvaluation.EvaluateFiles(truthPath, detectionsPath));

        Assert.Equal($"{detectionsPath}: [1].image_id 9 is not an image of the ground truth", error.Message);
    }

    [Fact]
    public void Rejects_detections_that_are_not_an_array()
    {
        var truth = CocoJsonReader.ReadGroundTruth(Write("gt.json", Truth));
        var path = Write("dt.json", "{}");

        var error = Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadDetections(path, truth));

        Assert.Contains("must be a JSON array", error.Message, StringComparison.Ordinal);
    }
}
