using Harness.Clips;
using Harness.Clips.CocoFolder;
using Harness.Clips.Images;
using Harness.TestKit;

namespace Harness.Tests.Clips.CocoFolder;

/// <summary>Where a COCO file_name is looked for: beside the JSON (sub-folders included) first, then in images/.</summary>
public sealed class CocoFolderImagePathTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("coco-paths-");

    [Fact]
    public void File_name_with_a_sub_folder_resolves_against_the_json_folder_before_images()
    {
        WriteImage(Path.Combine("val", "c.png"), 3, 1);
        WriteImage(Path.Combine("images", "val", "c.png"), 5, 1);
        WriteImage(Path.Combine("images", "d.png"), 2, 2);
        var json = WriteJson("""{"images":[{"id":1,"file_name":"val/c.png"},{"id":2,"file_name":"d.png"}],"categories":[],"annotations":[]}""");

        using var reader = new CocoFolderClipReader(json, ClassMap.Identity(["car"]));
        var frames = reader.ReadFrames().ToList();

        Assert.Equal([(3, 1), (2, 2)], frames.Select(f => (f.Image.Width, f.Image.Height)));
    }

    /// <summary>Changed behaviour: the message named only the last place looked (images/gone.png).</summary>
    [Fact]
    public void Missing_image_is_an_error_naming_every_place_it_was_looked_for()
    {
        var json = WriteJson("""{"images":[{"id":1,"file_name":"gone.png"}],"categories":[],"annotations":[]}""");

        using var reader = new CocoFolderClipReader(json, ClassMap.Identity(["car"]));
        var error = Assert.Throws<ClipFormatException>(() => reader.ReadFrames().ToList());

        Assert.Equal($"{json}: image 1 'gone.png' not found; looked at {temp.Combine("gone.png")} and {temp.Combine("images", "gone.png")}", error.Message);
    }

    public void Dispose() => temp.Dispose();

    private void WriteImage(string relative, int width, int height)
    {
        var path = temp.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ImageEncoder.EncodePng(CameraImage.Packed(width, height, PixelFormat.Rgb8, new byte[width * height * 3])));
    }

    private string WriteJson(string text)
    {
        var json = temp.Combine("instances.json");
        File.WriteAllText(json, text);
        return json;
    }
}
