namespace Harness.Clips.Mcap;

/// <summary>The eight bytes that open and close every MCAP file (version byte '0').</summary>
internal static class McapMagic
{
    public const int Length = 8;

    /// <summary>Opcode (1) + content length (8) + summary start (8) + summary offset start (8) + CRC (4).</summary>
    public const int FooterRecordLength = 29;

    public static ReadOnlySpan<byte> Bytes => [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', (byte)'0', (byte)'\r', (byte)'\n'];
}
