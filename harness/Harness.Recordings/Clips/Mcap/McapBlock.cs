namespace Harness.Clips.Mcap;

/// <summary>
/// A unit the reader loads at once: a chunk record or a single message record outside chunks, with the log-time
/// range of its messages. <see cref="ChannelIds"/> lists the channels it holds when known (else null).
/// </summary>
internal sealed record McapBlock(long Offset, bool IsChunk, ulong StartTime, ulong EndTime, IReadOnlyList<ushort>? ChannelIds);
