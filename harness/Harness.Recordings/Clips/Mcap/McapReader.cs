using System.Globalization;

namespace Harness.Clips.Mcap;

/// <summary>
/// Reads an MCAP file from a seekable stream. Messages stream in log-time order through
/// <see cref="ReadMessages"/>, holding only the chunks whose time ranges overlap in memory. The summary's chunk
/// index is used when present; otherwise one sequential pass locates the chunks first. Chunk CRCs are checked as
/// chunks load, the data section CRC once all messages were read, the summary CRC on open. Any malformed,
/// truncated or corrupted input raises <see cref="ClipFormatException"/> naming the file, byte offset and record.
/// </summary>
internal sealed class McapReader : IDisposable
{
    private readonly McapFile _file;
    private readonly McapDefinitions _definitions = new();
    private readonly McapSummary _summary;
    private readonly McapBlockLoader _loader;
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
            _summary = McapSummary.Read(_file, Footer, FooterOffset, _definitions);
            _loader = new McapBlockLoader(_file, _definitions, DataEnd);
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
    public McapStatistics? Statistics => _summary.Statistics;

    /// <summary>Schemas known so far: all of them once the summary repeats them or messages were read.</summary>
    public IReadOnlyDictionary<ushort, McapSchema> Schemas => _definitions.Schemas;

    /// <summary>Channels known so far: all of them once the summary repeats them or messages were read.</summary>
    public IReadOnlyDictionary<ushort, McapChannel> Channels => _definitions.Channels;

    /// <summary>Whether to check the data section CRC (a full sequential pass) after the last message. Default true.</summary>
    public bool VerifyDataSectionCrc { get; init; } = true;

    internal McapFooter Footer { get; }

    internal long FooterOffset => _file.Length - McapMagic.Length - McapMagic.FooterRecordLength;

    /// <summary>Where the data section must end by: the summary start, or the footer when there is no summary.</summary>
    private long DataEnd => Footer.SummaryStart != 0 ? (long)Footer.SummaryStart : FooterOffset;

    public void Dispose() => _file.Dispose();

    /// <summary>
    /// Messages in log-time order (ties in file order), filtered by <paramref name="options"/>. Blocks load when the
    /// merge reaches their start time, so memory holds only chunks whose time ranges overlap.
    /// </summary>
    public IEnumerable<McapMessage> ReadMessages(McapReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= McapReadOptions.All;
        var blocks = _summary.Blocks() ?? [.. Scan().Blocks];
        var allChunks = blocks.Where(block => block.IsChunk).ToList();
        var pending = blocks
            .Where(block => options.Overlaps(block.StartTime, block.EndTime) && MayHoldTopics(block, options))
            .OrderBy(block => block.StartTime)
            .ThenBy(block => block.Offset)
            .ToList();

        var channels = _definitions.Channels;
        var schemas = _definitions.Schemas;
        var queue = new PriorityQueue<McapLoadedBlock, (ulong, long, int)>();
        var next = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (next < pending.Count && (!queue.TryPeek(out _, out var head) || pending[next].StartTime <= head.Item1))
            {
                var loaded = _loader.Load(pending[next++], options, allChunks);
                if (loaded.HasCurrent)
                {
                    queue.Enqueue(loaded, loaded.CurrentKey);
                }
            }

            if (queue.Count == 0)
            {
                break;
            }

            var block = queue.Dequeue();
            var entry = block.Current;
            var channel = channels[entry.ChannelId];
            schemas.TryGetValue(channel.SchemaId, out var schema);
            yield return new McapMessage(channel, schema, entry.Sequence, entry.LogTime, entry.PublishTime, block.Data(entry));
            block.MoveNext();
            if (block.HasCurrent)
            {
                queue.Enqueue(block, block.CurrentKey);
            }
        }

        if (VerifyDataSectionCrc)
        {
            ThrowIfDataSectionCorrupted();
        }
    }

    /// <summary>Every attachment in file order, CRC-checked; located by the summary's index when it has one.</summary>
    public IEnumerable<McapAttachment> ReadAttachments()
    {
        var offsets = _summary.AttachmentOffsets() ?? [.. Scan().AttachmentOffsets];
        foreach (var offset in offsets)
        {
            var content = _file.ReadRecord(offset, McapOpcode.Attachment, FooterOffset);
            yield return McapRecordParser.Attachment(content, _file.At(offset, McapOpcode.Attachment));
        }
    }

    /// <summary>Every metadata record in file order; located by the summary's index when it has one.</summary>
    public IEnumerable<McapMetadata> ReadMetadata()
    {
        var offsets = _summary.MetadataOffsets() ?? [.. Scan().MetadataOffsets];
        foreach (var offset in offsets)
        {
            var content = _file.ReadRecord(offset, McapOpcode.Metadata, FooterOffset);
            yield return McapRecordParser.Metadata(content, _file.At(offset, McapOpcode.Metadata));
        }
    }

    /// <summary>The file's records as the MCAP conformance listings show them (<see cref="McapRecordListing"/>).</summary>
    internal IEnumerable<object> ReadAllRecords() => McapRecordListing.Read(_file);

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
            _scan = McapDataSectionScanner.Scan(_file, DataEnd);
            foreach (var schema in _scan.Schemas)
            {
                _definitions.Add(schema);
            }

            foreach (var channel in _scan.Channels)
            {
                _definitions.Add(channel);
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

    /// <summary>False only when the block's channels are all known and none is a wanted topic.</summary>
    private bool MayHoldTopics(McapBlock block, McapReadOptions options)
    {
        if (options.Topics is null || block.ChannelIds is null)
        {
            return true;
        }

        foreach (var id in block.ChannelIds)
        {
            if (!_definitions.Channels.TryGetValue(id, out var channel) || options.Topics.Contains(channel.Topic))
            {
                return true;
            }
        }

        return false;
    }
}
