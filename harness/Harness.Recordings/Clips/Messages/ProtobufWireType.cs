namespace Harness.Clips.Messages;

/// <summary>Protocol buffers wire types (the low three bits of a field tag).</summary>
internal enum ProtobufWireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}
