namespace Harness.Clips.Rosbag2;

/// <summary>
/// Writes a bag directory as <c>ros2 bag record</c> leaves it: <c>&lt;name&gt;_0.db3</c> or <c>&lt;name&gt;_0.mcap</c>
/// (name = the directory's name) plus metadata.yaml with each topic's message count and the time range, written on
/// dispose. Messages are CDR payloads given in receive-time order.
/// </summary>
internal sealed class Rosbag2Writer : IDisposable
{
    private readonly string _directory;
    private readonly Rosbag2StorageFormat _format;
    private readonly string _fileName;
    private readonly IRosbag2StorageWriter _storage;
    private readonly List<Rosbag2Topic> _topics = [];
    private readonly List<long> _counts = [];
    private long _first = long.MaxValue;
    private long _last = long.MinValue;

    public Rosbag2Writer(string directory, Rosbag2StorageFormat format)
    {
        Directory.CreateDirectory(directory);
        _directory = directory;
        _format = format;
        _fileName = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))}_0.{(format == Rosbag2StorageFormat.Mcap ? "mcap" : "db3")}";
        var path = Path.Combine(directory, _fileName);
        File.Delete(path);
        _storage = format == Rosbag2StorageFormat.Mcap ? new Rosbag2McapStorageWriter(path) : new Rosbag2SqliteStorageWriter(path);
    }

    /// <summary>Adds a CDR topic; the returned id is what <see cref="Write"/> takes.</summary>
    public int AddTopic(string name, string type, string schemaText)
    {
        _topics.Add(new Rosbag2Topic(name, type, "cdr"));
        _counts.Add(0);
        _storage.AddTopic(_topics.Count, _topics[^1], schemaText);
        return _topics.Count;
    }

    public void Write(int topicId, long timestampNs, ReadOnlySpan<byte> cdr)
    {
        _storage.Write(topicId, timestampNs, cdr);
        _counts[topicId - 1]++;
        _first = Math.Min(_first, timestampNs);
        _last = Math.Max(_last, timestampNs);
    }

    public void Dispose()
    {
        _storage.Dispose();
        var empty = _first > _last;
        var metadata = new Rosbag2Metadata(
            Rosbag2Metadata.WrittenVersion,
            _format == Rosbag2StorageFormat.Mcap ? "mcap" : "sqlite3",
            empty ? 0 : _first,
            empty ? 0 : _last - _first,
            _counts.Sum(),
            [.. _topics.Select((topic, i) => new Rosbag2TopicCount(topic, _counts[i]))],
            [_fileName],
            "");
        File.WriteAllText(Path.Combine(_directory, Rosbag2Metadata.FileName), metadata.ToYaml());
    }
}
