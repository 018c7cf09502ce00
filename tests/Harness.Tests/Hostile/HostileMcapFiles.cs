using Harness.Clips.Mcap;
using Harness.Fuzz;

namespace Harness.Tests.Hostile;

/// <summary>
/// The fuzz corpus's CRC-checked clips, by shape (compressed, uncompressed and no chunks, with and without a summary),
/// which between them hold every record type, to derive hostile variants from.
/// </summary>
internal static class HostileMcapFiles
{
    public static IReadOnlyDictionary<string, byte[]> Valid { get; } = FuzzCorpus.Mcap()
        .Where(seed => !seed.Name.Contains("-nocrc", StringComparison.Ordinal))
        .ToDictionary(seed => Path.GetFileNameWithoutExtension(seed.Name), seed => seed.Bytes, StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. Valid.Keys];

    /// <summary>
    /// Reads everything a file holds without catching anything; attachments first, so that their own CRC speaks
    /// before the data section's.
    /// </summary>
    public static void ReadAll(byte[] bytes, string name)
    {
        using var reader = new McapReader(new MemoryStream(bytes, writable: false), name);
        _ = reader.ReadAttachments().Count();
        _ = reader.ReadMetadata().Count();
        foreach (var message in reader.ReadMessages())
        {
            _ = message.Data.Length;
        }
    }
}
