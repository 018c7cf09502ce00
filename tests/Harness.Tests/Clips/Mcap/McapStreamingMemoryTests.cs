using System.Buffers.Binary;
using Harness.Clips.Mcap;
using Harness.Tests.Testing;

namespace Harness.Tests.Clips.Mcap;

/// <summary>
/// A 2,000-frame clip of 256 KiB frames (500 MiB) streams with live managed memory far below the file size: a
/// reader that loaded the file, or kept the messages it read, would hold about 500 MiB more here. The growth over the
/// live memory before the reader opened is measured, not the process's total: what other tests' caches hold (which
/// varies with the machine's vector width and the order tests ran in) is no part of the reader's footprint.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class McapStreamingMemoryTests : IDisposable
{
    private const int FrameCount = 2000;
    private const int FrameBytes = 256 << 10;
    private const long GrowthBound = 48L << 20;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mcap-memory-{Guid.NewGuid():N}.mcap");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Streams_two_thousand_frames_in_flat_memory(bool withSummary)
    {
        var options = new McapWriterOptions { Compression = McapCompression.None };
        WriteClip(withSummary ? options : options.WithoutSummary());
        Assert.True(new FileInfo(_path).Length > (long)FrameCount * FrameBytes);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var count = 0;
        using (var reader = McapReader.Open(_path))
        {
            foreach (var message in reader.ReadMessages())
            {
                Assert.Equal(count, BinaryPrimitives.ReadInt32LittleEndian(message.Data.Span));
                Assert.Equal(FrameBytes, message.Data.Length);
                if (count % 100 == 50)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
                }

                count++;
            }
        }

        Assert.Equal(FrameCount, count);
        Assert.True(peak < GrowthBound, $"live managed memory grew by {peak >> 20} MiB while streaming");
    }

    private void WriteClip(McapWriterOptions options)
    {
        var frame = new byte[FrameBytes];
        new Random(1).NextBytes(frame);
        using var writer = McapWriter.Create(_path, options);
        writer.AddChannel(new McapChannel(1, 0, "/camera/front", "raw"));
        for (var i = 0; i < FrameCount; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(frame, i);
            writer.WriteMessage(1, (ulong)i * 50_000_000, (ulong)i * 50_000_000, (uint)i, frame);
        }
    }
}
