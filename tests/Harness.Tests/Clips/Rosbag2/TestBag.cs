using Harness.Clips.Rosbag2;
using Harness.TestKit;

namespace Harness.Tests.Clips.Rosbag2;

/// <summary>A temporary bag directory with seeded frames: random pixels, truth of every kind (classes, an ignore region, track ids).</summary>
internal sealed class TestBag : IDisposable
{
    public const string Camera = "/camera/front/image_raw";
    public const string Truth = "/perception/truth";
    public const long FirstStampNs = 1_700_000_000_123_456_789;
    public const long PeriodNs = 33_333_333;

    public static readonly ClassMap Classes = ClassMap.Identity(["car", "pedestrian", "cyclist"]);

    private readonly TemporaryDirectory _temp = new("rosbag2-");

    /// <summary>The bag directory: named like ros2 bag record names them, inside a temporary folder.</summary>
    public string Path => _temp.Combine("recording");

    public static List<Frame> Frames(int count, PixelFormat format = PixelFormat.Rgb8, int width = 8, int height = 6)
    {
        var random = new Random(count);
        var frames = new List<Frame>();
        for (var i = 0; i < count; i++)
        {
            var pixels = new byte[width * height * 3];
            random.NextBytes(pixels);
            TruthBox[] truth = i % 3 == 2
                ? []
                :
                [
                    new TruthBox(i % 3, 1.5f + i, 0.25f, 3.75f, 2.5f, TrackId: 10 + i),
                    new TruthBox(2, 0, 1, 2, 3),
                    new TruthBox(-1, 4, 4, 2.5f, 1.5f, Ignore: true),
                ];
            frames.Add(new Frame(i, FirstStampNs + (i * PeriodNs), CameraImage.Packed(width, height, format, pixels), truth));
        }

        return frames;
    }

    public void Write(IEnumerable<Frame> frames, Rosbag2StorageFormat format, Rosbag2CameraMessage camera = Rosbag2CameraMessage.Image)
    {
        using var writer = new Rosbag2ClipWriter(Path, format, Camera, Truth, Classes.EvaluationClasses, camera);
        foreach (var frame in frames)
        {
            writer.WriteFrame(frame.TimestampNs, frame.Image, frame.Truth);
        }
    }

    /// <summary>The single storage file the writer put in the bag directory.</summary>
    public string StorageFile => Directory.EnumerateFiles(Path).Single(f => !f.EndsWith(Rosbag2Metadata.FileName, StringComparison.Ordinal));

    public void Dispose() => _temp.Dispose();
}
