using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Harness.IO;

/// <summary>
/// What every binary snapshot (detections, truth) wraps its body in: a four-byte magic and a version byte before it,
/// a CRC-32 (IEEE, zlib's <c>crc32</c>) of every byte before the checksum after it. The checksum is checked before a
/// byte of the body is decoded, so a truncated or corrupt file is named as such rather than as whatever field its
/// damage happens to break.
/// </summary>
internal static class SnapshotEnvelope
{
    public const int ChecksumBytes = sizeof(uint);

    public static int HeaderBytes(ReadOnlySpan<byte> magic) => magic.Length + 1;

    public static MemoryStream Begin(ReadOnlySpan<byte> magic, byte version, int capacity)
    {
        var stream = new MemoryStream(HeaderBytes(magic) + capacity + ChecksumBytes);
        stream.Write(magic);
        stream.WriteByte(version);
        return stream;
    }

    /// <returns>Everything written to <paramref name="stream"/> since <see cref="Begin"/>, and its checksum.</returns>
    public static byte[] Seal(MemoryStream stream)
    {
        Span<byte> checksum = stackalloc byte[ChecksumBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(checksum, Crc32.HashToUInt32(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        stream.Write(checksum);
        return stream.ToArray();
    }

    /// <param name="kind">What the file is, as errors name it ("detection snapshot").</param>
    /// <param name="error">The format's exception for a problem, which the caller prefixes with the file's path.</param>
    /// <returns>The bytes before the checksum; the body starts at <see cref="HeaderBytes"/>.</returns>
    public static ReadOnlySpan<byte> Open(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> magic, byte version, string kind, Func<string, Exception> error)
    {
        var header = HeaderBytes(magic);
        if (bytes.Length < header + ChecksumBytes)
        {
            throw error($"{bytes.Length} bytes is too short for a {kind}'s header and checksum ({header + ChecksumBytes} bytes); the file is truncated");
        }

        if (!bytes[..magic.Length].SequenceEqual(magic))
        {
            throw error($"does not start with the {kind} magic '{Encoding.ASCII.GetString(magic)}' (found {Convert.ToHexStringLower(bytes[..magic.Length])})");
        }

        if (bytes[magic.Length] != version)
        {
            throw error($"{kind} format version {bytes[magic.Length]} is not the supported version {version}");
        }

        var body = bytes[..^ChecksumBytes];
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^ChecksumBytes..]);
        var actual = Crc32.HashToUInt32(body);
        return stored == actual
            ? body
            : throw error($"CRC-32 {actual:x8} of the content does not match the stored {stored:x8}; the file is truncated or corrupt");
    }
}
