using System.Buffers.Binary;

namespace Harness.Fuzz;

/// <summary>
/// The top-level records of a well-formed MCAP file, found by walking it from the specification's framing alone
/// (magic, then an opcode byte and a uint64 length per record), independently of the reader under test; and the
/// edits that make hostile variants of it.
/// </summary>
public static class McapFraming
{
    public const int MagicLength = 8;
    public const int HeaderLength = 9;

    /// <summary>Opcodes from the MCAP specification.</summary>
    public const byte Chunk = 0x06;
    public const byte Attachment = 0x09;
    public const byte DataEnd = 0x0F;
    public const byte Footer = 0x02;

    /// <summary>One record: where it starts, its opcode and its content length.</summary>
    public sealed record Record(int Offset, byte Opcode, int ContentLength)
    {
        public int ContentOffset => Offset + HeaderLength;

        public int End => ContentOffset + ContentLength;

        public override string ToString() => $"opcode 0x{Opcode:X2} at {Offset}";
    }

    public static IReadOnlyList<Record> Walk(byte[] file)
    {
        var records = new List<Record>();
        var offset = MagicLength;
        while (offset < file.Length - MagicLength)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(offset + 1)));
            records.Add(new Record(offset, file[offset], length));
            offset += HeaderLength + length;
        }

        return records;
    }

    /// <summary>The file with every CRC field set to 0 (which the spec defines as "not computed"), so edits reach the parsers.</summary>
    public static byte[] WithoutCrcs(byte[] file)
    {
        var copy = file.ToArray();
        foreach (var record in Walk(file))
        {
            var crcAt = record.Opcode switch
            {
                Chunk => record.ContentOffset + 24,
                Attachment => record.End - 4,
                DataEnd => record.ContentOffset,
                Footer => record.ContentOffset + 16,
                _ => -1,
            };
            if (crcAt >= 0)
            {
                copy.AsSpan(crcAt, 4).Clear();
            }
        }

        return copy;
    }

    public static byte[] WithLength(byte[] file, Record record, ulong length)
    {
        var copy = file.ToArray();
        BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(record.Offset + 1), length);
        return copy;
    }

    public static byte[] WithBitFlipped(byte[] file, int offset, int bit)
    {
        var copy = file.ToArray();
        copy[offset] ^= (byte)(1 << bit);
        return copy;
    }
}
