using System.Buffers.Binary;
using Harness.IO;

namespace Harness.Gate;

/// <summary>
/// The binary form of a <see cref="DetectionSnapshot"/>. Layout, all integers little-endian:
/// <c>"HDSN"</c>, a version byte, a varint frame count; per frame the zig-zag varint difference of its index from the
/// previous frame's (the first from 0) and a varint detection count; per detection a varint class id (as unsigned
/// 32 bits) and X1, Y1, X2, Y2, Score as float32; then a CRC-32 of everything before it (<see cref="SnapshotEnvelope"/>).
/// Floats are stored as their exact bits (negative zero, infinities and NaN payloads included), so a read-back
/// snapshot re-scores to the same metrics; the same detections always give the same bytes. A detection takes 21
/// bytes with class ids below 128.
/// </summary>
internal static class DetectionSnapshotFormat
{
    public const byte Version = 1;

    private const string Kind = "detection snapshot";
    private const int BoxBytes = 5 * sizeof(float);

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
        using var stream = SnapshotEnvelope.Begin(Magic, Version, snapshot.Frames.Sum(f => (2 * Varint.MaxBytes) + (f.Detections.Count * MinDetectionBytes)));
        Span<byte> box = stackalloc byte[BoxBytes];
        Varint.Write(stream, (ulong)snapshot.Frames.Count);
        var previous = 0L;
        foreach (var frame in snapshot.Frames)
        {
            Varint.Write(stream, Varint.ZigZag(unchecked(frame.Index - previous)));
            Varint.Write(stream, (ulong)frame.Detections.Count);
            previous = frame.Index;
            foreach (var d in frame.Detections)
            {
                Varint.Write(stream, unchecked((uint)d.ClassId));
                BinaryPrimitives.WriteSingleLittleEndian(box, d.X1);
                BinaryPrimitives.WriteSingleLittleEndian(box[4..], d.Y1);
                BinaryPrimitives.WriteSingleLittleEndian(box[8..], d.X2);
                BinaryPrimitives.WriteSingleLittleEndian(box[12..], d.Y2);
                BinaryPrimitives.WriteSingleLittleEndian(box[16..], d.Score);
                stream.Write(box);
            }
        }

        return SnapshotEnvelope.Seal(stream);
    }

    /// <param name="path">The file the bytes came from, named in every error.</param>
    /// <exception cref="BaselineFormatException">The bytes are truncated, corrupt, or not a detection snapshot of this version.</exception>
    public static DetectionSnapshot Decode(ReadOnlySpan<byte> bytes, string path)
    {
        Func<string, Exception> error = problem => new BaselineFormatException($"{path}: {problem}");
        var reader = new SnapshotReader(SnapshotEnvelope.Open(bytes, Magic, Version, Kind, error), SnapshotEnvelope.HeaderBytes(Magic), error);
        var frameCount = reader.ReadCount(MinFrameBytes, new("frame count"));
        var frames = new List<SnapshotFrame>(frameCount);
        var previous = 0L;
        for (var f = 0; f < frameCount; f++)
        {
            var index = unchecked(previous + Varint.UnZigZag(reader.ReadVarint(new("index", f))));
            var count = reader.ReadCount(MinDetectionBytes, new("detection count", index));
            var detections = new Detection[count];
            for (var i = 0; i < count; i++)
            {
                var classId = reader.ReadVarint(new("class id", index, "detection", i));
                if (classId > uint.MaxValue)
                {
                    throw error($"frame {index} detection {i} has class id {classId}, beyond 32 bits, at byte {reader.Position}");
                }

                var box = reader.ReadBytes(BoxBytes, new("box", index, "detection", i));
                detections[i] = new Detection(
                    BinaryPrimitives.ReadSingleLittleEndian(box),
                    BinaryPrimitives.ReadSingleLittleEndian(box[4..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[8..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[12..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[16..]),
                    unchecked((int)(uint)classId));
            }

            frames.Add(new SnapshotFrame(index, detections));
            previous = index;
        }

        reader.End(frameCount);
        return new DetectionSnapshot(frames);
    }
}
