using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;

namespace Harness.Clips.Mcap;

/// <summary>Random access to the records of a seekable MCAP stream, with truncation reported by offset and record.</summary>
internal sealed class McapFile(Stream stream, string name, bool leaveOpen) : IDisposable
{
    /// <summary>Opcode (1) and content length (8).</summary>
    public const int RecordHeaderLength = 9;

    public string Name { get; } = name;

    public long Length { get; } = stream.Length;

    public Stream Stream => stream;

    public McapRecordLocation At(long offset, McapOpcode? opcode = null) => new(Name, opcode, offset);

    /// <summary>A record inside the decompressed records of the chunk at <paramref name="chunkOffset"/>.</summary>
    public McapRecordLocation ChunkAt(long chunkOffset, int recordOffset, McapOpcode? opcode) => new(Name, opcode, recordOffset, chunkOffset);

    public void ReadExactlyAt(long offset, Span<byte> target, McapOpcode? opcode)
    {
        if (offset < 0 || offset + target.Length > Length)
        {
            throw At(offset, opcode).Error(string.Create(
                CultureInfo.InvariantCulture,
                $"needs {target.Length} bytes but the file ends at byte {Length} (the file is truncated)"));
        }

        stream.Position = offset;
        stream.ReadExactly(target);
    }

    /// <summary>
    /// Reads the record at <paramref name="offset"/>, which must have opcode <paramref name="expected"/>, and returns
    /// its content (a new array the caller owns).
    /// </summary>
    public byte[] ReadRecord(long offset, McapOpcode expected, long limit)
    {
        Span<byte> header = stackalloc byte[RecordHeaderLength];
        ReadExactlyAt(offset, header, expected);
        var opcode = header[0];
        if (opcode != (byte)expected)
        {
            throw At(offset, expected).Error($"expected a {expected} record here but found {McapRecordLocation.OpcodeName(opcode)}");
        }

        var length = BinaryPrimitives.ReadUInt64LittleEndian(header[1..]);
        CheckLength(offset, expected, length, limit);
        var content = GC.AllocateUninitializedArray<byte>((int)length);
        ReadExactlyAt(offset + RecordHeaderLength, content, expected);
        return content;
    }

    /// <summary>
    /// Like <see cref="ReadRecord"/> but into an array rented from <see cref="ArrayPool{T}.Shared"/>, for content
    /// that is only needed until it is decompressed; the caller returns the array.
    /// </summary>
    public (byte[] Rented, int Length) ReadRecordRented(long offset, McapOpcode expected, long limit)
    {
        Span<byte> header = stackalloc byte[RecordHeaderLength];
        ReadExactlyAt(offset, header, expected);
        if (header[0] != (byte)expected)
        {
            throw At(offset, expected).Error($"expected a {expected} record here but found {McapRecordLocation.OpcodeName(header[0])}");
        }

        var length = BinaryPrimitives.ReadUInt64LittleEndian(header[1..]);
        CheckLength(offset, expected, length, limit);
        var rented = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            ReadExactlyAt(offset + RecordHeaderLength, rented.AsSpan(0, (int)length), expected);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented);
            throw;
        }

        return (rented, (int)length);
    }

    /// <summary>A record's content must end by <paramref name="limit"/> (its section's end) and fit in an array.</summary>
    public void CheckLength(long offset, McapOpcode? opcode, ulong contentLength, long limit)
    {
        var end = (ulong)offset + RecordHeaderLength + contentLength;
        if (contentLength > (ulong)Array.MaxLength || end > (ulong)limit)
        {
            var what = limit >= Length ? "the end of the file" : string.Create(CultureInfo.InvariantCulture, $"the end of its section at byte {limit}");
            throw At(offset, opcode).Error(string.Create(
                CultureInfo.InvariantCulture,
                $"declares {contentLength} content bytes, which runs past {what} (the file is truncated or the length is corrupted)"));
        }
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
