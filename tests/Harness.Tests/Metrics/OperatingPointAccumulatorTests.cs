using Harness.Metrics;
using Harness.Metrics.Families;
using Harness.Tests.Testing;

namespace Harness.Tests.Metrics;

public sealed class OperatingPointAccumulatorTests
{
    [Fact]
    public void Allocates_nothing_per_frame_once_its_buffers_have_grown()
    {
        TruthBox[] truth = [new(0, 0, 0, 10, 10, RangeMeters: 12), new(1, 50, 50, 20, 40), new(0, 200, 200, 100, 100, Ignore: true)];
        Detection[] detections = [new(0, 0, 10, 10, 0.9f, 0), new(210, 210, 220, 220, 0.8f, 0), new(50, 50, 70, 90, 0.7f, 1), new(400, 400, 410, 410, 0.6f, 2)];
        var options = new MetricsOptions(["car", "pedestrian", "cyclist"]);
        FamilyAccumulator[] families = [new OperatingPointFamily().CreateAccumulator(options), new RecallSlicesFamily().CreateAccumulator(options)];
        for (var i = 0; i < 100; i++)
        {
            foreach (var accumulator in families)
            {
                accumulator.Add(truth, detections);
            }
        }

        const int Frames = 5000;
        var allocated = SteadyAllocation.Of(() =>
        {
            for (var i = 0; i < Frames; i++)
            {
                foreach (var accumulator in families)
                {
                    accumulator.Add(truth, detections);
                }
            }
        });

        // Any per-frame object (24 bytes at least) would exceed this bound many times over.
        Assert.InRange(allocated, 0, Frames);
    }
}
