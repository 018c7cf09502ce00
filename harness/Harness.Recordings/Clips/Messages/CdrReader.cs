using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Harness.Clips.Messages;

/// <summary>Reads little-endian CDR after checking the encapsulation header; malformed input raises <see cref="MessageFormatException"/>.</summary>
internal ref struct CdrReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _messageName;
    private int _position;

    public CdrReader(ReadOnlySpan<byte> data, string messageName)
    {
        _data = data;
        _messageName = messageName;
        if (data.Length < 4 || data[0] != 0 || data[1] != 1)
        {
            var kind = data.Length >= 2 && data[0] == 0 && data[1] == 0 ? "big-endian CDR is not supported" : "missing the little-endian CDR encapsulation header 00 01";
            throw new MessageFormatException($"{messageName}: {kind}");
        }

        _position = 4;
    }

    public readonly int Position => _position;

    public byte U8() => Take(1)[0];

    public uint U32()
    {
        Align(4);
        return BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    }

    public int I32() => unchecked((int)U32());

    /// <summary>float64, aligned to 8 bytes as XCDR1 (the ROS 2 default) lays it out.</summary>
    public double F64()
    {
        Align(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(Take(8));
    }

    /// <summary>A sequence length, checked against the bytes left so a corrupt count fails here rather than in an allocation.</summary>
    public int SequenceLength(int minimumElementSize)
    {
        var length = U32();
        return (ulong)length * (ulong)Math.Max(1, minimumElementSize) <= (ulong)Math.Max(0, _data.Length - _position)
            ? (int)length
            : throw Error($"a sequence of {length} elements runs past the end");
    }

    public string String()
    {
        var length = U32();
        if (length == 0)
        {
            return "";
        }

        var bytes = Take(Checked(length));
        return Encoding.UTF8.GetString(bytes[..^1]);
    }

    /// <summary>A sequence&lt;uint8&gt;: (offset in the payload, length).</summary>
    public (int Offset, int Length) ByteSequence()
    {
        var length = Checked(U32());
        var offset = _position;
        Take(length);
        return (offset, length);
    }

    private void Align(int size)
    {
        _position += (size - ((_position - 4) % size)) % size;
    }

    private readonly int Checked(uint length) =>
        length <= (uint)Math.Max(0, _data.Length - _position) ? (int)length : throw Error($"a length of {length} runs past the end");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Error("truncated");
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    private readonly MessageFormatException Error(string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{_messageName}: {problem} at byte {_position}"));
}
