using Harness.Clips;
using Harness.Clips.CocoFolder;
using Harness.Clips.Images;
using Harness.TestKit;

namespace Harness.Tests.Clips.CocoFolder;

public sealed class CocoFolderClipReaderTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("coco-");

    [Fact]
    public void Frames_follow_image_ids_with_classes_mapped_by_name_and_crowds_ignored()
    {
        Directory.CreateDirectory(temp.Combine("images"));
        foreach (var name in new[] { "a.png", "b.png" })
        {
            File.WriteAllBytes(temp.Combine("images", name), ImageEncoder.EncodePng(CameraImage.Packed(4, 2, PixelFormat.Rgb8, new byte[24])));
        }

        var json = temp.Combine("instances.json");
        File.WriteAllText(json, """
            {"images":[{"id":9,"file_name":"b.png"},{"id":3,"file_name":"a.png"}],
             "categories":[{"id":1,"name":"person"},{"id":3,"name":"car"},{"id":7,"name":"truck"}],
             "annotations":[
               {"id":1,"image_id":9,"category_id":3,"bbox":[1,1,2,1],"iscrowd":0},
               {"id":2,"image_id":9,"category_id":7,"bbox":[0,0,1,1],"iscrowd":0},
               {"id":3,"image_id":3,"category_id":1,"bbox":[0,0,4,2],"iscrowd":1}]}
            """);

        var classes = ClassMap.Create(["car", "pedestrian"], [KeyValuePair.Create("pedestrian", (IReadOnlyList<string>)["person"])], ["truck"]);
        using var reader = new CocoFolderClipReader(json, classes);
        var frames = reader.ReadFrames().ToList();

        Assert.Equal(2, frames.Count);
        var crowd = Assert.Single(frames[0].Truth);
        Assert.Equal((1, true), (crowd.ClassId, crowd.Ignore));
        Assert.Equal(2, frames[1].Truth.Count);
        var car = frames[1].Truth[0];
        Assert.Equal((0, 1f, 1f, 2f, 1f, false), (car.ClassId, car.X, car.Y, car.Width, car.Height, car.Ignore));
        Assert.Equal((ClassMap.IgnoreRegion, true), (frames[1].Truth[1].ClassId, frames[1].Truth[1].Ignore));
    }

    [Fact]
    public void Category_the_scenario_does_not_name_is_an_error_listing_it()
    {
        var json = temp.Combine("instances.json");
        File.WriteAllText(json, """
            {"images":[{"id":1,"file_name":"a.png"}],
             "categories":[{"id":1,"name":"car"},{"id":2,"name":"bus"},{"id":3,"name":"unused"}],
             "annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[0,0,1,1]},{"id":2,"image_id":1,"category_id":2,"bbox":[0,0,1,1]}]}
            """);

        var error = Assert.Throws<ClipFormatException>(() => new CocoFolderClipReader(json, ClassMap.Identity(["car"])));

        Assert.Equal($"{json}: truth label 'bus' maps to no class (evaluation classes: 'car'); name it in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)", error.Message);
    }

    [Fact]
    public void Under_evaluate_mapped_categories_no_class_map_key_reaches_are_left_out_crowds_included()
    {
        Directory.CreateDirectory(temp.Combine("images"));
        File.WriteAllBytes(temp.Combine("images", "a.png"), ImageEncoder.EncodePng(CameraImage.Packed(4, 2, PixelFormat.Rgb8, new byte[24])));
        var json = temp.Combine("instances.json");
        File.WriteAllText(json, """
            {"images":[{"id":1,"file_name":"a.png"}],
             "categories":[{"id":1,"name":"person"},{"id":2,"name":"bus"}],
             "annotations":[
               {"id":1,"image_id":1,"category_id":2,"bbox":[0,0,1,1],"iscrowd":0},
               {"id":2,"image_id":1,"category_id":1,"bbox":[1,0,1,1],"iscrowd":0},
               {"id":3,"image_id":1,"category_id":2,"bbox":[0,0,4,2],"iscrowd":1}]}
            """);
        var classes = ClassMap.Create(["person", "bus"], [KeyValuePair.Create("pedestrian", (IReadOnlyList<string>)["person"])], [], ClassEvaluation.Mapped);

        using var reader = new CocoFolderClipReader(json, classes);
        var truth = Assert.Single(reader.ReadFrames()).Truth;

        Assert.Equal([(0, 1f, false)], truth.Select(t => (t.ClassId, t.X, t.Ignore)));
        Assert.Equal([("bus", 2L)], reader.LeftOutLabels.Select(l => (l.Key, l.Value)));
    }

    [Fact]
    public void Annotation_of_unknown_image_names_the_file()
    {
        var json = temp.Combine("bad.json");
        File.WriteAllText(json, """{"images":[],"categories":[],"annotations":[{"id":1,"image_id":5,"category_id":1,"bbox":[0,0,1,1]}]}""");

        var error = Assert.Throws<ClipFormatException>(() => new CocoFolderClipReader(json, ClassMap.Identity(["car"])));

        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown image 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_id_listed_twice_is_refused_naming_both_files()
    {
        var json = temp.Combine("instances.json");
        File.WriteAllText(json, """{"images":[{"id":4,"file_name":"a.png"},{"id":4,"file_name":"b.png"}],"categories":[],"annotations":[]}""");

        var error = Assert.Throws<ClipFormatException>(() => new CocoFolderClipReader(json, ClassMap.Identity(["car"])));

        Assert.Equal($"{json}: image id 4 is listed twice ('a.png' and 'b.png'); each image needs its own id", error.Message);
    }

    [Theory]
    [InlineData("-1,2", "[0, 0, -1, 2]")]
    [InlineData("2,-0.001", "[0, 0, 2, -0.001]")]
    [InlineData("1e39,1", "[0, 0, Infinity, 1]")]
    public void Box_of_negative_or_infinite_size_is_refused_naming_the_annotation(string size, string shown)
    {
        var json = temp.Combine("instances.json");
        File.WriteAllText(json, $$"""{"images":[{"id":1,"file_name":"a.png"}],"categories":[{"id":1,"name":"car"}],"annotations":[{"id":17,"image_id":1,"category_id":1,"bbox":[0,0,{{size}}]}]}""");

        var error = Assert.Throws<ClipFormatException>(() => new CocoFolderClipReader(json, ClassMap.Identity(["car"])));

        Assert.Equal($"{json}: annotation 17 has bbox {shown}; a box's width and height are finite and not negative", error.Message);
    }

    [Fact]
    public void Box_of_zero_size_is_read()
    {
        var json = temp.Combine("instances.json");
        File.WriteAllText(json, """{"images":[{"id":1,"file_name":"a.png"}],"categories":[{"id":1,"name":"car"}],"annotations":[{"id":17,"image_id":1,"category_id":1,"bbox":[3,4,0,0]}]}""");
        File.WriteAllBytes(temp.Combine("a.png"), ImageEncoder.EncodePng(CameraImage.Packed(4, 2, PixelFormat.Rgb8, new byte[24])));

        using var reader = new CocoFolderClipReader(json, ClassMap.Identity(["car"]));
        var truth = Assert.Single(Assert.Single(reader.ReadFrames()).Truth);

        Assert.Equal((3f, 4f, 0f, 0f, 17), (truth.X, truth.Y, truth.Width, truth.Height, truth.TrackId));
    }

    public void Dispose() => temp.Dispose();
}
