using Harness.Metrics.Bootstrap;

namespace Harness.Tests.Metrics.Bootstrap;

public sealed class MovingBlockResamplerTests
{
    private static long[] Timestamps(int frames, long intervalNs) => [.. Enumerable.Range(0, frames).Select(i => 5_000 + (i * intervalNs))];

    [Fact]
    public void Block_length_is_block_seconds_over_the_median_frame_interval()
    {
        Assert.Equal(10, MovingBlockResampler.BlockLength(Timestamps(100, 100_000_000), 1.0));
        Assert.Equal(3, MovingBlockResampler.BlockLength(Timestamps(100, 100_000_000), 0.3));

        // Gaps of 100 ms and one of 600 ms (a dropped stretch), listed out of order: the median is still 100 ms.
        long[] irregular = [.. Timestamps(20, 100_000_000).Append(2_500_000_000).Reverse()];
        Assert.Equal(10, MovingBlockResampler.BlockLength(irregular, 1.0));
    }

    [Fact]
    public void Block_length_rounds_half_to_even()
    {
        // 0.5 s over 200 ms frames is 2.5 frames: rounds to 2, as Python's round does; 1.5 s is 7.5: rounds to 8.
        Assert.Equal(2, MovingBlockResampler.BlockLength(Timestamps(100, 200_000_000), 0.5));
        Assert.Equal(8, MovingBlockResampler.BlockLength(Timestamps(100, 200_000_000), 1.5));
    }

    [Fact]
    public void Block_length_is_one_when_all_timestamps_are_equal_or_there_is_one_frame()
    {
        Assert.Equal(1, MovingBlockResampler.BlockLength([7, 7, 7, 7], 1.0));
        Assert.Equal(1, MovingBlockResampler.BlockLength([7], 1.0));
        Assert.Equal(1, MovingBlockResampler.BlockLength(Timestamps(50, 2_000_000_000), 1.0));
    }

    [Fact]
    public void Block_length_is_capped_at_the_frame_count()
    {
        Assert.Equal(5, MovingBlockResampler.BlockLength(Timestamps(5, 100_000_000), 1.0));
    }

    [Theory]
    [InlineData(12, 3)]
    [InlineData(10, 3)]
    [InlineData(7, 1)]
    [InlineData(9, 8)]
    public void A_resample_is_whole_blocks_of_consecutive_frames_truncated_to_the_frame_count(int frames, int blockLength)
    {
        var resampler = new MovingBlockResampler(frames, blockLength, seed: 3);
        var sequence = new int[frames];
        var starts = new HashSet<int>();
        for (var r = 0; r < 500; r++)
        {
            resampler.Next(sequence);
            for (var first = 0; first < frames; first += blockLength)
            {
                var start = sequence[first];
                Assert.InRange(start, 0, frames - blockLength);
                starts.Add(start);
                for (var j = first; j < Math.Min(first + blockLength, frames); j++)
                {
                    Assert.Equal(start + j - first, sequence[j]);
                }
            }
        }

        // Every allowed start is drawn.
        Assert.Equal(frames - blockLength + 1, starts.Count);
    }

    [Fact]
    public void A_block_as_long_as_the_clip_draws_the_clip_itself()
    {
        var resampler = new MovingBlockResampler(6, 6, seed: 1);
        var sequence = new int[6];
        resampler.Next(sequence);
        Assert.Equal([0, 1, 2, 3, 4, 5], sequence);
    }

    [Fact]
    public void The_same_seed_draws_the_same_resamples_and_another_seed_others()
    {
        int[] Draw(ulong seed)
        {
            var resampler = new MovingBlockResampler(40, 4, seed);
            var all = new List<int>();
            var sequence = new int[40];
            for (var r = 0; r < 5; r++)
            {
                resampler.Next(sequence);
                all.AddRange(sequence);
            }

            return [.. all];
        }

        Assert.Equal(Draw(42), Draw(42));
        Assert.NotEqual(Draw(42), Draw(43));
    }

    [Fact]
    public void SplitMix64_follows_the_reference_sequence()
    {
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
    }

    [Fact]
    public void Frame_weights_count_the_draws_and_lane_zero_is_every_frame_once()
    {
        var weights = FrameWeights.Draw(frames: 10, resamples: 3, blockLength: 2, seed: 9);
        var resampler = new MovingBlockResampler(10, 2, 9);
        var sequence = new int[10];
        for (var r = 0; r < 3; r++)
        {
            resampler.Next(sequence);
            for (var frame = 0; frame < 10; frame++)
            {
                Assert.Equal(1f, weights.Row(frame, 0, 1)[0]);
                Assert.Equal(sequence.Count(f => f == frame), weights.Row(frame, r + 1, 1)[0]);
            }
        }
    }
}
