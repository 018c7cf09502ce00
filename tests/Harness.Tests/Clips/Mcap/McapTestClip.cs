using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

/// <summary>A seeded set of messages on three topics, with log times that go backwards now and then.</summary>
public sealed class McapTestClip
{
    public static readonly string[] Topics = ["/camera/front", "/lidar/top", "/truth/front"];

    public McapTestClip(int seed, int count, int maxPayload)
    {
        var random = new Random(seed);
        var messages = new List<Written>();
        ulong time = 1_000;
        for (var i = 0; i < count; i++)
        {
            time += (ulong)random.Next(0, 50);
            var logTime = random.Next(10) == 0 ? time - (ulong)random.Next(0, 400) : time;
            var data = new byte[random.Next(0, maxPayload)];
            random.NextBytes(data);
            messages.Add(new Written((ushort)(1 + random.Next(Topics.Length)), logTime, (uint)i, data));
        }

        Messages = messages;
    }

    public McapTestClip(IReadOnlyList<Written> messages) => Messages = messages;

    /// <summary>A message as handed to the writer, in write order.</summary>
    public sealed record Written(ushort ChannelId, ulong LogTime, uint Sequence, byte[] Data)
    {
        public string Topic => Topics[ChannelId - 1];
    }

    public IReadOnlyList<Written> Messages { get; }

    /// <summary>What a reader must yield: log-time order, ties in write order (OrderBy is stable).</summary>
    public IEnumerable<Written> InLogTimeOrder => Messages.OrderBy(m => m.LogTime);

    public void WriteTo(Stream stream, McapWriterOptions options, bool withAttachment = true)
    {
        using var writer = new McapWriter(stream, options, leaveOpen: true);
        writer.AddSchema(new McapSchema(1, "foxglove.RawImage", "protobuf", new byte[] { 1, 2, 3 }));
        for (var i = 0; i < Topics.Length; i++)
        {
            writer.AddChannel(new McapChannel((ushort)(i + 1), 1, Topics[i], "protobuf"));
        }

        foreach (var m in Messages)
        {
            writer.WriteMessage(m.ChannelId, m.LogTime, m.LogTime + 7, m.Sequence, m.Data);
        }

        if (!withAttachment)
        {
            return;
        }

        writer.WriteAttachment(new McapAttachment(5, 6, "calib.json", "application/json", "{\"fx\":1}"u8.ToArray()));
        writer.WriteMetadata(new McapMetadata("scene", new Dictionary<string, string> { ["weather"] = "rain" }));
    }

    public MemoryStream Write(McapWriterOptions options, bool withAttachment = true)
    {
        var stream = new MemoryStream();
        WriteTo(stream, options, withAttachment);
        stream.Position = 0;
        return stream;
    }
}
