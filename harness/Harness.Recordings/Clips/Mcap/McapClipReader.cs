using System.Globalization;
using Harness.Clips.Messages;

namespace Harness.Clips.Mcap;

/// <summary>
/// Replays an MCAP clip as <see cref="Frame"/>s: each camera message is paired with the truth message of the same log
/// time and, when a lidar topic is given, the lidar scan nearest in log time (the earlier one on a tie). Camera
/// channels may carry foxglove.RawImage, foxglove.CompressedImage or sensor_msgs/msg/Image; the decoder follows the
/// channel's schema name. Truth labels resolve by name through the scenario's <see cref="ClassMap"/>. Frames stream:
/// only frames waiting for their lidar neighbour are held.
/// </summary>
public sealed class McapClipReader : IClipReader
{
    private readonly McapReader _reader;
    private readonly string _cameraTopic;
    private readonly string _truthTopic;
    private readonly string? _lidarTopic;

    private readonly UnscoredLabels _unscored;

    public McapClipReader(string path, string cameraTopic, string truthTopic, ClassMap classes, string? lidarTopic = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(cameraTopic);
        ArgumentException.ThrowIfNullOrEmpty(truthTopic);
        ArgumentNullException.ThrowIfNull(classes);
        _cameraTopic = cameraTopic;
        _truthTopic = truthTopic;
        _lidarTopic = lidarTopic;
        Classes = classes;
        _unscored = new UnscoredLabels(classes);
        _reader = McapReader.Open(path);
        try
        {
            ThrowIfTopicsMissing();
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public ClassMap Classes { get; }

    public IReadOnlyDictionary<string, long> LeftOutLabels => _unscored.LeftOut;

    public void Dispose() => _reader.Dispose();

    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
    {
        var topics = new HashSet<string>(StringComparer.Ordinal) { _cameraTopic, _truthTopic };
        if (_lidarTopic is not null)
        {
            topics.Add(_lidarTopic);
        }

        var pending = new Queue<PendingFrame>();
        var truths = new Dictionary<ulong, IReadOnlyList<TruthBox>>();
        (ulong Time, LidarScan Scan)? lastLidar = null;
        long index = 0;
        var sawCamera = false;

        foreach (var message in _reader.ReadMessages(new McapReadOptions { Topics = topics }, cancellationToken))
        {
            var topic = message.Channel.Topic;
            if (topic == _cameraTopic)
            {
                sawCamera = true;
                pending.Enqueue(new PendingFrame(message.LogTime, DecodeCamera(message)) { LidarResolved = _lidarTopic is null });
            }
            else if (topic == _truthTopic)
            {
                truths[message.LogTime] = DecodeTruth(message);
            }
            else
            {
                var scan = (message.LogTime, DecodeLidar(message));
                foreach (var frame in pending)
                {
                    if (!frame.LidarResolved && frame.Time <= message.LogTime)
                    {
                        frame.Lidar = Nearest(frame.Time, lastLidar, scan);
                        frame.LidarResolved = true;
                    }
                }

                lastLidar = scan;
            }

            while (pending.TryPeek(out var head) && head.LidarResolved && (truths.ContainsKey(head.Time) || message.LogTime > head.Time))
            {
                yield return Complete(pending.Dequeue(), truths, index++);
            }

            var oldestUseful = pending.TryPeek(out var first) ? first.Time : message.LogTime;
            foreach (var stale in truths.Keys.Where(time => time < oldestUseful).ToList())
            {
                truths.Remove(stale);
            }
        }

        while (pending.TryDequeue(out var frame))
        {
            if (!frame.LidarResolved)
            {
                frame.Lidar = lastLidar?.Scan;
            }

            yield return Complete(frame, truths, index++);
        }

        if (!sawCamera)
        {
            throw new ClipFormatException($"{_reader.FileName}: no messages on camera topic '{_cameraTopic}'");
        }

        _unscored.ThrowIfUnknown($"{_reader.FileName}: on '{_truthTopic}'");
    }

    private static LidarScan Nearest(ulong time, (ulong Time, LidarScan Scan)? before, (ulong Time, LidarScan Scan) after) =>
        before is { } b && time - b.Time <= after.Time - time ? b.Scan : after.Scan;

    private Frame Complete(PendingFrame frame, Dictionary<ulong, IReadOnlyList<TruthBox>> truths, long index)
    {
        if (!truths.Remove(frame.Time, out var truth))
        {
            throw new ClipFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{_reader.FileName}: the camera frame at log time {frame.Time} on '{_cameraTopic}' has no truth message on '{_truthTopic}' at the same log time"));
        }

        return new Frame(index, (long)frame.Time, frame.Image, truth, frame.Lidar);
    }

    private CameraImage DecodeCamera(McapMessage message) => Decode(message, () => message.Schema?.Name switch
    {
        RawImageMessage.SchemaName => RawImageMessage.Decode(message.Data).ToCameraImage(),
        Ros2ImageMessage.SchemaName => Ros2ImageMessage.Decode(message.Data).ToCameraImage(),
        CompressedImageMessage.SchemaName => CompressedImageDecoder.Decode(CompressedImageMessage.Decode(message.Data)),
        var other => throw new MessageFormatException(
            $"camera schema '{other ?? "(none)"}' is not supported ({RawImageMessage.SchemaName}, {CompressedImageMessage.SchemaName} or {Ros2ImageMessage.SchemaName})"),
    });

    private List<TruthBox> DecodeTruth(McapMessage message) => Decode(message, () =>
    {
        if (message.Schema?.Name is not TruthBoxesMessage.SchemaName)
        {
            throw new MessageFormatException($"truth schema '{message.Schema?.Name ?? "(none)"}' is not {TruthBoxesMessage.SchemaName}");
        }

        var decoded = TruthBoxesMessage.Decode(message.Data);
        // Null for a class the scenario leaves out: its boxes are not truth at all. A label it does not know makes the
        // replay an error at the clip's end, which names every such label of the clip in one message.
        var classIds = new int?[decoded.ClassNames.Count];
        for (var i = 0; i < classIds.Length; i++)
        {
            var name = decoded.ClassNames[i];
            if (Classes.TryGetTruthClass(name, out var id))
            {
                classIds[i] = id;
            }
            else if (!Classes.LeavesOut(name))
            {
                _unscored.Add(name);
            }
        }

        var boxes = new List<TruthBox>(decoded.Boxes.Count);
        foreach (var box in decoded.Boxes)
        {
            if ((box.ClassId < 0 ? ClassMap.IgnoreRegion : classIds[box.ClassId]) is { } classId)
            {
                boxes.Add(box with { ClassId = classId, Ignore = box.Ignore || classId == ClassMap.IgnoreRegion });
            }
            else if (Classes.LeavesOut(decoded.ClassNames[box.ClassId]))
            {
                _unscored.Add(decoded.ClassNames[box.ClassId]);
            }
        }

        return boxes;
    });

    private LidarScan DecodeLidar(McapMessage message) => Decode(message, () => message.Schema?.Name is PointCloudMessage.SchemaName
        ? PointCloudMessage.Decode(message.Data).ToLidarScan()
        : throw new MessageFormatException($"lidar schema '{message.Schema?.Name ?? "(none)"}' is not {PointCloudMessage.SchemaName}"));

    private T Decode<T>(McapMessage message, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (MessageFormatException e)
        {
            throw new ClipFormatException(
                string.Create(CultureInfo.InvariantCulture, $"{_reader.FileName}: message on '{message.Channel.Topic}' at log time {message.LogTime}: {e.Message}"),
                e);
        }
    }

    /// <summary>With a summary the channels are known up front, so a misspelt topic fails before any frame.</summary>
    private void ThrowIfTopicsMissing()
    {
        if (_reader.Channels.Count == 0)
        {
            return;
        }

        var known = _reader.Channels.Values.Select(channel => channel.Topic).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in new[] { _cameraTopic, _truthTopic, _lidarTopic })
        {
            if (topic is not null && !known.Contains(topic))
            {
                throw new ClipFormatException($"{_reader.FileName}: no channel has topic '{topic}' (topics: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
            }
        }
    }

    private sealed class PendingFrame(ulong time, CameraImage image)
    {
        public ulong Time { get; } = time;

        public CameraImage Image { get; } = image;

        public LidarScan? Lidar { get; set; }

        public bool LidarResolved { get; set; }
    }
}
