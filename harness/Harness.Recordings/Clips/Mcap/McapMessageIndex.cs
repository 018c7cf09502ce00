namespace Harness.Clips.Mcap;

/// <summary>Log time and offset (into the uncompressed chunk records) of each message of one channel in a chunk.</summary>
internal sealed record McapMessageIndex(ushort ChannelId, IReadOnlyList<KeyValuePair<ulong, ulong>> Records);
