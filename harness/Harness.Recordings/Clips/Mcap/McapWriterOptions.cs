namespace Harness.Clips.Mcap;

/// <summary>
/// How <see cref="McapWriter"/> lays out a file. The defaults write a fully indexed, chunked, LZ4-compressed file;
/// each switch matches one feature of the MCAP conformance writer variants.
/// </summary>
public sealed record McapWriterOptions
{
    public string Profile { get; init; } = "";

    public string Library { get; init; } = "harness";

    /// <summary>Group schemas, channels and messages into chunk records (conformance "ch").</summary>
    public bool UseChunks { get; init; } = true;

    /// <summary>A chunk is closed once its uncompressed records reach this many bytes.</summary>
    public int ChunkSize { get; init; } = 4 * 1024 * 1024;

    public McapCompression Compression { get; init; } = McapCompression.Lz4;

    /// <summary>Message index records after each chunk ("mx").</summary>
    public bool WriteMessageIndexes { get; init; } = true;

    /// <summary>A statistics record in the summary ("st").</summary>
    public bool WriteStatistics { get; init; } = true;

    /// <summary>Every schema repeated in the summary ("rsh").</summary>
    public bool RepeatSchemas { get; init; } = true;

    /// <summary>Every channel repeated in the summary ("rch").</summary>
    public bool RepeatChannels { get; init; } = true;

    /// <summary>Attachment index records in the summary ("ax").</summary>
    public bool WriteAttachmentIndex { get; init; } = true;

    /// <summary>Metadata index records in the summary ("mdx").</summary>
    public bool WriteMetadataIndex { get; init; } = true;

    /// <summary>Chunk index records in the summary ("chx").</summary>
    public bool WriteChunkIndex { get; init; } = true;

    /// <summary>Summary offset records locating each summary group ("sum").</summary>
    public bool WriteSummaryOffsets { get; init; } = true;

    /// <summary>
    /// Appends three extra bytes to every record whose layout allows it ("pad"). Only useful to test that readers
    /// skip bytes a later version of the format may add.
    /// </summary>
    public bool PadRecords { get; init; }

    /// <summary>
    /// These options with no summary section at all (no statistics, repeated schemas or channels, indexes or summary
    /// offsets): a file a reader can only scan from the start, as a recorder that crashed before closing leaves it.
    /// </summary>
    public McapWriterOptions WithoutSummary() => this with
    {
        WriteStatistics = false,
        RepeatSchemas = false,
        RepeatChannels = false,
        WriteAttachmentIndex = false,
        WriteMetadataIndex = false,
        WriteChunkIndex = false,
        WriteSummaryOffsets = false,
    };
}
