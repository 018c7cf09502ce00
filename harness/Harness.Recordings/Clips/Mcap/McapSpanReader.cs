using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Harness.Clips.Mcap;

/// <summary>Reads little-endian MCAP fields from one record's content; running past its end is a format error.</summary>
internal ref struct McapSpanReader(ReadOnlySpan<byte> content, McapRecordLocation location)
{
    private readonly ReadOnlySpan<byte> _content = content;
    private int _position;

    public readonly int Position => _position;

    public readonly int Remaining => _content.Length - _position;

    public byte U8(string field) => Take(1, field)[0];

    public ushort U16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

    public uint U32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    public ulong U64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

    public string String(string field)
    {
        var length = U32(field);
        var bytes = Take(Checked(length, field), field);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a uint32- or uint64-length-prefixed byte array and returns its offset and length in the content.</summary>
    public (int Offset, int Length) PrefixedBytes(string field, bool wideLength)
    {
        var length = wideLength ? U64(field) : U32(field);
        var count = Checked(length, field);
        var offset = _position;
        Take(count, field);
        return (offset, count);
    }

    /// <summary>The rest of the content (a message's data).</summary>
    public (int Offset, int Length) Rest()
    {
        var offset = _position;
        _position = _content.Length;
        return (offset, _content.Length - offset);
    }

    public Dictionary<string, string> StringMap(string field)
    {
        var end = MapEnd(field);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (_position < end)
        {
            var key = String(field);
            map[key] = String(field);
        }

        ThrowIfOverrun(end, field);
        return map;
    }

    public List<KeyValuePair<ushort, ulong>> U16U64Map(string field)
    {
        var end = MapEnd(field);
        var map = new List<KeyValuePair<ushort, ulong>>();
        while (_position < end)
        {
            var key = U16(field);
            map.Add(new(key, U64(field)));
        }

        ThrowIfOverrun(end, field);
        return map;
    }

    public List<KeyValuePair<ulong, ulong>> U64U64Array(string field)
    {
        var end = MapEnd(field);
        var list = new List<KeyValuePair<ulong, ulong>>();
        while (_position < end)
        {
            var first = U64(field);
            list.Add(new(first, U64(field)));
        }

        ThrowIfOverrun(end, field);
        return list;
    }

    private int MapEnd(string field)
    {
        var length = Checked(U32(field), field);
        if (length > Remaining)
        {
            throw Overrun(field);
        }

        return _position + length;
    }

    private readonly void ThrowIfOverrun(int end, string field)
    {
        if (_position != end)
        {
            throw location.Error($"field '{field}' entries do not fill its declared byte length");
        }
    }

    private readonly int Checked(ulong length, string field) =>
        length <= (ulong)Remaining ? (int)length : throw Overrun(field);

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count > Remaining)
        {
            throw Overrun(field);
        }

        var span = _content.Slice(_position, count);
        _position += count;
        return span;
    }

    private readonly ClipFormatException Overrun(string field) =>
        location.Error(string.Create(CultureInfo.InvariantCulture, $"field '{field}' runs past the end of the record ({_content.Length} content bytes)"));
}
