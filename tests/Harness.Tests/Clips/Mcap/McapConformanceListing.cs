using System.Globalization;
using System.Text.Json.Nodes;
using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

/// <summary>
/// One MCAP conformance listing (upstream tests/conformance/data/*.json): the records a file holds, in file order,
/// with chunks expanded and message indexes omitted, plus the writer features it was made with.
/// </summary>
internal sealed class McapConformanceListing
{
    private McapConformanceListing(string name, IReadOnlyList<JsonObject> records, IReadOnlySet<string> features)
    {
        Name = name;
        Records = records;
        Features = features;
    }

    public string Name { get; }

    public IReadOnlyList<JsonObject> Records { get; }

    public IReadOnlySet<string> Features { get; }

    public static McapConformanceListing Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var records = root["records"]!.AsArray().Select(node => node!.AsObject()).ToList();
        var features = root["meta"]!["variant"]!["features"]!.AsArray().Select(node => node!.GetValue<string>()).ToHashSet();
        return new McapConformanceListing(Path.GetFileNameWithoutExtension(path), records, features);
    }

    public McapWriterOptions WriterOptions() => new()
    {
        Library = "",
        Profile = "",
        UseChunks = Features.Contains("ch"),
        ChunkSize = int.MaxValue,
        Compression = McapCompression.None,
        WriteMessageIndexes = Features.Contains("mx"),
        WriteStatistics = Features.Contains("st"),
        RepeatSchemas = Features.Contains("rsh"),
        RepeatChannels = Features.Contains("rch"),
        WriteAttachmentIndex = Features.Contains("ax"),
        WriteMetadataIndex = Features.Contains("mdx"),
        WriteChunkIndex = Features.Contains("chx"),
        WriteSummaryOffsets = Features.Contains("sum"),
        PadRecords = Features.Contains("pad"),
    };

    /// <summary>
    /// Feeds the listing's data-section records (schemas, channels, messages, attachments, metadata; everything
    /// before DataEnd, since the summary only repeats them) to a writer.
    /// </summary>
    public void WriteInputs(McapWriter writer)
    {
        foreach (var record in Records.TakeWhile(record => record["type"]!.GetValue<string>() != "DataEnd"))
        {
            var f = Fields(record);
            switch (record["type"]!.GetValue<string>())
            {
                case "Schema":
                    writer.AddSchema(new McapSchema(U16(f["id"]), Str(f["name"]), Str(f["encoding"]), Bytes(f["data"])));
                    break;
                case "Channel":
                    writer.AddChannel(new McapChannel(U16(f["id"]), U16(f["schema_id"]), Str(f["topic"]), Str(f["message_encoding"]), StringMap(f["metadata"])));
                    break;
                case "Message":
                    writer.WriteMessage(U16(f["channel_id"]), U64(f["log_time"]), U64(f["publish_time"]), (uint)U64(f["sequence"]), Bytes(f["data"]));
                    break;
                case "Attachment":
                    writer.WriteAttachment(new McapAttachment(U64(f["log_time"]), U64(f["create_time"]), Str(f["name"]), Str(f["media_type"]), Bytes(f["data"])));
                    break;
                case "Metadata":
                    writer.WriteMetadata(new McapMetadata(Str(f["name"]), StringMap(f["metadata"])));
                    break;
                default:
                    break;
            }
        }
    }

    public IEnumerable<JsonObject> RecordsOfType(string type) => Records.Where(record => record["type"]!.GetValue<string>() == type);

    /// <summary>A parsed record in the listing's shape: type plus [name, value] pairs sorted by name, numbers as strings.</summary>
    public static JsonObject ToListingShape(object record)
    {
        var (type, fields) = record switch
        {
            McapHeader h => ("Header", new Dictionary<string, JsonNode?> { ["library"] = h.Library, ["profile"] = h.Profile }),
            McapSchema s => ("Schema", new() { ["data"] = Bytes(s.Data), ["encoding"] = s.Encoding, ["id"] = N(s.Id), ["name"] = s.Name }),
            McapChannel c => ("Channel", new()
            {
                ["id"] = N(c.Id), ["message_encoding"] = c.MessageEncoding, ["metadata"] = Map(c.Metadata), ["schema_id"] = N(c.SchemaId), ["topic"] = c.Topic,
            }),
            McapRawMessage m => ("Message", new()
            {
                ["channel_id"] = N(m.ChannelId), ["data"] = Bytes(m.Data), ["log_time"] = N(m.LogTime), ["publish_time"] = N(m.PublishTime), ["sequence"] = N(m.Sequence),
            }),
            McapAttachment a => ("Attachment", new()
            {
                ["create_time"] = N(a.CreateTime), ["data"] = Bytes(a.Data), ["log_time"] = N(a.LogTime), ["media_type"] = a.MediaType, ["name"] = a.Name,
            }),
            McapMetadata md => ("Metadata", new() { ["metadata"] = Map(md.Values), ["name"] = md.Name }),
            McapDataEnd d => ("DataEnd", new() { ["data_section_crc"] = N(d.DataSectionCrc) }),
            McapStatistics st => ("Statistics", new()
            {
                ["attachment_count"] = N(st.AttachmentCount),
                ["channel_count"] = N(st.ChannelCount),
                ["channel_message_counts"] = new JsonObject(st.ChannelMessageCounts.Select(p => KeyValuePair.Create(N(p.Key), (JsonNode?)N(p.Value)))),
                ["chunk_count"] = N(st.ChunkCount),
                ["message_count"] = N(st.MessageCount),
                ["message_end_time"] = N(st.MessageEndTime),
                ["message_start_time"] = N(st.MessageStartTime),
                ["metadata_count"] = N(st.MetadataCount),
                ["schema_count"] = N(st.SchemaCount),
            }),
            McapChunkIndex ci => ("ChunkIndex", new()
            {
                ["chunk_length"] = N(ci.ChunkLength),
                ["chunk_start_offset"] = N(ci.ChunkStartOffset),
                ["compressed_size"] = N(ci.CompressedSize),
                ["compression"] = ci.Compression,
                ["message_end_time"] = N(ci.MessageEndTime),
                ["message_index_length"] = N(ci.MessageIndexLength),
                ["message_index_offsets"] = new JsonObject(ci.MessageIndexOffsets.Select(p => KeyValuePair.Create(N(p.Key), (JsonNode?)N(p.Value)))),
                ["message_start_time"] = N(ci.MessageStartTime),
                ["uncompressed_size"] = N(ci.UncompressedSize),
            }),
            McapAttachmentIndex ai => ("AttachmentIndex", new()
            {
                ["create_time"] = N(ai.CreateTime),
                ["data_size"] = N(ai.DataSize),
                ["length"] = N(ai.Length),
                ["log_time"] = N(ai.LogTime),
                ["media_type"] = ai.MediaType,
                ["name"] = ai.Name,
                ["offset"] = N(ai.Offset),
            }),
            McapMetadataIndex mi => ("MetadataIndex", new() { ["length"] = N(mi.Length), ["name"] = mi.Name, ["offset"] = N(mi.Offset) }),
            McapSummaryOffset so => ("SummaryOffset", new()
            {
                ["group_length"] = N(so.GroupLength), ["group_opcode"] = N((byte)so.GroupOpcode), ["group_start"] = N(so.GroupStart),
            }),
            McapFooter ft => ("Footer", new()
            {
                ["summary_crc"] = N(ft.SummaryCrc), ["summary_offset_start"] = N(ft.SummaryOffsetStart), ["summary_start"] = N(ft.SummaryStart),
            }),
            _ => throw new ArgumentException($"no listing shape for {record.GetType().Name}", nameof(record)),
        };

        var pairs = new JsonArray();
        foreach (var (name, value) in fields.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            pairs.Add(new JsonArray(name, value));
        }

        return new JsonObject { ["type"] = type, ["fields"] = pairs };
    }

    public static Dictionary<string, JsonNode> Fields(JsonObject record) =>
        record["fields"]!.AsArray().Select(pair => pair!.AsArray()).ToDictionary(pair => pair[0]!.GetValue<string>(), pair => pair[1]!);

    public static ulong U64(JsonNode node) => ulong.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    public static byte[] Bytes(JsonNode node) => node.AsArray().Select(b => byte.Parse(b!.GetValue<string>(), CultureInfo.InvariantCulture)).ToArray();

    private static ushort U16(JsonNode node) => checked((ushort)U64(node));

    private static string Str(JsonNode node) => node.GetValue<string>();

    private static Dictionary<string, string> StringMap(JsonNode node) =>
        node.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());

    private static string N(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonArray Bytes(ReadOnlyMemory<byte> data) => new(data.ToArray().Select(b => (JsonNode?)N(b)).ToArray());

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
}
