using Harness.Clips.Rosbag2;
using Harness.Testing;

namespace Harness.Tests.Clips.Rosbag2;

/// <summary>
/// The two bags ROS 2's own recorder wrote (tests/fixtures/rosbag2): what the reader streams must agree with the
/// metadata.yaml the recorder wrote beside them, and with the values read off that file by hand.
/// </summary>
public sealed class Rosbag2FixtureTests
{
    private const long StartNs = 1586406456763032325;
    private const long DurationNs = 151137181;

    private static readonly (string Name, string Type, int Count)[] HandRead =
    [
        ("/array_topic", "test_msgs/msg/Arrays", 4),
        ("/test_topic", "test_msgs/msg/BasicTypes", 3),
    ];

    public static TheoryData<string, string> Bags => new()
    {
        { "sqlite3", "cdr_test_0.db3" },
        { "mcap", "cdr_test_0.mcap" },
    };

    [Theory]
    [MemberData(nameof(Bags))]
    public void Metadata_yaml_reads_as_hand_read(string storage, string file)
    {
        var metadata = Rosbag2Metadata.Read(Path.Combine(Directory(storage), Rosbag2Metadata.FileName));

        Assert.Equal(7, metadata.Version);
        Assert.Equal(storage, metadata.StorageIdentifier);
        Assert.Equal(StartNs, metadata.StartingTimeNs);
        Assert.Equal(DurationNs, metadata.DurationNs);
        Assert.Equal(7, metadata.MessageCount);
        Assert.Equal([file], metadata.RelativeFilePaths);
        Assert.Equal("", metadata.CompressionFormat);
        Assert.Equal(
            HandRead.OrderBy(t => t.Name, StringComparer.Ordinal),
            metadata.Topics.Select(t => (t.Topic.Name, t.Topic.Type, (int)t.MessageCount)).OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.All(metadata.Topics, t => Assert.Equal("cdr", t.Topic.SerializationFormat));
    }

    [Theory]
    [MemberData(nameof(Bags))]
    public void Bag_named_by_its_directory_streams_what_metadata_yaml_records(string storage, string file)
    {
        using var bag = Rosbag2Bag.Open(Directory(storage));

        AssertAgreesWithMetadata(bag, Rosbag2Metadata.Read(Path.Combine(Directory(storage), Rosbag2Metadata.FileName)));
        Assert.NotNull(bag.Metadata);
        Assert.Equal(file, bag.Metadata.RelativeFilePaths.Single());
    }

    [Theory]
    [MemberData(nameof(Bags))]
    public void Bag_named_by_its_file_streams_the_same(string storage, string file)
    {
        using var bag = Rosbag2Bag.Open(Path.Combine(Directory(storage), file));

        AssertAgreesWithMetadata(bag, Rosbag2Metadata.Read(Path.Combine(Directory(storage), Rosbag2Metadata.FileName)));
    }

    [Fact]
    public void Both_storages_hold_byte_identical_messages()
    {
        using var sqlite = Rosbag2Bag.Open(Directory("sqlite3"));
        using var mcap = Rosbag2Bag.Open(Directory("mcap"));
        var topics = HandRead.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var fromSqlite = sqlite.ReadMessages(topics).Select(m => (m.Topic.Name, m.TimestampNs, Convert.ToHexString(m.Data.Span))).ToList();
        var fromMcap = mcap.ReadMessages(topics).Select(m => (m.Topic.Name, m.TimestampNs, Convert.ToHexString(m.Data.Span))).ToList();

        Assert.Equal(7, fromSqlite.Count);
        Assert.Equal(fromSqlite, fromMcap);
    }

    [Fact]
    public void Only_the_topics_asked_for_are_streamed()
    {
        using var bag = Rosbag2Bag.Open(Directory("sqlite3"));

        var messages = bag.ReadMessages(new HashSet<string>(StringComparer.Ordinal) { "/test_topic" }).ToList();

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal("test_msgs/msg/BasicTypes", m.Topic.Type));
    }

    [Fact]
    public void Sqlite_messages_stream_along_the_timestamp_index_without_a_sort()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Directory("sqlite3"), "cdr_test_0.db3")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN " + Rosbag2SqliteStorage.MessagesQuery(["1", "2"]);
        using var rows = plan.ExecuteReader();
        var steps = new List<string>();
        while (rows.Read())
        {
            steps.Add(rows.GetString(3));
        }

        Assert.Equal(["SCAN messages USING INDEX timestamp_idx"], steps);
    }

    private static void AssertAgreesWithMetadata(Rosbag2Bag bag, Rosbag2Metadata metadata)
    {
        Assert.Equal(
            metadata.Topics.Select(t => t.Topic).OrderBy(t => t.Name, StringComparer.Ordinal),
            bag.Topics.OrderBy(t => t.Name, StringComparer.Ordinal));

        var messages = bag.ReadMessages(bag.Topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal)).ToList();

        Assert.Equal(metadata.MessageCount, messages.Count);
        foreach (var (topic, count) in metadata.Topics)
        {
            Assert.Equal(count, messages.Count(m => m.Topic.Name == topic.Name));
        }

        Assert.Equal(metadata.StartingTimeNs, messages[0].TimestampNs);
        Assert.Equal(metadata.DurationNs, messages[^1].TimestampNs - messages[0].TimestampNs);
        Assert.Equal(StartNs + DurationNs, messages[^1].TimestampNs);
        Assert.True(messages.Zip(messages.Skip(1)).All(pair => pair.First.TimestampNs <= pair.Second.TimestampNs), "messages are in receive-time order");
        Assert.All(messages, m => Assert.Equal(new byte[] { 0, 1, 0, 0 }, m.Data.Span[..4].ToArray()));
    }

    private static string Directory(string storage) => Path.Combine(RepositoryPaths.Fixtures, "rosbag2", storage, "cdr_test");
}
