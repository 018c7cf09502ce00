using Harness.Clips.Messages;

namespace Harness.Tests.Clips.Messages;

/// <summary>Byte-exact cases from the protobuf encoding guide (protobuf.dev/programming-guides/encoding).</summary>
public class ProtobufWriterTests
{
    [Fact]
    public void Encodes_varint_field_as_in_the_protobuf_spec_example()
    {
        var writer = new ProtobufWriter();
        writer.SignedVarintField(1, 150);
        Assert.Equal(new byte[] { 0x08, 0x96, 0x01 }, writer.ToArray());
    }

    [Fact]
    public void Encodes_negative_int64_as_ten_byte_twos_complement_varint()
    {
        var writer = new ProtobufWriter();
        writer.SignedVarintField(3, -1);
        Assert.Equal(new byte[] { 0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, writer.ToArray());
    }

    [Fact]
    public void Length_prefixes_strings_and_nested_messages()
    {
        var writer = new ProtobufWriter();
        writer.StringField(2, "testing");
        writer.MessageField(3, nested => nested.SignedVarintField(1, 150));
        Assert.Equal(
            new byte[] { 0x12, 0x07, (byte)'t', (byte)'e', (byte)'s', (byte)'t', (byte)'i', (byte)'n', (byte)'g', 0x1A, 0x03, 0x08, 0x96, 0x01 },
            writer.ToArray());
    }

    [Fact]
    public void Writes_float_as_little_endian_fixed32()
    {
        var writer = new ProtobufWriter();
        writer.FloatField(2, 1f);
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, writer.ToArray());
    }

    [Fact]
    public void Packs_repeated_int64_and_float_into_one_length_delimited_field()
    {
        var writer = new ProtobufWriter();
        writer.PackedVarintField(4, [3, 270, 86942]);
        writer.PackedFloatField(5, [1f, -2f]);
        Assert.Equal(
            new byte[] { 0x22, 0x06, 0x03, 0x8E, 0x02, 0x9E, 0xA7, 0x05, 0x2A, 0x08, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0 },
            writer.ToArray());
    }

    [Fact]
    public void Implicit_presence_leaves_default_values_out_and_explicit_presence_writes_them_in_nested_messages_too()
    {
        static byte[] Write(bool explicitPresence)
        {
            var writer = new ProtobufWriter(explicitPresence: explicitPresence);
            writer.SignedVarintField(1, 0);
            writer.StringField(2, "");
            writer.FloatField(3, 0f);
            writer.PackedVarintField(4, []);
            writer.MessageField(5, nested => nested.SignedVarintField(1, 0));
            return writer.ToArray();
        }

        Assert.Equal(new byte[] { 0x2A, 0x00 }, Write(explicitPresence: false));
        Assert.Equal(
            new byte[] { 0x08, 0x00, 0x12, 0x00, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x22, 0x00, 0x2A, 0x02, 0x08, 0x00 },
            Write(explicitPresence: true));
    }
}
