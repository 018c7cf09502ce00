using Harness.Clips.Mcap;

namespace Harness.Tests.Clips.Mcap;

public sealed class McapFilterTests
{
    private static readonly McapTestClip Clip = new(seed: 21, count: 800, maxPayload: 200);

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Time_window_keeps_log_times_in_start_inclusive_end_exclusive_range(bool chunked, bool withSummary)
    {
        var start = Clip.Messages[200].LogTime;
        var end = Clip.Messages[500].LogTime;
        using var reader = Open(chunked, withSummary);

        var read = reader.ReadMessages(new McapReadOptions { StartTime = start, EndTime = end }).Select(m => m.Sequence).ToList();

        var expected = Clip.InLogTimeOrder.Where(m => m.LogTime >= start && m.LogTime < end).Select(m => m.Sequence).ToList();
        Assert.NotEmpty(expected);
        Assert.Contains(Clip.Messages, m => m.LogTime == start);
        Assert.Equal(expected, read);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Topic_filter_keeps_only_named_topics(bool chunked, bool withSummary)
    {
        using var reader = Open(chunked, withSummary);
        var topics = new HashSet<string> { "/lidar/top", "/truth/front" };

        var read = reader.ReadMessages(new McapReadOptions { Topics = topics }).Select(m => m.Sequence).ToList();

        var expected = Clip.InLogTimeOrder.Where(m => topics.Contains(m.Topic)).Select(m => m.Sequence).ToList();
        Assert.Equal(expected, read);
        Assert.True(expected.Count < Clip.Messages.Count);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Window_and_topic_combine(bool chunked, bool withSummary)
    {
        var start = Clip.Messages[100].LogTime;
        using var reader = Open(chunked, withSummary);

        var read = reader.ReadMessages(new McapReadOptions { StartTime = start, Topics = new HashSet<string> { "/camera/front" } })
            .Select(m => m.Sequence).ToList();

        var expected = Clip.InLogTimeOrder.Where(m => m.LogTime >= start && m.Topic == "/camera/front").Select(m => m.Sequence).ToList();
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Empty_window_yields_nothing()
    {
        using var reader = Open(chunked: true, withSummary: true);

        Assert.Empty(reader.ReadMessages(new McapReadOptions { StartTime = 0, EndTime = 1 }));
    }

    private static McapReader Open(bool chunked, bool withSummary)
    {
        var options = new McapWriterOptions { UseChunks = chunked, ChunkSize = 2048, Compression = McapCompression.Zstd };
        return new McapReader(Clip.Write(withSummary ? options : options.WithoutSummary()), "filters.mcap");
    }
}
