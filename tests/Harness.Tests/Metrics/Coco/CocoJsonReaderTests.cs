using Harness.Metrics.Coco;
using Harness.TestKit;

namespace Harness.Tests.Metrics.Coco;

public sealed class CocoJsonReaderTests : IDisposable
{
    private const string Truth = """
        {"images":[{"id":1}],"categories":[{"id":3,"name":"car"}],
         "annotations":[{"id":1,"image_id":1,"category_id":3,"bbox":[1,2,3,4],"area":10.5,"iscrowd":1,"ignore":1}]}
        """;

    private readonly TemporaryDirectory _temp = new("coco-reader-");

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string content)
    {
        var path = _temp.Combine(name);
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
        var path = _temp.Combine("absent.json");

        var error = Assert.Throws<CocoFormatException>(() => CocoFileEvaluation.EvaluateFiles(path, path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void Rejects_invalid_json_with_file_and_line()
    {
        var path = Write("gt.json", "{\"images\": [\n  {\"id\": 1,}\n]}");

        var error = Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadGroundTruth(path));

        Assert.StartsWith($"{path}: invalid JSON at line 2, byte 12: ", error.Message, StringComparison.Ordinal);
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

        var error = Assert.Throws<CocoFormatException>(() => CocoFileEvaluation.EvaluateFiles(truthPath, detectionsPath));

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

    [Fact]
    public void Reads_past_a_byte_order_mark_and_skips_fields_it_does_not_use_nested_ones_included()
    {
        var path = _temp.Combine("gt.json");
        File.WriteAllText(path, """
            {"info":{"year":2017,"contributors":["a",{"b":[1,2]}]},"images":[{"id":1,"file_name":"a.jpg","size":[3,4]}],"licenses":[],
             "categories":[{"supercategory":"vehicle","id":3,"name":"car","keypoints":[]}],
             "annotations":[{"segmentation":[[1,2,3,4,5,6]],"id":1,"image_id":1,"category_id":3,"bbox":[1,2,3,4],"area":10.5,"iscrowd":0}]}
            """, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var truth = CocoJsonReader.ReadGroundTruth(path);

        Assert.Equal([1L], truth.ImageIds);
        Assert.Equal(new CocoCategory(3, "car"), Assert.Single(truth.Categories));
        Assert.Equal(new CocoAnnotation(1, 3, 1, 2, 3, 4, 10.5, IsCrowd: false, Ignore: false), Assert.Single(truth.Annotations));
    }

    [Theory]
    [InlineData("[5,6,7,8]", "0.25", "")]
    [InlineData("[5,\"6\",7,8]", "0.25", "[0].bbox[1] must be a number")]
    [InlineData("[5,6,1e999,8]", "0.25", "[0].bbox[2] must be a number")]
    [InlineData("[5,\"a\",\"b\",8]", "0.25", "[0].bbox[1] must be a number")]
    [InlineData("[5,[6],7,8]", "0.25", "[0].bbox[1] must be a number")]
    [InlineData("[5,6,7,8,9]", "0.25", "[0].bbox must be an array of 4 numbers [x, y, width, height]")]
    [InlineData("{\"x\":5}", "0.25", "[0].bbox must be an array of 4 numbers [x, y, width, height]")]
    [InlineData("[5,6,7,8]", "\"high\"", "[0].score must be a number")]
    [InlineData("[5,6,7,8]", "1e999", "[0].score must be a number")]
    public void Each_detection_field_is_checked_by_name(string bbox, string score, string problem)
    {
        var truth = CocoJsonReader.ReadGroundTruth(Write("gt.json", Truth));
        var path = Write("dt.json", $$"""[{"image_id":1,"category_id":3,"bbox":{{bbox}},"score":{{score}}}]""");

        if (problem.Length == 0)
        {
            Assert.Equal(new CocoDetection(1, 3, 5, 6, 7, 8, 0.25), Assert.Single(CocoJsonReader.ReadDetections(path, truth)));
        }
        else
        {
            Assert.Equal($"{path}: {problem}", Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadDetections(path, truth)).Message);
        }
    }

    [Theory]
    [InlineData("\"image_id\":1.5", "[0].image_id must be an integer")]
    [InlineData("\"image_id\":1,\"category_id\":2147483648", "[0].category_id must be a 32-bit integer")]
    [InlineData("\"image_id\":1,\"category_id\":2147483647", "")]
    public void Ids_must_be_integers_of_their_width(string ids, string problem)
    {
        var truth = CocoJsonReader.ReadGroundTruth(Write("gt.json", Truth));
        var path = Write("dt.json", $$"""[{{{ids}},"bbox":[5,6,7,8],"score":0.5}]""");

        if (problem.Length == 0)
        {
            Assert.Equal(int.MaxValue, Assert.Single(CocoJsonReader.ReadDetections(path, truth)).CategoryId);
        }
        else
        {
            Assert.Equal($"{path}: {problem}", Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadDetections(path, truth)).Message);
        }
    }

    [Theory]
    [InlineData("\"iscrowd\":true", true)]
    [InlineData("\"iscrowd\":2", true)]
    [InlineData("\"iscrowd\":false", false)]
    [InlineData("\"iscrowd\":0", false)]
    public void Crowd_flag_is_a_boolean_or_an_integer(string flag, bool crowd)
    {
        var path = Write("gt.json", Truth.Replace("\"iscrowd\":1", flag, StringComparison.Ordinal));

        Assert.Equal(crowd, Assert.Single(CocoJsonReader.ReadGroundTruth(path).Annotations).IsCrowd);
    }

    [Theory]
    [InlineData("\"iscrowd\":0.5")]
    [InlineData("\"iscrowd\":\"yes\"")]
    public void Crowd_flag_of_another_kind_is_refused(string flag)
    {
        var path = Write("gt.json", Truth.Replace("\"iscrowd\":1", flag, StringComparison.Ordinal));

        Assert.Equal($"{path}: annotations[0].iscrowd must be 0 or 1", Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadGroundTruth(path)).Message);
    }

    [Theory]
    [InlineData("""{"images":[{"id":1}],"categories":[]""", "invalid JSON")]
    [InlineData("""{"images":[{"id":1}],"categories":[]}""", "'annotations' must be an array")]
    [InlineData("""{"images":{},"categories":[],"annotations":[]}""", "'images' must be an array")]
    [InlineData("""{"images":[1],"categories":[],"annotations":[]}""", "images[0] must be an object")]
    [InlineData("[]", "the ground truth must be a JSON object with images, annotations and categories")]
    [InlineData("""{"categories":[],"annotations":[]}""", "'images' must be an array")]
    [InlineData("""{"images":[],"annotations":[]}""", "'categories' must be an array")]
    [InlineData("""{"images":[],"categories":[],"annotations":{}}""", "'annotations' must be an array")]
    [InlineData("""{"info":{"a":[1,2,}]},"images":[],"categories":[],"annotations":[]}""", "invalid JSON at line 1, byte 19: ")]
    [InlineData("""{"images":[{"file_name":"a.jpg"}],"categories":[],"annotations":[]}""", "images[0].id must be a number")]
    [InlineData("""{"images":[],"categories":[],"annotations":[{"image_id":1,"category_id":3,"bbox":[1,2,3,4],"area":1,"ignore":"x"}]}""", "annotations[0].ignore must be 0 or 1")]
    public void Ground_truth_of_the_wrong_shape_names_what_is_wrong(string text, string problem)
    {
        var path = Write("gt.json", text);

        Assert.StartsWith($"{path}: {problem}", Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadGroundTruth(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Category_without_a_name_is_named_by_nothing()
    {
        var path = Write("gt.json", Truth.Replace("\"name\":\"car\"", "\"name\":null", StringComparison.Ordinal));

        Assert.Equal(new CocoCategory(3, ""), Assert.Single(CocoJsonReader.ReadGroundTruth(path).Categories));
    }

    [Fact]
    public void A_folder_in_place_of_the_file_cannot_be_read_and_says_so()
    {
        var error = Assert.Throws<CocoFormatException>(() => CocoJsonReader.ReadGroundTruth(_temp.Path));

        Assert.StartsWith($"{_temp.Path}: cannot read the file (", error.Message, StringComparison.Ordinal);
    }
}
