using System.Buffers.Binary;
using System.IO.Hashing;
using Harness.IO;

namespace Harness.Gate;

/// <summary>
/// The binary form of a <see cref="DetectionSnapshot"/>. Layout, all integers little-endian:
/// <c>"HDSN"</c>, a version byte, a varint frame count; per frame the zig-zag varint difference of its index from the
/// previous frame's (the first from 0) and a varint detection count; per detection a varint class id (as unsigned
/// 32 bits) and X1, Y1, X2, Y2, Score as float32; then a CRC-32 of everything before it. Floats are stored as their
/// exact bits (negative zero, infinities and NaN payloads included), so a read-back snapshot re-scores to the same
/// metrics; the same detections always give the same bytes. A detection takes 21 bytes with class ids below 128.
/// </summary>
internal static class DetectionSnapshotFormat
{
    public const byte Version = 1;

    private const int HeaderBytes = 5;
    private const int ChecksumBytes = sizeof(uint);
    private const int BoxBytes = 5 * sizeof(float);
    private const int MaxVarintBytes = 10;

    /// <summary>The least a frame can take (one-byte index difference and count): bounds a declared frame count by the file's size.</summary>
    private const int MinFrameBytes = 2;

    /// <summary>The least a detection can take: bounds a declared detection count by the file's size.</summary>
    private const int MinDetectionBytes = 1 + BoxBytes;

    private static ReadOnlySpan<byte> Magic => "HDSN"u8;

    public static void Write(string path, DetectionSnapshot snapshot)
    {
        var bytes = Encode(snapshot);
        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, bytes));
    }

    /// <exception cref="BaselineFormatException">The file is truncated, corrupt, or not a detection snapshot of this version.</exception>
    public static DetectionSnapshot Read(string path) => Decode(File.ReadAllBytes(path), path);

    public static byte[] Encode(DetectionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var stream = new MemoryStream(HeaderBytes + ChecksumBytes + snapshot.Frames.Sum(f => (2 * MaxVarintBytes) + (f.Detections.Count * MinDetectionBytes)));
        Span<byte> scratch = stackalloc byte[MaxVarintBytes + BoxBytes];
        stream.Write(Magic);
        stream.WriteByte(Version);
        WriteVarint(stream, (ulong)snapshot.Frames.Count, scratch);
        var previous = 0L;
        foreach (var frame in snapshot.Frames)
        {
            WriteVarint(stream, ZigZag(unchecked(frame.Index - previous)), scratch);
            WriteVarint(stream, (ulong)frame.Detections.Count, scratch);
            previous = frame.Index;
            foreach (var d in frame.Detections)
            {
                WriteVarint(stream, unchecked((uint)d.ClassId), scratch);
                BinaryPrimitives.WriteSingleLittleEndian(scratch, d.X1);
                BinaryPrimitives.WriteSingleLittleEndian(scratch[4..], d.Y1);
                BinaryPrimitives.WriteSingleLittleEndian(scratch[8..], d.X2);
                BinaryPrimitives.WriteSingleLittleEndian(scratch[12..], d.Y2);
                BinaryPrimitives.WriteSingleLittleEndian(scratch[16..], d.Score);
                stream.Write(scratch[..BoxBytes]);
            }
        }

        var body = stream.GetBuffer().AsSpan(0, (int)stream.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(scratch, Crc32.HashToUInt32(body));
        stream.Write(scratch[..ChecksumBytes]);
        return stream.ToArray();
    }

    /// <param name="path">The file the bytes came from, named in every error.</param>
    /// <exception cref="BaselineFormatException">The bytes are truncated, corrupt, or not a detection snapshot of this version.</exception>
    public static DetectionSnapshot Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < HeaderBytes + ChecksumBytes)
        {
            throw Error(path, $"{bytes.Length} bytes is too short for a detection snapshot's header and checksum ({HeaderBytes + ChecksumBytes} bytes); the file is truncated");
        }

        if (!bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw Error(path, $"does not start with the detection snapshot magic 'HDSN' (found {Convert.ToHexStringLower(bytes[..Magic.Length])})");
        }

        if (bytes[Magic.Length] != Version)
        {
            throw Error(path, $"detection snapshot format version {bytes[Magic.Length]} is not the supported version {Version}");
        }

        var body = bytes[..^ChecksumBytes];
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^ChecksumBytes..]);
        var actual = Crc32.HashToUInt32(body);
        if (stored != actual)
        {
            throw Error(path, $"CRC-32 {actual:x8} of the content does not match the stored {stored:x8}; the file is truncated or corrupt");
        }

        return DecodeBody(body, path);
    }

    private static DetectionSnapshot DecodeBody(ReadOnlySpan<byte> body, string path)
    {
        var position = HeaderBytes;
        var frameCount = ReadCount(body, ref position, MinFrameBytes, "frame count", path);
        var frames = new List<SnapshotFrame>(frameCount);
        var previous = 0L;
        for (var f = 0; f < frameCount; f++)
        {
            var index = unchecked(previous + UnZigZag(ReadVarint(body, ref position, $"frame {f}'s index", path)));
            var count = ReadCount(body, ref position, MinDetectionBytes, $"frame {index}'s detection count", path);
            var detections = new Detection[count];
            for (var i = 0; i < count; i++)
            {
                var classId = ReadVarint(body, ref position, $"frame {index} detection {i}'s class id", path);
                if (classId > uint.MaxValue)
                {
                    throw Error(path, $"frame {index} detection {i} has class id {classId}, beyond 32 bits, at byte {position}");
                }

                if (body.Length - position < BoxBytes)
                {
                    throw Error(path, $"ends inside frame {index} detection {i}'s box at byte {position}");
                }

                var box = body.Slice(position, BoxBytes);
                detections[i] = new Detection(
                    BinaryPrimitives.ReadSingleLittleEndian(box),
                    BinaryPrimitives.ReadSingleLittleEndian(box[4..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[8..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[12..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[16..]),
                    unchecked((int)(uint)classId));
                position += BoxBytes;
            }

            frames.Add(new SnapshotFrame(index, detections));
            previous = index;
        }

        if (position != body.Length)
        {
            throw Error(path, $"{body.Length - position} unexpected bytes after the last of {frameCount} frames, at byte {position}");
        }

        return new DetectionSnapshot(frames);
    }

    /// <summary>A count checked against the bytes left, so a corrupt count never sizes an allocation beyond the file.</summary>
    private static int ReadCount(ReadOnlySpan<byte> body, ref int position, int minBytesEach, string what, string path)
    {
        var start = position;
        var count = ReadVarint(body, ref position, what, path);
        var room = (ulong)((body.Length - position) / minBytesEach);
        return count <= room
            ? (int)count
            : throw Error(path, $"{what} {count} at byte {start} exceeds what the remaining {body.Length - position} bytes can hold ({room})");
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> body, ref int position, string what, string path)
    {
        var start = position;
        var value = 0UL;
        for (var shift = 0; shift < 7 * MaxVarintBytes; shift += 7)
        {
            if (position >= body.Length)
            {
                throw Error(path, $"ends inside {what} at byte {start}");
            }

            var b = body[position++];
            if (shift == 7 * (MaxVarintBytes - 1) && b > 1)
            {
                break;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Error(path, $"{what} at byte {start} is not a valid varint (longer than 64 bits)");
    }

    private static void WriteVarint(Stream stream, ulong value, Span<byte> scratch)
    {
        var length = 0;
        while (value >= 0x80)
        {
            scratch[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        scratch[length++] = (byte)value;
        stream.Write(scratch[..length]);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static BaselineFormatException Error(string path, string problem) => new($"{path}: {problem}");
}
