using Harness.Metrics.Families.Streaming;

namespace Harness.Tests.Metrics.Families;

/// <summary>
/// The streaming schedule on hand-worked timelines (times in ms, one model, a fixed latency): which frames the model
/// takes, which it skips, and which output each frame is shown; and against a batch restatement of mtli/sAP's rules on
/// random timelines.
/// </summary>
public sealed class StreamingScheduleTests
{
    private const long Ms = 1_000_000;

    private static long[] Times(params long[] ms) => [.. ms.Select(t => t * Ms)];

    [Fact]
    public void A_slow_model_skips_the_frames_that_arrive_while_it_is_busy_and_a_finish_at_a_frames_time_is_shown_at_it()
    {
        // Frames every 100 ms, 150 ms per frame:
        //   0 @0    starts 0, finishes 150           shown: none (nothing finished yet)
        //   1 @100  waits                            shown: none
        //   2 @200  0 finished at 150; 1 starts 150, finishes 300; 2 waits          shown: 0
        //   3 @300  1 finishes at 300, this frame arrives then: 3 starts (2 skipped) shown: 1 (300 <= 300)
        //   4 @400  waits                            shown: 1
        //   5 @500  3 finished at 450; 4 starts 450, finishes 600; 5 waits          shown: 3
        //   6 @600  4 finishes at 600: 6 starts (5 skipped)                         shown: 4
        var sources = StreamingSchedule.Sources(Times(0, 100, 200, 300, 400, 500, 600), 150 * Ms);

        Assert.Equal([-1, -1, 0, 1, 1, 3, 4], sources);
    }

    [Fact]
    public void The_schedule_says_which_frame_runs_which_waits_and_which_is_shown()
    {
        var schedule = new StreamingSchedule(150 * Ms);

        Assert.Equal((-1, 0, -1), (schedule.Arrive(0), schedule.Running, schedule.Waiting));
        Assert.Equal((-1, 0, 1), (schedule.Arrive(100 * Ms), schedule.Running, schedule.Waiting));
        Assert.Equal((0, 1, 2), (schedule.Arrive(200 * Ms), schedule.Running, schedule.Waiting));
        Assert.Equal((1, 3, -1), (schedule.Arrive(300 * Ms), schedule.Running, schedule.Waiting));
        Assert.Equal((1, 4), (schedule.Shown, schedule.Arrived));
    }

    [Fact]
    public void A_fast_model_waits_for_each_frame_and_shows_it_one_frame_late()
    {
        // 40 ms per frame, frames every 100 ms: each output finishes before the next frame, which the model waits for.
        Assert.Equal([-1, 0, 1, 2], StreamingSchedule.Sources(Times(0, 100, 200, 300), 40 * Ms));
    }

    [Fact]
    public void A_model_as_slow_as_the_frame_interval_takes_every_frame_as_its_last_output_finishes()
    {
        Assert.Equal([-1, 0, 1, 2], StreamingSchedule.Sources(Times(0, 100, 200, 300), 100 * Ms));

        // 1 ns slower: every frame is missed by 1 ns, so each output is shown a frame later than it would have been.
        Assert.Equal([-1, -1, 0, 1], StreamingSchedule.Sources(Times(0, 100, 200, 300), (100 * Ms) + 1));
    }

    [Fact]
    public void An_output_finishing_one_nanosecond_after_a_frame_is_not_shown_at_it()
    {
        // 200 ms: 0 finishes at 200, where frame 2 arrives and is taken (1 skipped); 2 finishes at 400.
        Assert.Equal([-1, -1, 0, 0, 2], StreamingSchedule.Sources(Times(0, 100, 200, 300, 400), 200 * Ms));

        // 1 ns more: frame 2 has nothing yet; 0 finishes just after it, takes 2 (the latest), which finishes after 400.
        Assert.Equal([-1, -1, -1, 0, 0], StreamingSchedule.Sources(Times(0, 100, 200, 300, 400), (200 * Ms) + 1));
    }

    [Fact]
    public void After_a_gap_in_the_recording_the_model_finishes_what_waited_then_idles_until_the_next_frame()
    {
        //   0 @0    starts, finishes 50        1 @30  waits
        //   2 @200  0 done at 50, 1 runs 50-100, idle; 2 starts at 200, finishes 250     shown: 1
        //   3 @210  waits                                                                 shown: 1
        //   4 @400  2 done at 250, 3 runs 250-300; 4 starts at 400                        shown: 3
        Assert.Equal([-1, -1, 1, 1, 3], StreamingSchedule.Sources(Times(0, 30, 200, 210, 400), 50 * Ms));
    }

    [Fact]
    public void The_first_frame_is_taken_at_once_and_shown_nothing()
    {
        Assert.Equal([-1], StreamingSchedule.Sources([5 * Ms], 1));
        Assert.Empty(StreamingSchedule.Sources([], 45 * Ms));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(99)]
    public void Frames_must_be_recorded_in_increasing_time(long secondMs)
    {
        var schedule = new StreamingSchedule(45 * Ms);
        schedule.Arrive(100 * Ms);

        var error = Assert.Throws<ArgumentException>(() => schedule.Arrive(secondMs * Ms));

        Assert.StartsWith($"Frame 1 is recorded at {secondMs * Ms} ns, not after frame 0 ({100 * Ms} ns)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Agrees_with_the_batch_statement_of_the_rules_on_random_timelines(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 200; trial++)
        {
            var times = new long[random.Next(0, 40)];
            for (var i = 0; i < times.Length; i++)
            {
                // Whole milliseconds make exact ties between finishes and arrivals common.
                times[i] = i == 0 ? random.Next(0, 1000) * Ms : times[i - 1] + (random.Next(1, 80) * Ms);
            }

            var latency = random.Next(1, 200) * Ms;

            Assert.Equal(Batch(times, latency), StreamingSchedule.Sources(times, latency));
        }
    }

    /// <summary>
    /// mtli/sAP's rules stated over the whole timeline: a job on frame j finishing at f is followed by the latest frame
    /// recorded at or before f if that is a new frame (started at f), else by the next frame (started when it is
    /// recorded); frame i is shown the job with the latest finish at or before its time (streaming_eval.py's
    /// <c>timestamps[k] &lt;= t</c>).
    /// </summary>
    private static int[] Batch(long[] times, long latency)
    {
        var jobs = new List<(int Frame, long Finish)>();
        if (times.Length > 0)
        {
            var (frame, start) = (0, times[0]);
            while (true)
            {
                var finish = start + latency;
                jobs.Add((frame, finish));
                var latest = Array.FindLastIndex(times, t => t <= finish);
                if (latest > frame)
                {
                    (frame, start) = (latest, finish);
                }
                else if (frame + 1 < times.Length)
                {
                    (frame, start) = (frame + 1, times[frame + 1]);
                }
                else
                {
                    break;
                }
            }
        }

        return [.. times.Select(t => jobs.Where(j => j.Finish <= t).Select(j => j.Frame).DefaultIfEmpty(-1).Last())];
    }
}
