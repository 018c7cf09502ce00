namespace Harness.Clips.Mcap;

/// <summary>A message record as stored: the channel is only an id.</summary>
internal sealed record McapRawMessage(ushort ChannelId, uint Sequence, ulong LogTime, ulong PublishTime, ReadOnlyMemory<byte> Data);
