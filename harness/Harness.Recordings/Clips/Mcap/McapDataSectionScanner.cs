using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Harness.Clips.Mcap;

/// <summary>
/// One sequential pass over the data section (magic through the record before DataEnd): hashes every byte for the
/// data section CRC and notes where chunks, loose messages, attachments and metadata are, without decompressing.
/// </summary>
internal sealed class McapDataSectionScanner : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int ChunkFixedPrefix = 8 + 8 + 8 + 4 + 4;
    private const int MessageFixedPrefix = 2 + 4 + 8 + 8;

    private readonly McapFile _file;
    private readonly long _limit;
    private readonly Crc32 _crc = new();
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private long _position;

    private McapDataSectionScanner(McapFile file, long limit)
    {
        _file = file;
        _limit = limit;
    }

    /// <param name="limit">Where the data section must end by (the summary start or the footer).</param>
    public static McapDataSectionScan Scan(McapFile file, long limit)
    {
        using var scanner = new McapDataSectionScanner(file, limit);
        return scanner.Run();
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private McapDataSectionScan Run()
    {
        var blocks = new List<McapBlock>();
        var schemas = new List<McapSchema>();
        var channels = new List<McapChannel>();
        var attachments = new List<long>();
        var metadata = new List<long>();
        _file.Stream.Position = 0;
        Skip(McapMagic.Length, null);

        Span<byte> header = stackalloc byte[McapFile.RecordHeaderLength];
        Span<byte> messagePrefix = stackalloc byte[MessageFixedPrefix];
        while (true)
        {
            var offset = _position;
            if (_limit - offset < McapFile.RecordHeaderLength)
            {
                throw _file.At(offset, McapOpcode.DataEnd).Error("the data section ends without a DataEnd record (the file is truncated or corrupted)");
            }

            var crcBeforeRecord = _crc.GetCurrentHashAsUInt32();
            Read(header, null);
            var opcode = header[0];
            var known = Enum.IsDefined((McapOpcode)opcode) ? (McapOpcode?)opcode : null;
            var length = BinaryPrimitives.ReadUInt64LittleEndian(header[1..]);
            _file.CheckLength(offset, known, length, _limit);
            var at = _file.At(offset, known);
            switch (known)
            {
                case McapOpcode.DataEnd:
                    var content = ReadContent((int)length, at);
                    var dataEnd = McapRecordParser.DataEnd(content, at);
                    return new McapDataSectionScan(blocks, schemas, channels, attachments, metadata, offset, dataEnd.DataSectionCrc, crcBeforeRecord);
                case McapOpcode.Chunk:
                    blocks.Add(ScanChunkHeader(offset, (long)length, at));
                    break;
                case McapOpcode.Message when length >= MessageFixedPrefix:
                    Read(messagePrefix, at);
                    var logTime = BinaryPrimitives.ReadUInt64LittleEndian(messagePrefix[6..]);
                    blocks.Add(new McapBlock(offset, false, logTime, logTime, [BinaryPrimitives.ReadUInt16LittleEndian(messagePrefix)]));
                    Skip((long)length - MessageFixedPrefix, at);
                    break;
                case McapOpcode.Schema:
                    var schema = McapRecordParser.Schema(ReadContent((int)length, at), at);
                    schemas.Add(schema with { Data = schema.Data.ToArray() });
                    break;
                case McapOpcode.Channel:
                    channels.Add(McapRecordParser.Channel(ReadContent((int)length, at), at));
                    break;
                case McapOpcode.Attachment:
                    attachments.Add(offset);
                    Skip((long)length, at);
                    break;
                case McapOpcode.Metadata:
                    metadata.Add(offset);
                    Skip((long)length, at);
                    break;
                default:
                    Skip((long)length, at);
                    break;
            }
        }
    }

    private McapBlock ScanChunkHeader(long offset, long length, McapRecordLocation at)
    {
        if (length < ChunkFixedPrefix)
        {
            throw at.Error("too short for a chunk header");
        }

        Span<byte> prefix = stackalloc byte[ChunkFixedPrefix];
        Read(prefix, at);
        var start = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        var end = BinaryPrimitives.ReadUInt64LittleEndian(prefix[8..]);
        Skip(length - ChunkFixedPrefix, at);
        return new McapBlock(offset, true, start, end, null);
    }

    private ReadOnlyMemory<byte> ReadContent(int length, McapRecordLocation at)
    {
        var content = new byte[length];
        Read(content, at);
        return content;
    }

    private void Read(Span<byte> target, McapRecordLocation? at)
    {
        if (_position + target.Length > _limit)
        {
            throw (at ?? _file.At(_position)).Error("runs past the end of the data section (the file is truncated)");
        }

        _file.Stream.ReadExactly(target);
        _crc.Append(target);
        _position += target.Length;
    }

    private void Skip(long count, McapRecordLocation? at)
    {
        while (count > 0)
        {
            var piece = (int)Math.Min(count, _buffer.Length);
            Read(_buffer.AsSpan(0, piece), at);
            count -= piece;
        }
    }
}
