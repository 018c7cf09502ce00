using System.Globalization;
using Harness.Clips.Messages;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// Replays a rosbag2 bag (SQLite or MCAP storage) as <see cref="Frame"/>s. The camera topic carries
/// sensor_msgs/msg/Image or sensor_msgs/msg/CompressedImage, the truth topic vision_msgs/msg/Detection2DArray, the
/// optional camera_info topic sensor_msgs/msg/CameraInfo; each topic's decoder follows its type in the bag. A camera
/// frame pairs with the truth message of the same header stamp (sensor time: receive times differ between topics),
/// and the frame's timestamp is that stamp. Truth is published in stamp order, so once truth has moved past a
/// waiting frame's stamp that frame has none and the bag is in error. Frames stream: at most
/// <see cref="MaxWaitingFrames"/> wait for their truth.
/// </summary>
public sealed class Rosbag2ClipReader : IClipReader
{
    /// <summary>The label that marks a truth box as an ignore region rather than an object of a class.</summary>
    public const string IgnoreLabel = "ignore";

    internal const int MaxWaitingFrames = 64;

    private readonly Rosbag2Bag _bag;
    private readonly Rosbag2Topic _camera;
    private readonly Rosbag2Topic _truth;
    private readonly Rosbag2Topic? _cameraInfo;

    private readonly UnscoredLabels _unscored;

    public Rosbag2ClipReader(string path, string cameraTopic, string truthTopic, ClassMap classes, string? cameraInfoTopic = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(cameraTopic);
        ArgumentException.ThrowIfNullOrEmpty(truthTopic);
        ArgumentNullException.ThrowIfNull(classes);
        Classes = classes;
        _unscored = new UnscoredLabels(classes);
        _bag = Rosbag2Bag.Open(path);
        try
        {
            _camera = Topic(cameraTopic, "camera", Ros2ImageMessage.SchemaName, Ros2CompressedImageMessage.SchemaName);
            _truth = Topic(truthTopic, "truth", Detection2DArrayMessage.SchemaName);
            _cameraInfo = cameraInfoTopic is null ? null : Topic(cameraInfoTopic, "camera_info", Ros2CameraInfoMessage.SchemaName);
        }
        catch
        {
            _bag.Dispose();
            throw;
        }
    }

    public ClassMap Classes { get; }

    public IReadOnlyDictionary<string, long> LeftOutLabels => _unscored.LeftOut;

    public void Dispose() => _bag.Dispose();

    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
    {
        var topics = new HashSet<string>(StringComparer.Ordinal) { _camera.Name, _truth.Name };
        if (_cameraInfo is not null)
        {
            topics.Add(_cameraInfo.Name);
        }

        var waiting = new Queue<(long Stamp, CameraImage Image)>();
        var truths = new Dictionary<long, IReadOnlyList<TruthBox>>();
        long? latestTruth = null;
        long? lastEmitted = null;
        Ros2CameraInfoMessage? info = null;
        long index = 0;

        foreach (var message in _bag.ReadMessages(topics, cancellationToken))
        {
            if (message.Topic.Name == _camera.Name)
            {
                var (stamp, image) = Decode(message, () => DecodeCamera(message));
                ThrowIfSizeDiffers(message, image, info);
                waiting.Enqueue((stamp, image));
                if (waiting.Count > MaxWaitingFrames)
                {
                    throw Error(message, string.Create(CultureInfo.InvariantCulture, $"more than {MaxWaitingFrames} camera frames are waiting for truth on '{_truth.Name}' (the first at stamp {waiting.Peek().Stamp})"));
                }
            }
            else if (message.Topic.Name == _truth.Name)
            {
                var (stamp, boxes) = Decode(message, () => DecodeTruth(message));
                truths[stamp] = boxes;
                latestTruth = Math.Max(latestTruth ?? stamp, stamp);
            }
            else
            {
                info = Decode(message, () => Ros2CameraInfoMessage.Decode(message.Data));
            }

            while (waiting.TryPeek(out var head))
            {
                if (truths.Remove(head.Stamp, out var truth))
                {
                    waiting.Dequeue();
                    lastEmitted = head.Stamp;
                    yield return new Frame(index++, head.Stamp, head.Image, truth);
                }
                else if (latestTruth > head.Stamp)
                {
                    throw NoTruth(head.Stamp);
                }
                else
                {
                    break;
                }
            }

            foreach (var stale in truths.Keys.Where(stamp => stamp <= lastEmitted).ToList())
            {
                truths.Remove(stale);
            }
        }

        _unscored.ThrowIfUnknown($"{_bag.Path}: on '{_truth.Name}'");

        if (waiting.TryPeek(out var unmatched))
        {
            throw NoTruth(unmatched.Stamp);
        }

        if (index == 0)
        {
            throw new ClipFormatException($"{_bag.Path}: no messages on camera topic '{_camera.Name}'");
        }
    }

