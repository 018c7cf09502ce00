using System.Buffers.Binary;
using Harness.IO;

namespace Harness.Results;

/// <summary>
/// <c>truth.bin</c>: every scored frame's index, timestamp and truth boxes, the binary companion of the detection
/// snapshot (docs/formats.md has the byte layout and a Python reader). Floats are stored as their exact bits, so
/// every field of a <see cref="TruthBox"/> reads back bit for bit. A few rules keep a box near the 21 bytes of a
/// detection: its class id and which optional fields it has share one varint; occlusion is stored only when it is
/// not +0, range and the 3D box only when the clip has them; a track id is stored as its difference from the previous
/// box's in the frame (boxes are usually listed in track order); and a 3D box's length, width and height, which are the
/// object's and so the same on every frame of its track, are left out when they repeat those of the last box of the
/// same track. A 2D box with a range takes 22 bytes (class id below 3, track id within 63 of the previous box's), 26
/// when it is occluded; its 3D box adds 16 bytes, 28 the first time its track has that size.
/// </summary>
internal static class TruthSnapshotFormat
{
    public const byte Version = 1;

    private const string Kind = "truth snapshot";
    private const int Ignore = 1;
    private const int Occlusion = 2;
    private const int Range = 4;
    private const int Box3D = 8;
    private const int SizeRepeats = 16;
    private const int FlagBits = 5;
    private const int NoTrack = -1;
    private const int BoxBytes = 4 * sizeof(float);

    /// <summary>The least a frame can take (one-byte index and timestamp differences and box count): bounds a declared frame count by the file's size.</summary>
    private const int MinFrameBytes = 3;

    /// <summary>The least a box can take (one-byte head and track id, the 2D box): bounds a declared box count by the file's size.</summary>
    private const int MinBoxBytes = 1 + BoxBytes + 1;

    private static ReadOnlySpan<byte> Magic => "HTSN"u8;

