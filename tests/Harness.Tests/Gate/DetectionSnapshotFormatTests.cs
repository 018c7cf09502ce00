using System.Buffers.Binary;
using System.IO.Hashing;
using Harness.Gate;
using Harness.TestKit;

namespace Harness.Tests.Gate;

/// <summary>
/// The detection snapshot codec stores the exact bits of every float, so the decision on special values is "keep
/// them": negative zero, infinities and NaN payloads round-trip like any other box.
/// </summary>
public sealed class DetectionSnapshotFormatTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("detection-snapshot-");

    [Fact]
    public void Random_detections_round_trip_bit_exact_including_negative_zero_infinities_and_nan_payloads()
    {
        var random = new Random(1234);
        var frames = new List<SnapshotFrame> { new(-5, [new Detection(-0f, 0f, float.PositiveInfinity, float.NegativeInfinity, BitConverter.Int32BitsToSingle(0x7FC0_1234), int.MaxValue)]) };
        var index = 1_000_000_000_000L;
        for (var f = 0; f < 200; f++)
        {
            index += random.Next(-3, 50);
            frames.Add(new SnapshotFrame(index, [.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => RandomDetection(random))]));
        }

        frames.Add(new SnapshotFrame(long.MinValue, [new Detection(1, 2, 3, 4, 0.5f, -1)]));
        frames.Add(new SnapshotFrame(long.MaxValue, []));
        var snapshot = new DetectionSnapshot(frames);

        var read = DetectionSnapshotFormat.Decode(DetectionSnapshotFormat.Encode(snapshot), "memory");

        AssertBitExact(snapshot, read);
    }

    [Fact]
    public void Empty_snapshot_round_trips()
    {
        var read = DetectionSnapshotFormat.Decode(DetectionSnapshotFormat.Encode(new DetectionSnapshot([])), "memory");

        Assert.Empty(read.Frames);
    }

    [Fact]
    public void Same_detections_encode_to_the_same_bytes()
    {
        var first = DetectionSnapshotFormat.Encode(RealisticSnapshot(new Random(7)));
        var second = DetectionSnapshotFormat.Encode(RealisticSnapshot(new Random(7)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Realistic_frame_mix_takes_at_most_25_bytes_per_detection()
    {
        var snapshot = RealisticSnapshot(new Random(11));
        var detections = snapshot.Frames.Sum(f => f.Detections.Count);

        var bytes = DetectionSnapshotFormat.Encode(snapshot).Length;

        Assert.True((double)bytes / detections <= 25, $"{bytes} bytes for {detections} detections");
    }

    [Fact]
    public void File_written_atomically_reads_back()
    {
        var path = temp.Combine("s.detections.received.bin");
        var snapshot = RealisticSnapshot(new Random(3));

        DetectionSnapshotFormat.Write(path, snapshot);

        AssertBitExact(snapshot, DetectionSnapshotFormat.Read(path));
        Assert.Equal([path], Directory.EnumerateFiles(temp.Path));
    }

    [Fact]
    public void Truncation_at_every_length_names_the_file()
    {
        var bytes = SmallFile();
        for (var length = 0; length < bytes.Length; length++)
        {
            var path = WriteFile($"truncated-{length}.bin", bytes[..length]);

            var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Read(path));

            Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_single_flipped_bit_names_the_file()
    {
        var bytes = SmallFile();
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[bit / 8] ^= (byte)(1 << (bit % 8));

            var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Decode(corrupt, "flipped.bin"));

            Assert.StartsWith("flipped.bin: ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Flipped_content_bit_is_reported_as_a_checksum_mismatch()
    {
        var corrupt = SmallFile();
        corrupt[12] ^= 0x10;

        var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Read(WriteFile("flipped.bin", corrupt)));

        Assert.Contains("flipped.bin: CRC-32", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_magic_names_the_file_and_the_bytes_found()
    {
        var bytes = SmallFile();
        "{\"cl"u8.CopyTo(bytes);

        var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Read(WriteFile("magic.bin", bytes)));

        Assert.Contains("magic.bin: does not start with the detection snapshot magic 'HDSN' (found 7b22636c)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_version_names_the_file_and_both_versions()
    {
        var bytes = SmallFile();
        bytes[4] = 2;

        var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Read(WriteFile("version.bin", bytes)));

        Assert.Contains("version.bin: detection snapshot format version 2 is not the supported version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frame_count_larger_than_the_file_can_hold_is_rejected_before_allocating()
    {
        // Header, then a frame count of 2^62 with a valid checksum: only the size check stands in the way.
        var body = Concat("HDSN"u8.ToArray(), [DetectionSnapshotFormat.Version], Varint(1UL << 62), [0, 0]);

        var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Read(WriteFile("frames.bin", Seal(body))));

        Assert.Contains("frames.bin: frame count 4611686018427387904 at byte 5 exceeds what the remaining 2 bytes can hold (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_count_larger_than_the_file_can_hold_is_rejected_before_allocating()
    {
        // One frame (index 7) declaring int.MaxValue detections, followed by a single detection's worth of bytes.
        var body = Concat("HDSN"u8.ToArray(), [DetectionSnapshotFormat.Version], Varint(1), Varint(14), Varint(int.MaxValue), new byte[21]);

        var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Read(WriteFile("count.bin", Seal(body))));

        Assert.Contains("count.bin: frame 7's detection count 2147483647", error.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds what the remaining 21 bytes can hold (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Varint_longer_than_64_bits_is_rejected()
    {
        var body = Concat("HDSN"u8.ToArray(), [DetectionSnapshotFormat.Version], [.. Enumerable.Repeat((byte)0xFF, 10), 0x01]);

        var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Decode(Seal(body), "varint.bin"));

        Assert.Contains("varint.bin: frame count at byte 5 is not a valid varint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_last_frame_are_rejected()
    {
        var body = Concat("HDSN"u8.ToArray(), [DetectionSnapshotFormat.Version], Varint(0), [0, 0, 0]);

        var error = Assert.Throws<BaselineFormatException>(() => DetectionSnapshotFormat.Decode(Seal(body), "trailing.bin"));

        Assert.Contains("trailing.bin: 3 unexpected bytes after the last of 0 frames", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>Frames of 0 to 120 detections of three classes on a 1920x1080 image, scores above a 0.25 threshold.</summary>
    internal static DetectionSnapshot RealisticSnapshot(Random random) =>
        new([.. Enumerable.Range(0, 60).Select(i => new SnapshotFrame(i, [.. Enumerable.Range(0, random.Next(0, 121)).Select(_ => RealisticDetection(random))]))]);

    private static Detection RealisticDetection(Random random)
    {
        var x = random.NextSingle() * 1800;
        var y = random.NextSingle() * 1000;
        return new Detection(x, y, x + 4 + (random.NextSingle() * 300), y + 4 + (random.NextSingle() * 200), 0.25f + (random.NextSingle() * 0.75f), random.Next(0, 3));
    }

    private static Detection RandomDetection(Random random) =>
        new(RandomBits(random), RandomBits(random), RandomBits(random), RandomBits(random), RandomBits(random), random.Next(int.MinValue, int.MaxValue));

    private static float RandomBits(Random random) => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));

    private static void AssertBitExact(DetectionSnapshot expected, DetectionSnapshot actual)
    {
        Assert.Equal(expected.Frames.Count, actual.Frames.Count);
        foreach (var (e, a) in expected.Frames.Zip(actual.Frames))
        {
            Assert.Equal(e.Index, a.Index);
            Assert.Equal(e.Detections.Select(Bits), a.Detections.Select(Bits));
        }
    }

    private static (int, int, int, int, int, int) Bits(Detection d) =>
        (BitConverter.SingleToInt32Bits(d.X1), BitConverter.SingleToInt32Bits(d.Y1), BitConverter.SingleToInt32Bits(d.X2), BitConverter.SingleToInt32Bits(d.Y2), BitConverter.SingleToInt32Bits(d.Score), d.ClassId);

    /// <summary>Two frames, three detections: small enough to corrupt at every byte and bit.</summary>
    private static byte[] SmallFile() => DetectionSnapshotFormat.Encode(new DetectionSnapshot(
    [
        new SnapshotFrame(3, [new Detection(10.5f, 20.25f, 30, 40, 0.9f, 0), new Detection(1, 2, 3, 4, 0.3f, 2)]),
        new SnapshotFrame(4, []),
        new SnapshotFrame(9, [new Detection(100, 200, 150, 260, 0.55f, 1)]),
    ]));

    private string WriteFile(string name, byte[] bytes)
    {
        var path = temp.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Seal(byte[] body)
    {
        var sealedBytes = new byte[body.Length + 4];
        body.CopyTo(sealedBytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(sealedBytes.AsSpan(body.Length), Crc32.HashToUInt32(body));
        return sealedBytes;
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        for (; value >= 0x80; value >>= 7)
        {
            bytes.Add((byte)(value | 0x80));
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
