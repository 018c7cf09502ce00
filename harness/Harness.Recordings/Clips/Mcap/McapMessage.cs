namespace Harness.Clips.Mcap;

/// <summary>
/// One message as read: its channel and schema (null when schemaless), times in nanoseconds, and the payload.
/// The payload is owned by the message (it is not reused by later reads).
/// </summary>
internal sealed record McapMessage(McapChannel Channel, McapSchema? Schema, uint Sequence, ulong LogTime, ulong PublishTime, ReadOnlyMemory<byte> Data);
