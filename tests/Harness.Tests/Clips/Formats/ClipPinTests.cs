using System.Security.Cryptography;
using System.Text;
using Harness.Clips;
using Harness.Running;
using Harness.TestKit;
using Harness.Testing;

namespace Harness.Tests.Clips.Formats;

/// <summary>A clip's pin covers every byte its reader reads: a COCO file's images as well as its JSON.</summary>
public sealed class ClipPinTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("clip-pin-");

    public ClipPinTests()
    {
        Directory.CreateDirectory(temp.Combine("images"));
        File.WriteAllBytes(temp.Combine("images", "a.png"), [1, 2, 3]);
        File.WriteAllBytes(temp.Combine("b.png"), [4, 5]);
        File.WriteAllText(Json, """{"images":[{"id":2,"file_name":"b.png"},{"id":1,"file_name":"a.png"}],"categories":[],"annotations":[]}""");
    }

    private string Json => temp.Combine("instances.json");

    [Fact]
    public void Coco_pin_is_the_json_and_each_image_by_path_relative_to_the_json_in_ordinal_order()
    {
        static byte[] Entry(string relative, byte[] bytes) => [.. Encoding.UTF8.GetBytes(relative + "\n"), .. SHA256.HashData(bytes)];
        byte[] expected = [.. Entry("b.png", [4, 5]), .. Entry("images/a.png", [1, 2, 3]), .. Entry("instances.json", File.ReadAllBytes(Json))];

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), PinnedHash.OfClip(Json));
    }

    [Fact]
    public void Editing_an_image_changes_the_pin_and_a_file_the_json_does_not_name_does_not()
    {
        var before = PinnedHash.OfClip(Json);
        File.WriteAllBytes(temp.Combine("unrelated.txt"), [9]);
        var unrelated = PinnedHash.OfClip(Json);
        File.WriteAllBytes(temp.Combine("images", "a.png"), [1, 2, 4]);

        Assert.Equal(before, unrelated);
        Assert.NotEqual(before, PinnedHash.OfClip(Json));
    }

    [Fact]
    public void Image_that_is_missing_fails_the_pin_naming_where_it_was_looked_for()
    {
        File.Delete(temp.Combine("b.png"));

        var error = Assert.Throws<ClipFormatException>(() => PinnedHash.OfClip(Json));

        Assert.Equal($"{Json}: image 2 'b.png' not found; looked at {temp.Combine("b.png")} and {temp.Combine("images", "b.png")}", error.Message);
    }

    [Fact]
    public void A_file_clip_is_pinned_by_its_bytes()
    {
        var mcap = Path.Combine(RepositoryPaths.Fixtures, "rosbag2", "mcap", "cdr_test", "cdr_test_0.mcap");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(mcap))), PinnedHash.OfClip(mcap));
    }

    public void Dispose() => temp.Dispose();
}
