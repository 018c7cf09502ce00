using System.Buffers.Binary;

namespace Harness.IO;

/// <summary>
/// A bounds-checked cursor over a binary snapshot's body (the bytes between its header and its checksum, positions
/// counted from the file's first byte): a read past the end, a varint longer than 64 bits or a count larger than the
/// bytes left can hold throws the format's own exception, naming the field and the byte it starts at, so a corrupt
/// count never sizes an allocation beyond the file.
/// </summary>
internal ref struct SnapshotReader
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly Func<string, Exception> _error;

    /// <param name="body">The file's bytes up to its checksum.</param>
    /// <param name="position">Where the first field starts (the header's length).</param>
    /// <param name="error">The format's exception for a problem, which the caller prefixes with the file's path.</param>
    public SnapshotReader(ReadOnlySpan<byte> body, int position, Func<string, Exception> error)
    {
        _body = body;
        _error = error;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _body.Length - Position;

    public ulong ReadVarint(SnapshotField field)
    {
        var start = Position;
        var value = 0UL;
        for (var shift = 0; shift < 7 * Varint.MaxBytes; shift += 7)
        {
            if (Position >= _body.Length)
            {
                throw _error($"ends inside {field} at byte {start}");
            }

            var b = _body[Position++];
            if (shift == 7 * (Varint.MaxBytes - 1) && b > 1)
            {
                break;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw _error($"{field} at byte {start} is not a valid varint (longer than 64 bits)");
    }

    /// <param name="minBytesEach">The least one of the counted records can take.</param>
    public int ReadCount(int minBytesEach, SnapshotField field)
    {
        var start = Position;
        var count = ReadVarint(field);
        var room = (ulong)(Remaining / minBytesEach);
        return count <= room
            ? (int)count
            : throw _error($"{field} {count} at byte {start} exceeds what the remaining {Remaining} bytes can hold ({room})");
    }

    /// <summary>The next <paramref name="length"/> bytes, which the caller decodes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int length, SnapshotField field)
    {
        if (Remaining < length)
        {
            throw _error($"ends inside {field} at byte {Position}");
        }

        var bytes = _body.Slice(Position, length);
        Position += length;
        return bytes;
    }

    public float ReadSingle(SnapshotField field) => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(sizeof(float), field));

    /// <summary>Refuses bytes after the last of <paramref name="frames"/> frames.</summary>
    public readonly void End(int frames)
    {
        if (Remaining != 0)
        {
            throw _error($"{Remaining} unexpected bytes after the last of {frames} frames, at byte {Position}");
        }
    }
}
