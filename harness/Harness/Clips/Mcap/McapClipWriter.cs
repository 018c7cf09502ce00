using Harness.Clips.Messages;

namespace Harness.Clips.Mcap;

/// <summary>
/// Writes a replay clip that <see cref="McapClipReader"/> reads: camera frames as foxglove.RawImage, truth as
/// harness.TruthBoxes at the same log time, and optionally lidar as foxglove.PointCloud at its own times.
/// </summary>
public sealed class McapClipWriter : IDisposable
{
    private const ushort CameraChannel = 1;
    private const ushort TruthChannel = 2;
    private const ushort LidarChannel = 3;

    private readonly McapWriter _writer;
    private readonly string _cameraFrameId;
    private uint _cameraSequence;
    private uint _lidarSequence;

    public McapClipWriter(Stream output, string cameraTopic, string truthTopic, string? lidarTopic = null, McapWriterOptions? options = null, bool leaveOpen = false)
    {
        _writer = new McapWriter(output, options, leaveOpen);
        _cameraFrameId = cameraTopic.Trim('/').Replace('/', '_');
        _writer.AddSchema(ClipSchemas.RawImage(CameraChannel));
        _writer.AddSchema(ClipSchemas.TruthBoxes(TruthChannel));
        _writer.AddChannel(new McapChannel(CameraChannel, CameraChannel, cameraTopic, "protobuf"));
        _writer.AddChannel(new McapChannel(TruthChannel, TruthChannel, truthTopic, TruthBoxesMessage.MessageEncoding));
        if (lidarTopic is not null)
        {
            _writer.AddSchema(ClipSchemas.PointCloud(LidarChannel));
            _writer.AddChannel(new McapChannel(LidarChannel, LidarChannel, lidarTopic, "protobuf"));
        }
    }

    public static McapClipWriter Create(string path, string cameraTopic, string truthTopic, string? lidarTopic = null, McapWriterOptions? options = null) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), cameraTopic, truthTopic, lidarTopic, options);

    /// <summary>The wrapped writer, to add attachments or metadata (calibration, scene description).</summary>
    public McapWriter Writer => _writer;

    public void WriteFrame(long timestampNs, CameraImage image, IReadOnlyList<TruthBox> truth)
    {
        ArgumentNullException.ThrowIfNull(image);
        var encoding = image.Format == PixelFormat.Rgb8 ? "rgb8" : "bgr8";
        var camera = new RawImageMessage(timestampNs, _cameraFrameId, image.Width, image.Height, encoding, image.Stride, image.Pixels);
        var time = checked((ulong)timestampNs);
        _writer.WriteMessage(CameraChannel, time, time, _cameraSequence, camera.Encode());
        _writer.WriteMessage(TruthChannel, time, time, _cameraSequence, new TruthBoxesMessage(truth).Encode());
        _cameraSequence++;
    }

    public void WriteLidar(long timestampNs, LidarScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var time = checked((ulong)timestampNs);
        var cloud = PointCloudMessage.FromXyzi(timestampNs, "lidar", scan.Points.Span);
        _writer.WriteMessage(LidarChannel, time, time, _lidarSequence++, cloud.Encode());
    }

    public void Dispose() => _writer.Dispose();
}
