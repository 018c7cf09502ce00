using System.Buffers.Binary;
using System.Globalization;

namespace Harness.Clips.Mcap;

/// <summary>Walks the records packed in a buffer (a chunk's records or the summary section) with bounds checks.</summary>
internal static class McapRecordWalker
{
    /// <summary>One record: its offset (within the buffer), opcode and content.</summary>
    public readonly record struct Entry(int Offset, byte Opcode, ReadOnlyMemory<byte> Content);

    /// <param name="locate">Builds the location of a record at a buffer offset, for error messages.</param>
    public static IEnumerable<Entry> Walk(ReadOnlyMemory<byte> records, Func<int, McapOpcode?, McapRecordLocation> locate)
    {
        var position = 0;
        while (position < records.Length)
        {
            if (records.Length - position < McapFile.RecordHeaderLength)
            {
                throw locate(position, null).Error(string.Create(
                    CultureInfo.InvariantCulture,
                    $"only {records.Length - position} bytes remain, too few for a record header"));
            }

            var opcode = records.Span[position];
            var length = BinaryPrimitives.ReadUInt64LittleEndian(records.Span.Slice(position + 1, 8));
            var known = Enum.IsDefined((McapOpcode)opcode) ? (McapOpcode?)opcode : null;
            if (length > (ulong)(records.Length - position - McapFile.RecordHeaderLength))
            {
                throw locate(position, known).Error(string.Create(
                    CultureInfo.InvariantCulture,
                    $"declares {length} content bytes but only {records.Length - position - McapFile.RecordHeaderLength} remain"));
            }

            yield return new Entry(position, opcode, records.Slice(position + McapFile.RecordHeaderLength, (int)length));
            position += McapFile.RecordHeaderLength + (int)length;
        }
    }
}
