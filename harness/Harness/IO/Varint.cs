namespace Harness.IO;

/// <summary>
/// Unsigned LEB128 integers (7 bits a byte, least significant group first, high bit set on every byte but the last)
/// and the zig-zag mapping of signed ones (<c>(n &lt;&lt; 1) ^ (n &gt;&gt; 63)</c>), as the binary snapshots store their
/// counts, indices and ids: small numbers of either sign take one byte. <see cref="SnapshotReader"/> reads them back.
/// </summary>
internal static class Varint
{
    public const int MaxBytes = 10;

    public static void Write(Stream stream, ulong value)
    {
        Span<byte> bytes = stackalloc byte[MaxBytes];
        var length = 0;
        while (value >= 0x80)
        {
            bytes[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[length++] = (byte)value;
        stream.Write(bytes[..length]);
    }

    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
