namespace Harness.Clips.Mcap;

/// <summary>A message schema: <paramref name="Id"/> is non-zero; <paramref name="Encoding"/> is e.g. "protobuf", "ros2msg", "jsonschema".</summary>
internal sealed record McapSchema(ushort Id, string Name, string Encoding, ReadOnlyMemory<byte> Data);
