using Harness.Clips;
using Harness.Metrics;
using Harness.Postprocessing;

namespace Harness.Tests.Metrics;

public sealed class OperatingPointAccumulatorTests
{
    [Fact]
    public void Allocates_nothing_per_frame_once_its_buffers_have_grown()
    {
        TruthBox[] truth = [new(0, 0, 0, 10, 10, RangeMeters: 12), new(1, 50, 50, 20, 40), new(0, 200, 200, 100, 100, Ignore: true)];
        Detection[] detections = [new(0, 0, 10, 10, 0.9f, 0), new(210, 210, 220, 220, 0.8f, 0), new(50, 50, 70, 90, 0.7f, 1), new(400, 400, 410, 410, 0.6f, 2)];
        var accumulator = new OperatingPointAccumulator(classes: 3);
        for (var i = 0; i < 100; i++)
        {
            accumulator.Add(truth, detections);
        }

        const int Frames = 5000;
        long AllocatedOverFrames()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Frames; i++)
            {
                accumulator.Add(truth, detections);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // The runtime may allocate a few one-off bytes while it re-compiles hot methods (a fresh CI clone measured
        // 5,480 once); that lands in one window, while anything allocated per frame (the smallest object is 24 bytes)
        // shows in both and exceeds this bound many times over.
        Assert.InRange(Math.Min(AllocatedOverFrames(), AllocatedOverFrames()), 0, Frames);
    }
}
