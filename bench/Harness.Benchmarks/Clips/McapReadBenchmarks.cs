using BenchmarkDotNet.Attributes;
using Harness.Clips.Mcap;

namespace Harness.Benchmarks.Clips;

/// <summary>
/// Reading a 200-frame clip (640x480 rgb8 foxglove.RawImage, harness.TruthBoxes, 4,096-point foxglove.PointCloud
/// every frame: 600 messages, about 185 MB of payload) from a temp file, per chunk compression.
/// </summary>
[MemoryDiagnoser]
public class McapReadBenchmarks
{
    private const int FrameCount = 200;
    private const int Width = 640;
    private const int Height = 480;
    private static readonly string[] Names = ["car", "pedestrian", "cyclist"];
    private static readonly ClassMap Classes = ClassMap.Identity(Names);
    private string _path = "";

    [Params(McapCompression.None, McapCompression.Lz4, McapCompression.Zstd)]
    public McapCompression Compression { get; set; }

    [GlobalSetup]
    public void WriteClip()
    {
        _path = Path.Combine(Path.GetTempPath(), $"mcap-bench-{Compression}.mcap");
        var random = new Random(42);
        var pixels = new byte[Width * Height * 3];
        var points = new float[4096 * 4];
        using var writer = McapClipWriter.Create(_path, "/camera/front", "/truth/front", Names, "/lidar/top", new McapWriterOptions { Compression = Compression });
        for (var frame = 0; frame < FrameCount; frame++)
        {
            // A smooth gradient with mild noise: compresses roughly like a camera frame, unlike random bytes.
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)(((i / 3 % Width) + (i / (Width * 3)) + frame + random.Next(8)) & 0xFF);
            }

            for (var i = 0; i < points.Length; i++)
            {
                points[i] = (float)(random.NextDouble() * 100);
            }

            var time = (frame + 1) * 50_000_000L;
            writer.WriteLidar(time, new LidarScan(points));
            writer.WriteFrame(time, CameraImage.Packed(Width, Height, PixelFormat.Rgb8, pixels), [new TruthBox(frame % 3, 10, 20, 30, 40)]);
        }
    }

    [GlobalCleanup]
    public void Delete() => File.Delete(_path);

    [Benchmark(Description = "McapReader.ReadMessages, all 600 messages")]
    public long ReadMessages()
    {
        using var reader = McapReader.Open(_path);
        long bytes = 0;
        foreach (var message in reader.ReadMessages())
        {
            bytes += message.Data.Length;
        }

        return bytes;
    }

    [Benchmark(Description = "ReadMessages without the data section CRC pass")]
    public long ReadMessagesWithoutDataCrc()
    {
        using var reader = new McapReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), _path) { VerifyDataSectionCrc = false };
        long bytes = 0;
        foreach (var message in reader.ReadMessages())
        {
            bytes += message.Data.Length;
        }

        return bytes;
    }

    [Benchmark(Description = "McapClipReader.ReadFrames, 200 decoded frames")]
    public long ReadFrames()
    {
        using var reader = new McapClipReader(_path, "/camera/front", "/truth/front", Classes, "/lidar/top");
        long pixels = 0;
        foreach (var frame in reader.ReadFrames())
        {
            pixels += frame.Image.Pixels.Length + frame.Lidar!.Count;
        }

        return pixels;
    }
}
