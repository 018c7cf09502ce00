using System.Buffers.Binary;
using System.IO.Hashing;
using Harness.Clips.Synthetic;
using Harness.Results;
using Harness.TestKit;
using Harness.Tests.Hostile;

namespace Harness.Tests.Results;

/// <summary>
/// The truth snapshot stores the exact bits of every float, so special values are kept: negative zero, infinities
/// and NaN payloads round-trip like any other box, in every field. Its reader meets hostile bytes the way the
/// detection snapshot's does: a damaged file is refused naming the file and the byte, and never with anything but
/// <see cref="ResultsFormatException"/>.
/// </summary>
public sealed class TruthSnapshotFormatTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("truth-snapshot-");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Random_truth_round_trips_bit_exact_including_negative_zero_infinities_nan_payloads_and_extreme_ids()
    {
        var random = new Random(4321);
        var special = new TruthBox(int.MinValue, -0f, float.PositiveInfinity, float.NegativeInfinity, BitConverter.Int32BitsToSingle(0x7FC0_1234),
            int.MaxValue, -0f, BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_0001)), Ignore: true,
            new Box3D(-0f, float.NaN, float.Epsilon, float.MaxValue, float.MinValue, BitConverter.Int32BitsToSingle(0x7F80_0001), -0f));
        var frames = new List<TruthFrame> { new(-5, long.MinValue, [special, special with { ClassId = int.MaxValue, TrackId = int.MinValue }]) };
        var (index, timestamp) = (1_000_000_000_000L, 1_700_000_000_000_000_000L);
        for (var f = 0; f < 200; f++)
        {
            index += random.Next(-3, 50);
            timestamp += random.Next(-1_000_000, 200_000_000);
            frames.Add(new TruthFrame(index, timestamp, [.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => RandomBox(random))]));
        }

        frames.Add(new TruthFrame(long.MaxValue, long.MaxValue, [new TruthBox(-1, 1, 2, 3, 4, Ignore: true)]));
        frames.Add(new TruthFrame(long.MinValue, 0, []));

        var read = TruthSnapshotFormat.Decode(TruthSnapshotFormat.Encode(frames), "memory");

        AssertBitExact(frames, read);
    }

    [Fact]
    public void A_track_stores_its_3D_size_once_and_reads_it_back_on_every_box()
    {
        var car = new Box3D(10, 2, 0.8f, 4.5f, 1.8f, 1.6f, 0.1f);
        var turned = car with { CenterX = 11, Yaw = 0.2f };
        var resized = car with { Length = 4.6f };
        TruthFrame[] frames =
        [
            new(0, 0, [Box(7, car), Box(8, car with { Width = 2 }), Box(-1, car)]),
            new(1, 100, [Box(8, car with { Width = 2, CenterX = 3 }), Box(7, turned), Box(-1, turned)]),
            new(2, 200, [Box(7, resized), Box(7, resized)]),
        ];

        var bytes = TruthSnapshotFormat.Encode(frames);
        var read = TruthSnapshotFormat.Decode(bytes, "memory");

        AssertBitExact(frames, read);
        var length = 10f;
        var neverRepeating = frames.Select(f => f with { Truth = [.. f.Truth.Select(b => b with { Box3D = b.Box3D! with { Length = length++ } })] }).ToList();
        Assert.Equal(3 * 3 * sizeof(float), TruthSnapshotFormat.Encode(neverRepeating).Length - bytes.Length);
    }

    [Fact]
    public void Positive_zero_occlusion_takes_no_bytes_and_negative_zero_is_kept()
    {
        TruthFrame[] plain = [new(0, 0, [new TruthBox(0, 1, 2, 3, 4, Occlusion: 0f)])];
        TruthFrame[] negative = [new(0, 0, [new TruthBox(0, 1, 2, 3, 4, Occlusion: -0f)])];

        var (plainBytes, negativeBytes) = (TruthSnapshotFormat.Encode(plain), TruthSnapshotFormat.Encode(negative));

        Assert.Equal(4, negativeBytes.Length - plainBytes.Length);
        Assert.True(float.IsNegative(TruthSnapshotFormat.Decode(negativeBytes, "memory")[0].Truth[0].Occlusion));
        Assert.False(float.IsNegative(TruthSnapshotFormat.Decode(plainBytes, "memory")[0].Truth[0].Occlusion));
    }

    [Fact]
    public void A_2D_box_with_a_range_of_a_three_class_model_takes_22_bytes_and_26_when_occluded()
    {
        var box = new TruthBox(2, 100.5f, 50.25f, 30, 60, TrackId: 40, RangeMeters: 18.5f);
        var header = TruthSnapshotFormat.Encode([new TruthFrame(0, 0, [])]).Length;

        Assert.Equal(22, TruthSnapshotFormat.Encode([new TruthFrame(0, 0, [box])]).Length - header);
        Assert.Equal(26, TruthSnapshotFormat.Encode([new TruthFrame(0, 0, [box with { Occlusion = 0.3f }])]).Length - header);
    }

    /// <summary>
    /// The goal of the bundle's truth: at most 25 bytes a box, frame headers included, on the clips of the default
    /// scenarios (scenarios/*.yaml: their scenes and seeds, their first 60 frames). The synthetic clips carry a 3D box
    /// for every object; what the 3D boxes add is in the message (docs/formats.md has the figures of the whole clips).
    /// </summary>
    [Theory]
    [InlineData("urban-day", 7)]
    [InlineData("urban-night", 11)]
    [InlineData("urban-rain", 5)]
    [InlineData("crowd", 3)]
    [InlineData("highway", 13)]
    public void Truth_of_the_default_scenarios_takes_at_most_25_bytes_a_box_without_its_3D_boxes(string scene, int seed)
    {
        using var clip = new SyntheticClipReader(new SyntheticSceneOptions(scene, seed, Frames: 60));
        var frames = clip.ReadFrames().Select(f => new TruthFrame(f.Index, f.TimestampNs, [.. f.Truth])).ToList();
        var boxes = frames.Sum(f => f.Truth.Count);

        var with3D = TruthSnapshotFormat.Encode(frames).Length;
        var without3D = TruthSnapshotFormat.Encode([.. frames.Select(f => f with { Truth = [.. f.Truth.Select(b => b with { Box3D = null })] })]).Length;

        Assert.True(boxes > 100, $"{boxes} boxes");
        Assert.True((double)without3D / boxes <= 25, $"{scene}: {without3D} bytes for {boxes} boxes without 3D ({(double)without3D / boxes:0.00} a box), {with3D} with ({(double)with3D / boxes:0.00})");
    }

    [Fact]
    public void Empty_snapshot_round_trips()
    {
        Assert.Empty(TruthSnapshotFormat.Decode(TruthSnapshotFormat.Encode([]), "memory"));
    }

    [Fact]
    public void Same_truth_encodes_to_the_same_bytes()
    {
        Assert.Equal(TruthSnapshotFormat.Encode(RandomFrames(new Random(7))), TruthSnapshotFormat.Encode(RandomFrames(new Random(7))));
    }

    [Fact]
    public void File_written_atomically_reads_back_and_a_missing_one_is_named()
    {
        var path = temp.Combine("truth.bin");
        var frames = RandomFrames(new Random(3));

        TruthSnapshotFormat.Write(path, frames);

        AssertBitExact(frames, TruthSnapshotFormat.Read(path));
        Assert.Equal([path], Directory.EnumerateFiles(temp.Path));
        var missing = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Read(temp.Combine("gone.bin")));
        Assert.Equal(temp.Combine("gone.bin") + ": missing", missing.Message);
    }

    [Fact]
    public void Truncation_at_every_length_names_the_file()
    {
        var bytes = SmallFile();
        for (var length = 0; length < bytes.Length; length++)
        {
            var path = WriteFile($"truncated-{length}.bin", bytes[..length]);

            var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Read(path));

            Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The checksum sealed again after the cut: what is left to stop a truncated body is the decoder's own bounds checks.</summary>
    [Fact]
    public void Body_cut_at_every_byte_under_a_valid_checksum_names_the_file_and_a_byte()
    {
        var body = SmallFile()[..^4];
        for (var length = 5; length < body.Length; length++)
        {
            var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body[..length]), "cut.bin"));

            Assert.StartsWith("cut.bin: ", error.Message, StringComparison.Ordinal);
            Assert.Contains(" at byte ", error.Message, StringComparison.Ordinal);
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

            var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(corrupt, "flipped.bin"));

            Assert.StartsWith("flipped.bin: ", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Mutations sealed with a valid checksum, as a fuzzer that learned the CRC would make them: decoded, or refused naming the file.</summary>
    [Fact]
    public void Seeded_mutations_under_a_valid_checksum_decode_or_are_refused_naming_the_file()
    {
        var corpus = new[] { SmallFile()[..^4], TruthSnapshotFormat.Encode(RandomFrames(new Random(5)))[..^4] };
        foreach (var body in SeededMutations.Of(corpus, 3000, seed: 99).Where(b => b.Length > 0))
        {
            try
            {
                TruthSnapshotFormat.Decode(Seal(body), "mutated.bin");
            }
            catch (ResultsFormatException e)
            {
                Assert.StartsWith("mutated.bin: ", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Flipped_content_bit_is_reported_as_a_checksum_mismatch()
    {
        var corrupt = SmallFile();
        corrupt[12] ^= 0x10;

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Read(WriteFile("flipped.bin", corrupt)));

        Assert.Contains("flipped.bin: CRC-32", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_magic_names_the_file_and_the_bytes_found()
    {
        var bytes = SmallFile();
        "HDSN"u8.CopyTo(bytes);

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Read(WriteFile("magic.bin", bytes)));

        Assert.Contains("magic.bin: does not start with the truth snapshot magic 'HTSN' (found 4844534e)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_version_names_the_file_and_both_versions()
    {
        var bytes = SmallFile();
        bytes[4] = 2;

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Read(WriteFile("version.bin", bytes)));

        Assert.Contains("version.bin: truth snapshot format version 2 is not the supported version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frame_count_larger_than_the_file_can_hold_is_rejected_before_allocating()
    {
        var body = Concat(Header(), Varint(1UL << 62), [0, 0, 0]);

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body), "frames.bin"));

        Assert.Contains("frames.bin: frame count 4611686018427387904 at byte 5 exceeds what the remaining 3 bytes can hold (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Box_count_larger_than_the_file_can_hold_is_rejected_before_allocating()
    {
        // One frame (index 7, timestamp 0) declaring int.MaxValue boxes, followed by one box's worth of bytes.
        var body = Concat(Header(), Varint(1), Varint(14), Varint(0), Varint(int.MaxValue), new byte[18]);

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body), "count.bin"));

        Assert.Contains("count.bin: frame 7's box count 2147483647 at byte 8", error.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds what the remaining 18 bytes can hold (1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Varint_longer_than_64_bits_is_rejected()
    {
        var body = Concat(Header(), [.. Enumerable.Repeat((byte)0xFF, 10), 0x01]);

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body), "varint.bin"));

        Assert.Contains("varint.bin: frame count at byte 5 is not a valid varint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_last_frame_are_rejected()
    {
        var body = Concat(Header(), Varint(0), [0, 0, 0]);

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body), "trailing.bin"));

        Assert.Contains("trailing.bin: 3 unexpected bytes after the last of 0 frames, at byte 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_3D_size_of_a_track_no_earlier_box_has_is_refused_at_its_byte()
    {
        // Frame 0 at time 0, one box: class 0 (stored as 1) with flags 3D (8) and size repeats (16), track 5.
        var body = Concat(Header(), Varint(1), Varint(0), Varint(0), Varint(1), Varint((1 << 5) | 8 | 16), new byte[16], Varint(12), new byte[16]);

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body), "size.bin"));

        Assert.Contains("size.bin: frame 0 box 0's 3D box at byte 27 repeats the size of track 5's last 3D box, which no box before it has", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1UL << 37, "class and flags 137438953472 at byte 9 are not a class id and flags")]
    [InlineData(16UL, "class and flags 16 at byte 9 are not a class id and flags")]
    public void Class_ids_beyond_32_bits_and_size_repeats_without_a_3D_box_are_refused(ulong head, string message)
    {
        var body = Concat(Header(), Varint(1), Varint(0), Varint(0), Varint(1), Varint(head), new byte[16], Varint(0));

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body), "head.bin"));

        Assert.Contains("head.bin: frame 0 box 0's " + message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_id_beyond_32_bits_is_refused()
    {
        var body = Concat(Header(), Varint(1), Varint(0), Varint(0), Varint(1), Varint(1 << 5), new byte[16], Varint(1UL << 40));

        var error = Assert.Throws<ResultsFormatException>(() => TruthSnapshotFormat.Decode(Seal(body), "track.bin"));

        Assert.Contains("track.bin: frame 0 box 0's track id 549755813887 at byte 26 is beyond 32 bits", error.Message, StringComparison.Ordinal);
    }

    private static TruthBox Box(int track, Box3D box3D) => new(0, 1, 2, 3, 4, track, RangeMeters: 10, Box3D: box3D);

    private static List<TruthFrame> RandomFrames(Random random) =>
        [.. Enumerable.Range(0, 40).Select(i => new TruthFrame(i, 1_000_000_000L + (i * 100_000_000L), [.. Enumerable.Range(0, random.Next(0, 25)).Select(_ => RealisticBox(random))]))];

    /// <summary>Some fields present and some not, as clips of every format give them.</summary>
    private static TruthBox RealisticBox(Random random)
    {
        var x = random.NextSingle() * 600;
        var y = random.NextSingle() * 350;
        return new TruthBox(random.Next(-1, 3), x, y, 4 + (random.NextSingle() * 100), 4 + (random.NextSingle() * 80),
            random.Next(0, 4) == 0 ? -1 : random.Next(0, 60),
            random.Next(0, 2) == 0 ? 0f : random.NextSingle(),
            random.Next(0, 3) == 0 ? null : random.NextSingle() * 80,
            random.Next(0, 5) == 0,
            random.Next(0, 2) == 0 ? null : new Box3D(random.NextSingle() * 80, random.NextSingle() * 20, 0.8f, 4.5f, 1.8f, 1.6f, random.NextSingle()));
    }

    private static TruthBox RandomBox(Random random) => new(
        random.Next(int.MinValue, int.MaxValue), RandomBits(random), RandomBits(random), RandomBits(random), RandomBits(random),
        random.Next(0, 3) == 0 ? -1 : random.Next(int.MinValue, int.MaxValue),
        random.Next(0, 2) == 0 ? 0f : RandomBits(random),
        random.Next(0, 2) == 0 ? null : RandomBits(random),
        random.Next(0, 2) == 0,
        random.Next(0, 2) == 0 ? null : new Box3D(RandomBits(random), RandomBits(random), RandomBits(random), RandomBits(random), RandomBits(random), RandomBits(random), RandomBits(random)));

    private static float RandomBits(Random random) => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));

    private static void AssertBitExact(IReadOnlyList<TruthFrame> expected, IReadOnlyList<TruthFrame> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Index, e.TimestampNs), (a.Index, a.TimestampNs));
            Assert.Equal(e.Truth.Select(Bits), a.Truth.Select(Bits));
        }
    }

    private static string Bits(TruthBox b) => string.Join(' ', new object?[]
    {
        b.ClassId, Bits(b.X), Bits(b.Y), Bits(b.Width), Bits(b.Height), b.TrackId, Bits(b.Occlusion), b.RangeMeters is { } r ? Bits(r) : "-", b.Ignore,
        b.Box3D is { } d ? string.Join(',', new[] { d.CenterX, d.CenterY, d.CenterZ, d.Length, d.Width, d.Height, d.Yaw }.Select(Bits)) : "-",
    });

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);

    /// <summary>Two frames, three boxes with every optional field between them: small enough to corrupt at every byte and bit.</summary>
    private static byte[] SmallFile() => TruthSnapshotFormat.Encode(
    [
        new TruthFrame(3, 1_000, [new TruthBox(0, 10.5f, 20.25f, 30, 40, 7, 0.25f, 12.5f, Box3D: new Box3D(12, 1, 0.8f, 4, 2, 1.5f, 0.1f)), new TruthBox(-1, 1, 2, 3, 4, Ignore: true)]),
        new TruthFrame(4, 1_100, []),
        new TruthFrame(9, 1_600, [new TruthBox(2, 100, 200, 50, 60, 7, RangeMeters: 30, Box3D: new Box3D(13, 1, 0.8f, 4, 2, 1.5f, 0.2f))]),
    ]);

    private string WriteFile(string name, byte[] bytes)
    {
        var path = temp.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Header() => [.. "HTSN"u8, TruthSnapshotFormat.Version];

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
