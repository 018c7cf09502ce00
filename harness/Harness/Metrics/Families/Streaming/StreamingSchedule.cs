namespace Harness.Metrics.Families.Streaming;

/// <summary>
/// One model replaying a clip at its recorded times with a fixed latency, as Li, Wang and Ramanan schedule it
/// ("Towards Streaming Perception", ECCV 2020; mtli/sAP <c>det/rt_det.py</c>): it starts on the first frame as it
/// arrives; when it finishes, it takes the latest frame that has arrived by then, frames that arrived before that one
/// while it was busy being skipped; when no frame arrived while it was busy, it waits and starts on the next frame as
/// that frame arrives. Each frame is shown the output that finished last at or before its own time, as
/// <c>det/streaming_eval.py</c> pairs them (finish time &lt;= frame time), or nothing before the first output finishes.
/// Frames arrive one at a time in clip order, and only the frames being processed, waiting and shown are remembered.
/// </summary>
internal sealed class StreamingSchedule(long latencyNs)
{
    private long _lastArrivalNs;
    private long _finishNs;

    /// <summary>Frames arrived so far; the next to arrive is frame number <see cref="Arrived"/>.</summary>
    public int Arrived { get; private set; }

    /// <summary>The frame the model is processing, -1 while it waits for a frame.</summary>
    public int Running { get; private set; } = -1;

    /// <summary>The latest frame that arrived while the model was busy: it is taken next unless a later one arrives first.</summary>
    public int Waiting { get; private set; } = -1;

    /// <summary>The frame whose output finished last, -1 before the first output.</summary>
    public int Shown { get; private set; } = -1;

    /// <summary>For each frame of a clip, the frame whose output it is shown (-1: none yet).</summary>
    public static int[] Sources(IReadOnlyList<long> timestampsNs, long latencyNs)
    {
        var schedule = new StreamingSchedule(latencyNs);
        var sources = new int[timestampsNs.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = schedule.Arrive(timestampsNs[i]);
        }

        return sources;
    }

    /// <summary>The next frame arrives at <paramref name="timestampNs"/>; returns the frame whose output it is shown (-1: none yet).</summary>
    /// <exception cref="ArgumentException">The frame is not later than the one before it.</exception>
    public int Arrive(long timestampNs)
    {
        var frame = Arrived;
        if (frame > 0 && timestampNs <= _lastArrivalNs)
        {
            throw new ArgumentException(
                $"Frame {frame} is recorded at {timestampNs} ns, not after frame {frame - 1} ({_lastArrivalNs} ns): streaming metrics replay a clip at its recorded times, which must increase.",
                nameof(timestampNs));
        }

        _lastArrivalNs = timestampNs;
        Arrived++;
        var taken = false;
        while (Running >= 0 && _finishNs <= timestampNs)
        {
            Shown = Running;
            var free = _finishNs;
            if (free == timestampNs)
            {
                // This frame arrives the moment the model frees: it is the latest one there is.
                (Running, Waiting, taken) = (frame, -1, true);
            }
            else if (Waiting >= 0)
            {
                (Running, Waiting) = (Waiting, -1);
            }
            else
            {
                Running = -1;
                break;
            }

            _finishNs = free + latencyNs;
        }

        if (!taken)
        {
            if (Running < 0)
            {
                (Running, _finishNs) = (frame, timestampNs + latencyNs);
            }
            else
            {
                Waiting = frame;
            }
        }

        return Shown;
    }
}
