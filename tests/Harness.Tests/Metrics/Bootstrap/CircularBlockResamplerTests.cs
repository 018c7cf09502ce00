using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class CircularBlockResamplerTests
{
    private static long[] Timestamps(int frames, long intervalNs) => [.. Enumerable.Range(0, frames).Select(i => 5_000 + (i * intervalNs))];

    [Fact]
    public void Block_length_is_block_seconds_over_the_median_frame_interval()
    {
        Assert.Equal(10, CircularBlockResampler.BlockLength(Timestamps(100, 100_000_000), 1.0));
        Assert.Equal(3, CircularBlockResampler.BlockLength(Timestamps(100, 100_000_000), 0.3));

        // Gaps of 100 ms and one of 600 ms (a dropped stretch), listed out of order: the median is still 100 ms.
        long[] irregular = [.. Timestamps(20, 100_000_000).Append(2_500_000_000).Reverse()];
        Assert.Equal(10, CircularBlockResampler.BlockLength(irregular, 1.0));
    }

    [Fact]
    public void Block_length_rounds_half_to_even()
    {
        // 0.5 s over 200 ms frames is 2.5 frames: rounds to 2, as Python's round does; 1.5 s is 7.5: rounds to 8.
        Assert.Equal(2, CircularBlockResampler.BlockLength(Timestamps(100, 200_000_000), 0.5));
        Assert.Equal(8, CircularBlockResampler.BlockLength(Timestamps(100, 200_000_000), 1.5));
    }

    [Fact]
    public void Block_length_is_one_when_all_timestamps_are_equal_or_there_is_one_frame()
    {
        Assert.Equal(1, CircularBlockResampler.BlockLength([7, 7, 7, 7], 1.0));
        Assert.Equal(1, CircularBlockResampler.BlockLength([7], 1.0));
        Assert.Equal(1, CircularBlockResampler.BlockLength(Timestamps(50, 2_000_000_000), 1.0));
    }

    [Fact]
    public void Block_length_is_capped_at_the_frame_count()
    {
        Assert.Equal(5, CircularBlockResampler.BlockLength(Timestamps(5, 100_000_000), 1.0));
    }

    [Theory]
    [InlineData(12, 3)]
    [InlineData(10, 3)]
    [InlineData(7, 1)]
    [InlineData(9, 8)]
    public void A_resample_is_whole_circular_blocks_truncated_to_the_frame_count_and_every_start_is_drawn(int frames, int blockLength)
    {
        var resampler = new CircularBlockResampler(frames, blockLength);
        var random = new SplitMix64(3);
        var sequence = new int[frames];
        var starts = new HashSet<int>();
        for (var r = 0; r < 500; r++)
        {
            resampler.Next(ref random, sequence);
            for (var first = 0; first < frames; first += blockLength)
            {
                var start = sequence[first];
                starts.Add(start);
                for (var j = first; j < Math.Min(first + blockLength, frames); j++)
                {
                    Assert.Equal((start + j - first) % frames, sequence[j]);
                }
            }
        }

        // Every frame starts a block, the last ones too: their blocks wrap to the first frames.
        Assert.Equal(frames, starts.Count);
    }

    [Fact]
    public void A_block_as_long_as_the_clip_draws_the_clip_rotated()
    {
        var resampler = new CircularBlockResampler(6, 6);
        var random = new SplitMix64(1);
        var sequence = new int[6];

        resampler.Next(ref random, sequence);

        var start = sequence[0];
        Assert.Equal(Enumerable.Range(0, 6).Select(j => (start + j) % 6), sequence);
    }

    [Fact]
    public void Every_frame_is_drawn_once_per_resample_on_average_the_first_and_last_included()
    {
        // Blocks that stopped at the end drew frame 0 in 1/(n - L + 1) of the block starts, about 2.5 times less often
        // than a middle frame at these sizes; circular blocks draw each frame once per resample in expectation.
        const int Frames = 30, Resamples = 40_000;
        var resampler = new CircularBlockResampler(Frames, 7);
        var random = new SplitMix64(11);
        var sequence = new int[Frames];
        var counts = new int[Frames];
        for (var r = 0; r < Resamples; r++)
        {
            resampler.Next(ref random, sequence);
            foreach (var frame in sequence)
            {
                counts[frame]++;
            }
        }

        foreach (var frame in new[] { 0, 1, 15, 28, 29 })
        {
            Assert.InRange(counts[frame] / (double)Resamples, 0.97, 1.03);
        }
    }

    [Fact]
    public void The_same_seed_draws_the_same_resamples_and_another_seed_others()
    {
        static int[] Draw(ulong seed)
        {
            var resampler = new CircularBlockResampler(40, 4);
            var random = new SplitMix64(seed);
            var all = new List<int>();
            var sequence = new int[40];
            for (var r = 0; r < 5; r++)
            {
                resampler.Next(ref random, sequence);
                all.AddRange(sequence);
            }

            return [.. all];
        }

        Assert.Equal(Draw(42), Draw(42));
        Assert.NotEqual(Draw(42), Draw(43));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    [InlineData(5, 6)]
    public void Empty_clips_and_blocks_outside_one_to_the_frame_count_are_refused(int frames, int blockLength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircularBlockResampler(frames, blockLength));
    }

    [Fact]
    public void SplitMix64_follows_the_reference_sequence()
    {
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
    }
}