    /// <summary>
    /// The one place a truth label becomes a class id, or null for a label the scenario leaves out
    /// (<see cref="ClassMap.LeavesOut"/>). Any other label the scenario does not know makes the replay an error rather
    /// than a silently dropped object, so a typo in a class list cannot make a clip look easier than it is; it is
    /// noted and the replay goes on to the clip's end, so one message names every such label of the clip.
    /// </summary>
    private (int ClassId, bool Ignore)? ResolveClass(string label)
    {
        if (string.Equals(label, IgnoreLabel, StringComparison.OrdinalIgnoreCase))
        {
            return (ClassMap.IgnoreRegion, true);
        }

        if (Classes.TryGetTruthClass(label, out var id))
        {
            return (id, id == ClassMap.IgnoreRegion);
        }

        _unscored.Add(label);
        return null;
    }

    private static (long Stamp, CameraImage Image) DecodeCamera(Rosbag2Message message)
    {
        if (message.Topic.Type == Ros2ImageMessage.SchemaName)
        {
            var raw = Ros2ImageMessage.Decode(message.Data);
            return (raw.TimestampNs, raw.ToCameraImage());
        }

        var compressed = Ros2CompressedImageMessage.Decode(message.Data);
        return (compressed.Header.TimestampNs, compressed.ToCameraImage());
    }

    private (long Stamp, IReadOnlyList<TruthBox> Boxes) DecodeTruth(Rosbag2Message message)
    {
        var array = Detection2DArrayMessage.Decode(message.Data.Span);
        var boxes = new List<TruthBox>(array.Detections.Count);
        foreach (var detection in array.Detections)
        {
            if (detection.Results.Count == 0)
            {
                throw new MessageFormatException("a detection has no results[].hypothesis.class_id to name its class");
            }

            if (detection.Theta != 0)
            {
                throw new MessageFormatException(string.Create(CultureInfo.InvariantCulture, $"a box is rotated (theta {detection.Theta}); truth boxes must be axis-aligned"));
            }

            var label = detection.Results.MaxBy(result => result.Score).ClassId;
            if (ResolveClass(label) is not (var classId, var ignore))
            {
                continue;
            }

            boxes.Add(new TruthBox(
                classId,
                (float)(detection.CenterX - (detection.SizeX / 2)),
                (float)(detection.CenterY - (detection.SizeY / 2)),
                (float)detection.SizeX,
                (float)detection.SizeY,
                TrackId: int.TryParse(detection.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var track) ? track : -1,
                Ignore: ignore));
        }

        return (array.Header.TimestampNs, boxes);
    }

    private Rosbag2Topic Topic(string name, string role, params string[] types)
    {
        var known = _bag.Topics;
        var topic = known.FirstOrDefault(t => t.Name == name)
            ?? throw new ClipFormatException($"{_bag.Path}: no {role} topic '{name}' (the bag has: {string.Join(", ", known.Select(t => t.ToString()))})");
        if (!types.Contains(topic.Type))
        {
            throw new ClipFormatException($"{_bag.Path}: {role} topic '{name}' carries {topic.Type}, expected {string.Join(" or ", types)}");
        }

        if (topic.SerializationFormat != "cdr")
        {
            throw new ClipFormatException($"{_bag.Path}: {role} topic '{name}' is serialized as '{topic.SerializationFormat}', expected cdr");
        }

        return topic;
    }

    private void ThrowIfSizeDiffers(Rosbag2Message message, CameraImage image, Ros2CameraInfoMessage? info)
    {
        if (info is not null && (info.Width != image.Width || info.Height != image.Height))
        {
            throw Error(message, string.Create(CultureInfo.InvariantCulture, $"the image is {image.Width}x{image.Height} but '{_cameraInfo!.Name}' describes {info.Width}x{info.Height}"));
        }
    }

    private ClipFormatException NoTruth(long stamp) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{_bag.Path}: the camera frame stamped {stamp} on '{_camera.Name}' has no truth message with the same header stamp on '{_truth.Name}'"));

    private ClipFormatException Error(Rosbag2Message message, string problem) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{_bag.Path}: message on '{message.Topic.Name}' received at {message.TimestampNs}: {problem}"));

    private T Decode<T>(Rosbag2Message message, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (MessageFormatException e)
        {
            throw new ClipFormatException(Error(message, e.Message).Message, e);
        }
    }
}
