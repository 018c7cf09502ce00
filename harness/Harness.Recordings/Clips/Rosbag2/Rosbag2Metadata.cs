using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// A bag's metadata.yaml (key <c>rosbag2_bagfile_information</c>): which storage plugin wrote it, the files in
/// recording order, the time range and each topic's type and message count. Only the fields a reader needs are kept;
/// QoS profiles and custom data are left alone.
/// </summary>
internal sealed record Rosbag2Metadata(
    int Version,
    string StorageIdentifier,
    long StartingTimeNs,
    long DurationNs,
    long MessageCount,
    IReadOnlyList<Rosbag2TopicCount> Topics,
    IReadOnlyList<string> RelativeFilePaths,
    string CompressionFormat)
{
    public const string FileName = "metadata.yaml";

    /// <summary>The metadata version this harness writes (the one of ROS 2 Iron and Jazzy).</summary>
    public const int WrittenVersion = 7;

    public static Rosbag2Metadata Read(string path)
    {
        try
        {
            var yaml = new YamlStream();
            using (var text = File.OpenText(path))
            {
                yaml.Load(text);
            }

            var root = yaml.Documents.Count == 1 ? yaml.Documents[0].RootNode as YamlMappingNode : null;
            var info = Mapping(root, "rosbag2_bagfile_information");
            var topics = Sequence(info, "topics_with_message_count").Select(node =>
            {
                var entry = (YamlMappingNode)node;
                var topic = Mapping(entry, "topic_metadata");
                return new Rosbag2TopicCount(
                    new Rosbag2Topic(Scalar(topic, "name"), Scalar(topic, "type"), Scalar(topic, "serialization_format")),
                    Integer(entry, "message_count"));
            }).ToList();
            return new Rosbag2Metadata(
                (int)Integer(info, "version"),
                Scalar(info, "storage_identifier"),
                Integer(Mapping(info, "starting_time"), "nanoseconds_since_epoch"),
                Integer(Mapping(info, "duration"), "nanoseconds"),
                Integer(info, "message_count"),
                topics,
                Sequence(info, "relative_file_paths").Select(node => ((YamlScalarNode)node).Value ?? "").ToList(),
                info.Children.TryGetValue(new YamlScalarNode("compression_format"), out var compression) ? (compression as YamlScalarNode)?.Value ?? "" : "");
        }
        catch (Exception e) when (e is YamlException or InvalidCastException or FormatException or OverflowException or IOException)
        {
            throw new ClipFormatException($"{path}: not a rosbag2 metadata file ({e.Message})", e);
        }
    }

    /// <summary>The file as rosbag2 writes it (version <see cref="WrittenVersion"/>, default QoS left empty).</summary>
    public string ToYaml()
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line("rosbag2_bagfile_information:");
        Line(Invariant($"  version: {Version}"));
        Line($"  storage_identifier: {StorageIdentifier}");
        Line("  duration:");
        Line(Invariant($"    nanoseconds: {DurationNs}"));
        Line("  starting_time:");
        Line(Invariant($"    nanoseconds_since_epoch: {StartingTimeNs}"));
        Line(Invariant($"  message_count: {MessageCount}"));
        Line("  topics_with_message_count:");
        foreach (var (topic, count) in Topics)
        {
            Line("    - topic_metadata:");
            Line($"        name: {topic.Name}");
            Line($"        type: {topic.Type}");
            Line($"        serialization_format: {topic.SerializationFormat}");
            Line("        offered_qos_profiles: \"\"");
            Line("        type_description_hash: \"\"");
            Line(Invariant($"      message_count: {count}"));
        }

        Line($"  compression_format: \"{CompressionFormat}\"");
        Line("  compression_mode: \"\"");
        Line("  relative_file_paths:");
        foreach (var file in RelativeFilePaths)
        {
            Line($"    - {file}");
        }

        Line("  files:");
        foreach (var file in RelativeFilePaths)
        {
            Line($"    - path: {file}");
            Line("      starting_time:");
            Line(Invariant($"        nanoseconds_since_epoch: {StartingTimeNs}"));
            Line("      duration:");
            Line(Invariant($"        nanoseconds: {DurationNs}"));
            Line(Invariant($"      message_count: {MessageCount}"));
        }

        Line("  custom_data: ~");
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static YamlNode Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new FormatException($"missing '{key}'");

    private static YamlMappingNode Mapping(YamlMappingNode? node, string key) =>
        Child(node, key) as YamlMappingNode ?? throw new FormatException($"'{key}' is not a mapping");

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        Child(node, key) as YamlSequenceNode ?? throw new FormatException($"'{key}' is not a list");

    private static string Scalar(YamlMappingNode node, string key) =>
        (Child(node, key) as YamlScalarNode)?.Value ?? throw new FormatException($"'{key}' is not a value");

    private static long Integer(YamlMappingNode node, string key) =>
        long.Parse(Scalar(node, key), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
