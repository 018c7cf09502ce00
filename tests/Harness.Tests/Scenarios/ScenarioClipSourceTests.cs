using Harness.Scenarios;
using Harness.TestKit;

namespace Harness.Tests.Scenarios;

/// <summary>How a scenario's clip section names its recording: relative path, file:// URI, and the ROS 2 camera_info topic.</summary>
public sealed class ScenarioClipSourceTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("clip-source-");

    [Fact]
    public void File_uri_names_the_same_clip_as_the_plain_path()
    {
        var clip = temp.Combine("clip.mcap");
        File.WriteAllBytes(clip, [1]);

        var byPath = Load("clip.mcap");
        var byUri = Load(new Uri(clip).AbsoluteUri);

        Assert.Equal(clip, byPath.Source);
        Assert.Equal(clip, byUri.Source);
    }

    [Fact]
    public void File_uri_to_nothing_is_an_error_naming_the_field()
    {
        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => Load("file:///no/such/bag")).Errors);

        Assert.Equal("clip.source", error.Field);
        Assert.Contains("'/no/such/bag' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_schemes_are_rejected_with_the_accepted_forms()
    {
        var error = Assert.Single(Assert.Throws<ScenarioValidationException>(() => Load("s3://bucket/bag")).Errors);

        Assert.Equal("unsupported source 's3://bucket/bag' (expected synthetic://..., a file path or a file:// URI)", error.Message);
    }

    [Fact]
    public void Camera_info_topic_is_read_and_absent_by_default()
    {
        File.WriteAllBytes(temp.Combine("bag.db3"), [1]);

        Assert.Equal("/camera/camera_info", Load("bag.db3", "  camera_info: /camera/camera_info\n").CameraInfo);
        Assert.Null(Load("bag.db3").CameraInfo);
    }

    public void Dispose() => temp.Dispose();

    private ClipSpec Load(string source, string extra = "")
    {
        var path = temp.Combine("s.yaml");
        File.WriteAllText(path, $"""
            id: s
            tags: [pr]
            clip:
              source: {source}
            {extra}model:
              source: reference://detector-v1
              layout: yolov8
              input: {"{"} width: 64, height: 64 {"}"}
              classes: [car]
            """);
        return ScenarioLoader.LoadFile(path).Clip;
    }
}
