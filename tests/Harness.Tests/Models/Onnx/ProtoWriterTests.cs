using Harness.Models.Onnx;

namespace Harness.Tests.Models.Onnx;

public class ProtoWriterTests
{
    [Fact]
    public void Encodes_varint_field_as_in_the_protobuf_spec_example()
    {
        var writer = new ProtoWriter();
        writer.WriteInt64(1, 150);
        Assert.Equal(new byte[] { 0x08, 0x96, 0x01 }, writer.ToArray());
    }

    [Fact]
    public void Encodes_negative_int64_as_ten_byte_twos_complement_varint()
    {
        var writer = new ProtoWriter();
        writer.WriteInt64(3, -1);
        Assert.Equal(new byte[] { 0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, writer.ToArray());
    }

    [Fact]
    public void Length_prefixes_strings_and_nested_messages()
    {
        var writer = new ProtoWriter();
        writer.WriteString(2, "testing");
        writer.WriteMessage(3, nested => nested.WriteInt64(1, 150));
        Assert.Equal(
            new byte[] { 0x12, 0x07, (byte)'t', (byte)'e', (byte)'s', (byte)'t', (byte)'i', (byte)'n', (byte)'g', 0x1A, 0x03, 0x08, 0x96, 0x01 },
            writer.ToArray());
    }

    [Fact]
    public void Writes_float_as_little_endian_fixed32()
    {
        var writer = new ProtoWriter();
        writer.WriteFloat(2, 1f);
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, writer.ToArray());
    }
}