    public static void Write(string path, IReadOnlyList<TruthFrame> frames)
    {
        var bytes = Encode(frames);
        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, bytes));
    }

    /// <exception cref="ResultsFormatException">The file is missing, truncated, corrupt, or not a truth snapshot of this version; the message names it and the byte.</exception>
    public static IReadOnlyList<TruthFrame> Read(string path) =>
        File.Exists(path) ? Decode(File.ReadAllBytes(path), path) : throw new ResultsFormatException($"{path}: missing");

    public static byte[] Encode(IReadOnlyList<TruthFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        using var stream = SnapshotEnvelope.Begin(Magic, Version, frames.Sum(f => (3 * Varint.MaxBytes) + (f.Truth.Count * (MinBoxBytes + 8))));
        Span<byte> floats = stackalloc byte[7 * sizeof(float)];
        var sizes = new Dictionary<int, (float Length, float Width, float Height)>();
        Varint.Write(stream, (ulong)frames.Count);
        var (index, timestamp) = (0L, 0L);
        foreach (var frame in frames)
        {
            Varint.Write(stream, Varint.ZigZag(unchecked(frame.Index - index)));
            Varint.Write(stream, Varint.ZigZag(unchecked(frame.TimestampNs - timestamp)));
            Varint.Write(stream, (ulong)frame.Truth.Count);
            (index, timestamp) = (frame.Index, frame.TimestampNs);
            var track = (long)NoTrack;
            foreach (var box in frame.Truth)
            {
                var repeats = box.Box3D is { } b && box.TrackId != NoTrack && sizes.TryGetValue(box.TrackId, out var size) && SameBits(size, b);
                var flags = (box.Ignore ? Ignore : 0)
                    | (BitConverter.SingleToInt32Bits(box.Occlusion) != 0 ? Occlusion : 0)
                    | (box.RangeMeters is not null ? Range : 0)
                    | (box.Box3D is not null ? Box3D : 0)
                    | (repeats ? SizeRepeats : 0);
                Varint.Write(stream, ((ulong)unchecked((uint)(box.ClassId + 1)) << FlagBits) | (uint)flags);
                BinaryPrimitives.WriteSingleLittleEndian(floats, box.X);
                BinaryPrimitives.WriteSingleLittleEndian(floats[4..], box.Y);
                BinaryPrimitives.WriteSingleLittleEndian(floats[8..], box.Width);
                BinaryPrimitives.WriteSingleLittleEndian(floats[12..], box.Height);
                stream.Write(floats[..BoxBytes]);
                Varint.Write(stream, Varint.ZigZag(box.TrackId - track));
                track = box.TrackId;
                if ((flags & Occlusion) != 0)
                {
                    WriteSingle(stream, box.Occlusion, floats);
                }

                if (box.RangeMeters is { } range)
                {
                    WriteSingle(stream, range, floats);
                }

                if (box.Box3D is { } box3D)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(floats, box3D.CenterX);
                    BinaryPrimitives.WriteSingleLittleEndian(floats[4..], box3D.CenterY);
                    BinaryPrimitives.WriteSingleLittleEndian(floats[8..], box3D.CenterZ);
                    BinaryPrimitives.WriteSingleLittleEndian(floats[12..], box3D.Yaw);
                    BinaryPrimitives.WriteSingleLittleEndian(floats[16..], box3D.Length);
                    BinaryPrimitives.WriteSingleLittleEndian(floats[20..], box3D.Width);
                    BinaryPrimitives.WriteSingleLittleEndian(floats[24..], box3D.Height);
                    stream.Write(floats[..(repeats ? 16 : 28)]);
                    if (box.TrackId != NoTrack)
                    {
                        sizes[box.TrackId] = (box3D.Length, box3D.Width, box3D.Height);
                    }
                }
            }
        }

        return SnapshotEnvelope.Seal(stream);
    }

    /// <param name="path">The file the bytes came from, named in every error.</param>
    /// <exception cref="ResultsFormatException">The bytes are truncated, corrupt, or not a truth snapshot of this version.</exception>
    public static IReadOnlyList<TruthFrame> Decode(ReadOnlySpan<byte> bytes, string path)
    {
        Func<string, Exception> error = problem => new ResultsFormatException($"{path}: {problem}");
        var reader = new SnapshotReader(SnapshotEnvelope.Open(bytes, Magic, Version, Kind, error), SnapshotEnvelope.HeaderBytes(Magic), error);
        var sizes = new Dictionary<int, (float Length, float Width, float Height)>();
        var frameCount = reader.ReadCount(MinFrameBytes, new("frame count"));
        var frames = new List<TruthFrame>(frameCount);
        var (index, timestamp) = (0L, 0L);
        for (var f = 0; f < frameCount; f++)
        {
            index = unchecked(index + Varint.UnZigZag(reader.ReadVarint(new("index", f))));
            timestamp = unchecked(timestamp + Varint.UnZigZag(reader.ReadVarint(new("timestamp", index))));
            var boxes = new TruthBox[reader.ReadCount(MinBoxBytes, new("box count", index))];
            var track = (long)NoTrack;
            for (var i = 0; i < boxes.Length; i++)
            {
                var start = reader.Position;
                var head = reader.ReadVarint(new("class and flags", index, "box", i));
                var flags = (int)(head & ((1 << FlagBits) - 1));
                if (head >> FlagBits > uint.MaxValue || ((flags & SizeRepeats) != 0 && (flags & Box3D) == 0))
                {
                    throw error($"frame {index} box {i}'s class and flags {head} at byte {start} are not a class id and flags a truth snapshot can hold");
                }

                var box = reader.ReadBytes(BoxBytes, new("box", index, "box", i));
                var trackStart = reader.Position;
                track += Varint.UnZigZag(reader.ReadVarint(new("track id", index, "box", i)));
                if (track is < int.MinValue or > int.MaxValue)
                {
                    throw error($"frame {index} box {i}'s track id {track} at byte {trackStart} is beyond 32 bits");
                }

                var occlusion = (flags & Occlusion) != 0 ? reader.ReadSingle(new("occlusion", index, "box", i)) : 0f;
                float? range = (flags & Range) != 0 ? reader.ReadSingle(new("range", index, "box", i)) : null;
                Box3D? box3D = null;
                if ((flags & Box3D) != 0)
                {
                    box3D = Read3D(ref reader, (flags & SizeRepeats) != 0, (int)track, sizes, new("3D box", index, "box", i), error);
                }

                boxes[i] = new TruthBox(
                    unchecked((int)(uint)(head >> FlagBits) - 1),
                    BinaryPrimitives.ReadSingleLittleEndian(box),
                    BinaryPrimitives.ReadSingleLittleEndian(box[4..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[8..]),
                    BinaryPrimitives.ReadSingleLittleEndian(box[12..]),
                    (int)track,
                    occlusion,
                    range,
                    (flags & Ignore) != 0,
                    box3D);
            }

            frames.Add(new TruthFrame(index, timestamp, boxes));
        }

        reader.End(frameCount);
        return frames;
    }

    private static Box3D Read3D(ref SnapshotReader reader, bool sizeRepeats, int track, Dictionary<int, (float Length, float Width, float Height)> sizes,
        SnapshotField field, Func<string, Exception> error)
    {
        var start = reader.Position;
        var pose = reader.ReadBytes(16, field);
        (float Length, float Width, float Height) size;
        if (!sizeRepeats)
        {
            var read = reader.ReadBytes(12, field);
            size = (BinaryPrimitives.ReadSingleLittleEndian(read), BinaryPrimitives.ReadSingleLittleEndian(read[4..]), BinaryPrimitives.ReadSingleLittleEndian(read[8..]));
        }
        else if (track == NoTrack || !sizes.TryGetValue(track, out size))
        {
            throw error($"{field} at byte {start} repeats the size of track {track}'s last 3D box, which no box before it has");
        }

        if (track != NoTrack)
        {
            sizes[track] = size;
        }

        return new Box3D(
            BinaryPrimitives.ReadSingleLittleEndian(pose),
            BinaryPrimitives.ReadSingleLittleEndian(pose[4..]),
            BinaryPrimitives.ReadSingleLittleEndian(pose[8..]),
            size.Length,
            size.Width,
            size.Height,
            BinaryPrimitives.ReadSingleLittleEndian(pose[12..]));
    }

    private static bool SameBits((float Length, float Width, float Height) size, Box3D box) =>
        BitConverter.SingleToInt32Bits(size.Length) == BitConverter.SingleToInt32Bits(box.Length)
        && BitConverter.SingleToInt32Bits(size.Width) == BitConverter.SingleToInt32Bits(box.Width)
        && BitConverter.SingleToInt32Bits(size.Height) == BitConverter.SingleToInt32Bits(box.Height);

    private static void WriteSingle(Stream stream, float value, Span<byte> scratch)
    {
        BinaryPrimitives.WriteSingleLittleEndian(scratch, value);
        stream.Write(scratch[..sizeof(float)]);
    }
}
