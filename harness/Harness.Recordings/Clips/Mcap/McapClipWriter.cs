using Harness.Clips.Messages;

namespace Harness.Clips.Mcap;

/// <summary>
/// Writes a replay clip that <see cref="McapClipReader"/> reads: camera frames as foxglove.RawImage, truth as
/// harness.TruthBoxes at the same log time, and optionally lidar as foxglove.PointCloud at its own times. Truth is
/// written with class names (<c>classNames</c>[class id]) so a reader maps it to its scenario's classes by name.
/// </summary>
public sealed class McapClipWriter : IDisposable
{
    private const ushort CameraChannel = 1;
    private const ushort TruthChannel = 2;
    private const ushort LidarChannel = 3;

    private readonly McapWriter _writer;
    private readonly string _cameraFrameId;
    private readonly IReadOnlyList<string> _classNames;
    private uint _cameraSequence;
    private uint _lidarSequence;

    /// <param name="classNames">The names of the truth class ids given to <see cref="WriteFrame"/>.</param>
    public McapClipWriter(Stream output, string cameraTopic, string truthTopic, IReadOnlyList<string> classNames, string? lidarTopic = null, McapWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        _classNames = [.. classNames];
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

    /// <inheritdoc cref="McapClipWriter(Stream, string, string, IReadOnlyList{string}, string?, McapWriterOptions?, bool)"/>
    public static McapClipWriter Create(string path, string cameraTopic, string truthTopic, IReadOnlyList<string> classNames, string? lidarTopic = null, McapWriterOptions? options = null) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), cameraTopic, truthTopic, classNames, lidarTopic, options);

    /// <summary>The wrapped writer, to add attachments or metadata (calibration, scene description).</summary>
    internal McapWriter Writer => _writer;

    public void WriteFrame(long timestampNs, CameraImage image, IReadOnlyList<TruthBox> truth)
    {
        ArgumentNullException.ThrowIfNull(image);
        var encoding = image.Format == PixelFormat.Rgb8 ? "rgb8" : "bgr8";
        var camera = new RawImageMessage(timestampNs, _cameraFrameId, image.Width, image.Height, encoding, image.Stride, image.Pixels);
        var time = checked((ulong)timestampNs);
        _writer.WriteMessage(CameraChannel, time, time, _cameraSequence, camera.Encode());
        _writer.WriteMessage(TruthChannel, time, time, _cameraSequence, new TruthBoxesMessage(truth, _classNames).Encode());
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
