using System.Globalization;
using Harness.Clips.Images;
using Harness.Clips.Messages;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// Writes a clip as a rosbag2 bag that <see cref="Rosbag2ClipReader"/> (and ROS 2's own tools) read: each frame is a
/// camera message (raw Image in the frame's rgb8/bgr8, or lossless PNG CompressedImage) and a
/// vision_msgs/msg/Detection2DArray with the same header stamp. Truth boxes carry their class by name
/// (results[0].hypothesis.class_id, score 1), ignore regions as <see cref="Rosbag2ClipReader.IgnoreLabel"/>, the
/// track id in the detection's id.
/// </summary>
public sealed class Rosbag2ClipWriter : IDisposable
{
    private readonly Rosbag2Writer _writer;
    private readonly IReadOnlyList<string> _classNames;
    private readonly Rosbag2CameraMessage _cameraMessage;
    private readonly string _frameId;
    private readonly int _cameraTopic;
    private readonly int _truthTopic;

    public Rosbag2ClipWriter(
        string directory,
        Rosbag2StorageFormat format,
        string cameraTopic,
        string truthTopic,
        IReadOnlyList<string> classNames,
        Rosbag2CameraMessage cameraMessage = Rosbag2CameraMessage.Image)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        _classNames = classNames;
        _cameraMessage = cameraMessage;
        _frameId = cameraTopic.Trim('/').Replace('/', '_');
        _writer = new Rosbag2Writer(directory, format);
        _cameraTopic = cameraMessage == Rosbag2CameraMessage.Image
            ? _writer.AddTopic(cameraTopic, Ros2ImageMessage.SchemaName, Ros2ImageMessage.SchemaText)
            : _writer.AddTopic(cameraTopic, Ros2CompressedImageMessage.SchemaName, Ros2CompressedImageMessage.SchemaText);
        _truthTopic = _writer.AddTopic(truthTopic, Detection2DArrayMessage.SchemaName, Detection2DArrayMessage.SchemaText);
    }

    public void WriteFrame(long timestampNs, CameraImage image, IReadOnlyList<TruthBox> truth)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(truth);
        var header = Ros2Header.FromTimestamp(timestampNs, _frameId);
        var camera = _cameraMessage == Rosbag2CameraMessage.Image
            ? Ros2ImageMessage.FromTimestamp(timestampNs, _frameId, image.Width, image.Height, image.Format == PixelFormat.Rgb8 ? "rgb8" : "bgr8", image.Stride, image.Pixels).Encode()
            : new Ros2CompressedImageMessage(header, "png", ImageEncoder.EncodePng(image)).Encode();
        _writer.Write(_cameraTopic, timestampNs, camera);
        _writer.Write(_truthTopic, timestampNs, new Detection2DArrayMessage(header, [.. truth.Select(ToDetection)]).Encode());
    }

    public void Dispose() => _writer.Dispose();

    private Detection2D ToDetection(TruthBox box)
    {
        var label = box.Ignore ? Rosbag2ClipReader.IgnoreLabel
            : box.ClassId >= 0 && box.ClassId < _classNames.Count ? _classNames[box.ClassId]
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"truth class id {box.ClassId} is outside the {_classNames.Count} class names"), nameof(box));
        return new Detection2D(
            [new ObjectHypothesis(label, 1.0)],
            box.X + (box.Width / 2.0),
            box.Y + (box.Height / 2.0),
            0,
            box.Width,
            box.Height,
            box.TrackId >= 0 ? box.TrackId.ToString(CultureInfo.InvariantCulture) : "");
    }
}
