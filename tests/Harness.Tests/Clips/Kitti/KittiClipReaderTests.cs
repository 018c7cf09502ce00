using Harness.Clips;
using Harness.Clips.Images;
using Harness.Clips.Kitti;
using Harness.TestKit;

namespace Harness.Tests.Clips.Kitti;

public sealed class KittiClipReaderTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("kitti-");

    public KittiClipReaderTests()
    {
        foreach (var folder in new[] { "image_2", "label_2", "velodyne" })
        {
            Directory.CreateDirectory(temp.Combine(folder));
        }
    }

    [Fact]
    public void Streams_images_with_labels_ignore_regions_and_lidar()
    {
        WriteImage("000000", 8, 4, (10, 20, 30));
        File.WriteAllText(temp.Combine("label_2", "000000.txt"), """
            Car 0.00 1 -1.58 1.00 2.00 5.00 4.00 1.50 1.60 3.90 3.00 1.70 4.00 0.01
            Van 0.00 0 -1.58 0.00 0.00 2.00 2.00 2.00 1.90 4.50 -6.00 1.70 30.00 0.00
            DontCare -1 -1 -10 6.00 0.00 8.00 2.00 -1 -1 -1 -1000 -1000 -1000 -10
            Tram 0.00 0 0.00 0.00 0.00 1.00 1.00 3.00 2.50 15.00 1.00 1.70 50.00 0.00
            """);
        File.WriteAllBytes(temp.Combine("velodyne", "000000.bin"), [.. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(2f), .. BitConverter.GetBytes(3f), .. BitConverter.GetBytes(0.5f)]);

        var classes = ClassMap.Create(["car", "pedestrian", "cyclist"], [], ["DontCare", "Tram"]);
        using var reader = new KittiClipReader(temp.Path, classes);
        var frame = Assert.Single(reader.ReadFrames());

        Assert.Equal((8, 4), (frame.Image.Width, frame.Image.Height));
        Assert.Equal(new byte[] { 10, 20, 30 }, frame.Image.Pixels.Span[..3].ToArray());
        Assert.Equal(4, frame.Truth.Count);
        var car = frame.Truth[0];
        Assert.Equal((0, 1f, 2f, 4f, 2f, false), (car.ClassId, car.X, car.Y, car.Width, car.Height, car.Ignore));
        Assert.Equal(5f, car.RangeMeters);
        Assert.Equal(0.3f, car.Occlusion);
        Assert.Equal(new Box3D(4f, -3f, -1.7f + 0.75f, 3.9f, 1.6f, 1.5f, -0.01f), car.Box3D);
        Assert.True(frame.Truth[1].Ignore);
        Assert.Equal(0, frame.Truth[1].ClassId);
        Assert.Equal(new TruthBox(ClassMap.IgnoreRegion, 6, 0, 2, 2, Ignore: true), frame.Truth[2]);
        Assert.Equal(new TruthBox(ClassMap.IgnoreRegion, 0, 0, 1, 1, Ignore: true), frame.Truth[3]);
        Assert.Equal(new[] { 1f, 2f, 3f, 0.5f }, frame.Lidar!.Points.ToArray());
    }

    [Fact]
    public void Label_types_map_by_name_many_to_one_and_a_named_neighbour_class_is_scored()
    {
        WriteImage("000000", 8, 4, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000000.txt"), """
            Car 0.00 0 0 1.00 1.00 3.00 3.00 1.5 1.6 3.9 0 1.7 10 0
            Van 0.00 0 0 4.00 1.00 6.00 3.00 2.0 1.9 4.5 0 1.7 20 0
            Pedestrian 0.00 0 0 0.00 0.00 1.00 2.00 1.7 0.6 0.8 0 1.7 5 0
            """);
        var classes = ClassMap.Create(["pedestrian", "car"], [KeyValuePair.Create("vehicle", (IReadOnlyList<string>)["car", "Van"])], []);

        using var reader = new KittiClipReader(temp.Path, classes);
        var truth = Assert.Single(reader.ReadFrames()).Truth;

        Assert.Equal([(1, false), (1, false), (0, false)], truth.Select(t => (t.ClassId, t.Ignore)));
    }

    [Fact]
    public void Unknown_label_types_are_an_error_naming_the_file_and_every_type()
    {
        WriteImage("000003", 2, 2, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000003.txt"), """
            Car 0.00 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0
            Tram 0.00 0 0 0 0 1 1 3.0 2.5 15 0 1.7 50 0
            DontCare -1 -1 -10 0 0 1 1 -1 -1 -1 -1000 -1000 -1000 -10
            """);

        using var reader = new KittiClipReader(temp.Path, ClassMap.Identity(["car"]));
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.Equal(
            $"{temp.Combine("label_2", "000003.txt")}: truth label 'Tram' maps to no class (evaluation classes: 'car'); name it in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)",
            error.Message);
    }

    [Fact]
    public void Unknown_label_types_of_every_file_are_reported_in_one_message_before_the_first_frame()
    {
        WriteImage("000005", 2, 2, (0, 0, 0));
        WriteImage("000006", 2, 2, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000005.txt"), "Tram 0.00 0 0 0 0 1 1 3.0 2.5 15 0 1.7 50 0\n");
        File.WriteAllText(temp.Combine("label_2", "000006.txt"), "Misc 0.00 0 0 0 0 1 1 3.0 2.5 15 0 1.7 50 0\nTruck 0.00 0 0 0 0 1 1 3.0 2.5 15 0 1.7 50 0\n");

        using var reader = new KittiClipReader(temp.Path, ClassMap.Identity(["car"]));
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().First());

        Assert.Equal(
            $"{temp.Combine("label_2")} (2 label files, first 000005.txt): truth labels 'Misc', 'Tram', 'Truck' map to no class (evaluation classes: 'car'); name them in the scenario's model.class_map or model.ignore, or evaluate the class_map's classes alone (model.evaluate: mapped)",
            error.Message);
    }

    [Fact]
    public void Under_evaluate_mapped_types_no_class_map_key_reaches_are_left_out_and_dontcare_and_neighbours_keep_their_meaning()
    {
        WriteImage("000008", 8, 4, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000008.txt"), """
            Car 0.00 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0
            Van 0.00 0 0 1 0 2 1 2.0 1.9 4.5 0 1.7 20 0
            Truck 0.00 0 0 2 0 3 1 3.0 2.5 15 0 1.7 50 0
            Pedestrian 0.00 0 0 3 0 4 1 1.7 0.6 0.8 0 1.7 5 0
            Person_sitting 0.00 0 0 4 0 5 1 1.2 0.6 0.8 0 1.7 5 0
            Cyclist 0.00 0 0 5 0 6 1 1.7 0.6 1.8 0 1.7 8 0
            Tram 0.00 0 0 6 0 7 1 3.0 2.5 15 0 1.7 50 0
            Misc 0.00 0 0 7 0 8 1 1.0 1.0 1.0 0 1.7 30 0
            DontCare -1 -1 -10 0 2 8 4 -1 -1 -1 -1000 -1000 -1000 -10
            """);
        var classes = ClassMap.Create(
            ["person", "bicycle", "car", "truck", "train"],
            [KeyValuePair.Create("car", (IReadOnlyList<string>)["car"]), KeyValuePair.Create("pedestrian", (IReadOnlyList<string>)["person"])],
            [],
            ClassEvaluation.Mapped);

        using var reader = new KittiClipReader(temp.Path, classes);
        var truth = Assert.Single(reader.ReadFrames()).Truth;

        // Car, Van (car's neighbour), Pedestrian, Person_sitting (pedestrian's neighbour), DontCare; Truck, Cyclist, Tram and Misc are gone.
        Assert.Equal(
            [(1, 0f, false), (1, 1f, true), (0, 3f, false), (0, 4f, true), (ClassMap.IgnoreRegion, 0f, true)],
            truth.Select(t => (t.ClassId, t.X, t.Ignore)));
        Assert.Equal([("Cyclist", 1L), ("Misc", 1L), ("Tram", 1L), ("Truck", 1L)], reader.LeftOutLabels.Select(l => (l.Key, l.Value)));
    }

    [Fact]
    public void Under_evaluate_mapped_a_neighbour_of_a_class_not_evaluated_is_left_out()
    {
        WriteImage("000009", 8, 4, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000009.txt"), """
            Van 0.00 0 0 1 0 2 1 2.0 1.9 4.5 0 1.7 20 0
            Pedestrian 0.00 0 0 3 0 4 1 1.7 0.6 0.8 0 1.7 5 0
            """);
        var classes = ClassMap.Create(["person", "car"], [KeyValuePair.Create("pedestrian", (IReadOnlyList<string>)["person"])], [], ClassEvaluation.Mapped);

        using var reader = new KittiClipReader(temp.Path, classes);
        var truth = Assert.Single(reader.ReadFrames()).Truth;

        Assert.Equal([(0, 3f, false)], truth.Select(t => (t.ClassId, t.X, t.Ignore)));
        Assert.Equal([("Van", 1L)], reader.LeftOutLabels.Select(l => (l.Key, l.Value)));
    }

    /// <summary>Changed behaviour: DontCare had to be listed in model.ignore although docs/clips.md said it was an ignore region.</summary>
    [Fact]
    public void DontCare_is_an_ignore_region_of_every_class_without_being_listed()
    {
        WriteImage("000004", 2, 2, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000004.txt"), """
            Car 0.00 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0
            DontCare -1 -1 -10 0 0 2 1 -1 -1 -1 -1000 -1000 -1000 -10
            """);

        using var reader = new KittiClipReader(temp.Path, ClassMap.Identity(["car"]));
        var truth = Assert.Single(reader.ReadFrames()).Truth;

        Assert.Equal([(0, false), (ClassMap.IgnoreRegion, true)], truth.Select(t => (t.ClassId, t.Ignore)));
        Assert.Equal(2f, truth[1].Width);
    }

    [Fact]
    public void Malformed_label_names_file_and_line()
    {
        WriteImage("000007", 2, 2, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000007.txt"), "Car 0 0 0 1 2 3\n");

        using var reader = new KittiClipReader(temp.Path, ClassMap.Identity(["car"]));
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.Contains("000007.txt:1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Car 0 0 0 5 1 4.99 2 1.5 1.6 3.9 0 1.7 10 0", "bbox (5, 1, 4.99, 2) has its right edge left of its left edge")]
    [InlineData("Car 0 0 0 1 5 2 4.99 1.5 1.6 3.9 0 1.7 10 0", "bbox (1, 5, 2, 4.99) has its bottom edge above its top edge")]
    [InlineData("Car 0 0 0 1 1 NaN 2 1.5 1.6 3.9 0 1.7 10 0", "field 7 'NaN' is not a finite number")]
    [InlineData("Car 0 0 0 1 1 2 2 1.5 1.6 3.9 0 1.7 10 Infinity", "field 15 'Infinity' is not a finite number")]
    public void Box_that_cannot_be_right_is_refused_naming_file_and_line(string label, string problem)
    {
        WriteImage("000008", 2, 2, (0, 0, 0));
        var file = temp.Combine("label_2", "000008.txt");
        File.WriteAllText(file, "Car 0 0 0 0 0 1 1 1.5 1.6 3.9 0 1.7 10 0\n" + label + "\n");

        using var reader = new KittiClipReader(temp.Path, ClassMap.Identity(["car"]));
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.StartsWith($"{file}:2: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Box_of_zero_width_and_height_is_read()
    {
        WriteImage("000009", 2, 2, (0, 0, 0));
        File.WriteAllText(temp.Combine("label_2", "000009.txt"), "Car 0 0 0 5 1 5 1 1.5 1.6 3.9 0 1.7 10 0\n");

        using var reader = new KittiClipReader(temp.Path, ClassMap.Identity(["car"]));
        var truth = Assert.Single(Assert.Single(reader.ReadFrames()).Truth);

        Assert.Equal((5f, 1f, 0f, 0f), (truth.X, truth.Y, truth.Width, truth.Height));
    }

    [Fact]
    public void Directory_without_images_is_rejected()
    {
        var error = Assert.Throws<ClipFormatException>(() => new KittiClipReader(temp.Combine("label_2"), ClassMap.Identity(["car"])));

        Assert.Contains("image_2", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private void WriteImage(string name, int width, int height, (byte R, byte G, byte B) colour)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = colour;
        }

        File.WriteAllBytes(temp.Combine("image_2", name + ".png"), ImageEncoder.EncodePng(CameraImage.Packed(width, height, PixelFormat.Rgb8, pixels)));
    }
}
