namespace Harness.Clips.Messages;

/// <summary>google.protobuf.Timestamp (seconds = 1, nanos = 2) to and from nanoseconds since the epoch.</summary>
internal static class FoxgloveTimestamp
{
    private const long NanosPerSecond = 1_000_000_000;

    public static ProtobufWriter Encode(long nanoseconds)
    {
        var writer = new ProtobufWriter(24);
        writer.SignedVarintField(1, Math.DivRem(nanoseconds, NanosPerSecond).Quotient - (nanoseconds % NanosPerSecond < 0 ? 1 : 0));
        writer.SignedVarintField(2, ((nanoseconds % NanosPerSecond) + NanosPerSecond) % NanosPerSecond);
        return writer;
    }

    public static long Decode(ReadOnlySpan<byte> data, string messageName)
    {
        var reader = new ProtobufReader(data, messageName);
        long seconds = 0;
        long nanos = 0;
        while (reader.Next(out var field, out var type))
        {
            switch (field)
            {
                case 1:
                    reader.Expect(type, ProtobufWireType.Varint, field);
                    seconds = unchecked((long)reader.Varint());
                    break;
                case 2:
                    reader.Expect(type, ProtobufWireType.Varint, field);
                    nanos = unchecked((int)reader.Varint());
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return (seconds * NanosPerSecond) + nanos;
    }
}
