using System.Globalization;

namespace Harness.Clips.Mcap;

/// <summary>
/// Reads an MCAP file from a seekable stream. Messages stream in log-time order through
/// <see cref="ReadMessages"/>, holding only the chunks whose time ranges overlap in memory. The summary's chunk
/// index is used when present; otherwise one sequential pass locates the chunks first. Chunk CRCs are checked as
/// chunks load, the data section CRC once all messages were read, the summary CRC on open. Any malformed,
/// truncated or corrupted input raises <see cref="ClipFormatException"/> naming the file, byte offset and record.
/// </summary>
internal sealed partial class McapReader : IDisposable
{
    private readonly McapFile _file;
    private readonly Dictionary<ushort, McapSchema> _schemas = [];
    private readonly Dictionary<ushort, McapChannel> _channels = [];
    private McapDataSectionScan? _scan;

    public McapReader(Stream stream, string? fileName = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("McapReader needs a readable, seekable stream.", nameof(stream));
        }

        _file = new McapFile(stream, fileName ?? "<stream>", leaveOpen);
        try
        {
            Header = ReadHeader();
            Footer = ReadFooter();
            ReadSummary();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public static McapReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return new McapReader(stream, path);
    }

    public string FileName => _file.Name;

    public McapHeader Header { get; }

    /// <summary>From the summary; null when the file has none.</summary>
    public McapStatistics? Statistics { get; private set; }

    /// <summary>Schemas known so far: all of them once the summary repeats them or messages were read.</summary>
    public IReadOnlyDictionary<ushort, McapSchema> Schemas => _schemas;

    /// <summary>Channels known so far: all of them once the summary repeats them or messages were read.</summary>
    public IReadOnlyDictionary<ushort, McapChannel> Channels => _channels;

    /// <summary>Whether to check the data section CRC (a full sequential pass) after the last message. Default true.</summary>
    public bool VerifyDataSectionCrc { get; init; } = true;

    internal McapFooter Footer { get; }

    internal long FooterOffset => _file.Length - McapMagic.Length - McapMagic.FooterRecordLength;

    public void Dispose() => _file.Dispose();

    private McapHeader ReadHeader()
    {
        const int minimum = McapMagic.Length * 2 + McapMagic.FooterRecordLength + McapFile.RecordHeaderLength;
        if (_file.Length < minimum)
        {
            throw new ClipFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{_file.Name}: {_file.Length} bytes is too short for an MCAP file (at least {minimum}); the file is truncated or not MCAP"));
        }

        Span<byte> magic = stackalloc byte[McapMagic.Length];
        _file.ReadExactlyAt(0, magic, null);
        if (!magic.SequenceEqual(McapMagic.Bytes))
        {
            throw new ClipFormatException($"{_file.Name}: byte offset 0: not an MCAP file (the magic bytes are missing)");
        }

        var content = _file.ReadRecord(McapMagic.Length, McapOpcode.Header, _file.Length);
        return McapRecordParser.Header(content, _file.At(McapMagic.Length, McapOpcode.Header));
    }

    private McapFooter ReadFooter()
    {
        Span<byte> magic = stackalloc byte[McapMagic.Length];
        var magicOffset = _file.Length - McapMagic.Length;
        _file.ReadExactlyAt(magicOffset, magic, null);
        if (!magic.SequenceEqual(McapMagic.Bytes))
        {
            throw _file.At(FooterOffset, McapOpcode.Footer).Error(string.Create(
                CultureInfo.InvariantCulture,
                $"expected the Footer record and closing magic here, before the end of the file at byte {_file.Length}; the file is truncated (the writer did not finish) or corrupted"));
        }

        var content = _file.ReadRecord(FooterOffset, McapOpcode.Footer, magicOffset);
        return McapRecordParser.Footer(content, _file.At(FooterOffset, McapOpcode.Footer));
    }

    /// <summary>The data section scan, made on first need and kept.</summary>
    private McapDataSectionScan Scan()
    {
        if (_scan is null)
        {
            var limit = Footer.SummaryStart != 0 ? (long)Footer.SummaryStart : FooterOffset;
            _scan = McapDataSectionScanner.Scan(_file, limit);
            foreach (var schema in _scan.Schemas)
            {
                _schemas.TryAdd(schema.Id, schema);
            }

            foreach (var channel in _scan.Channels)
            {
                _channels.TryAdd(channel.Id, channel);
            }
        }

        return _scan;
    }

    private void ThrowIfDataSectionCorrupted()
    {
        var scan = Scan();
        if (scan.RecordedCrc != 0 && scan.RecordedCrc != scan.ComputedCrc)
        {
            throw _file.At(scan.DataEndOffset, McapOpcode.DataEnd).Error(
                $"data section CRC mismatch: recorded 0x{scan.RecordedCrc:X8}, computed 0x{scan.ComputedCrc:X8} (the data section is corrupted)");
        }
    }
}
