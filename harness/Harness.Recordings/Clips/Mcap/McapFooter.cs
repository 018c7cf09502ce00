namespace Harness.Clips.Mcap;

/// <summary>The last record: where the summary and summary offset sections start (0 when absent) and their CRC.</summary>
internal sealed record McapFooter(ulong SummaryStart, ulong SummaryOffsetStart, uint SummaryCrc);
