using Harness.Metrics.Coco;
using Harness.Simd;
using Harness.Tests.Simd;

namespace Harness.Tests.Metrics.Coco;

public sealed class BoxIouTests
{
    private static double[] Iou(TruthBoxGeometry truth, double[] x, double[] y, double[] w, double[] h, bool scalar)
    {
        var x2 = x.Zip(w, (a, b) => b + a).ToArray();
        var y2 = y.Zip(h, (a, b) => b + a).ToArray();
        var area = w.Zip(h, (a, b) => a * b).ToArray();
        var rows = new DetectionRows(x, y, x2, y2, area);
        var result = new double[x.Length];
        if (scalar)
        {
            BoxIou.RowScalar(truth, rows, result);
        }
        else
        {
            BoxIou.Row(truth, rows, result);
        }

        return result;
    }

    [Fact]
    public void Matches_hand_computed_overlaps_for_regular_and_crowd_truth()
    {
        var regular = TruthBoxGeometry.FromXywh(0, 0, 10, 10, isCrowd: false);
        var crowd = regular with { IsCrowd = true };
        double[] x = [0, 5, 10, 2, 5];
        double[] y = [0, 0, 0, 2, 5];
        double[] w = [10, 10, 10, 4, 10];
        double[] h = [10, 10, 10, 4, 10];

        // identical, half shifted (50 / 150), touching edge (no overlap), inside, quarter corner (25 / 175)
        Assert.Equal([1, 50.0 / 150, 0, 16.0 / 100, 25.0 / 175], Iou(regular, x, y, w, h, scalar: false));

        // Crowd: intersection over the detection's own area.
        Assert.Equal([1, 0.5, 0, 1, 0.25], Iou(crowd, x, y, w, h, scalar: false));
    }

    [Theory]
    [Trait("Category", "simd")]
    [MemberData(nameof(VectorWidths.Supported), MemberType = typeof(VectorWidths))]
    public void Vector_path_is_bit_identical_to_scalar_at_every_length_up_to_256(int width)
    {
        using var forced = VectorWidth.Force(width);
        var random = new Random(1234);
        for (var length = 0; length <= 256; length++)
        {
            var x = new double[length];
            var y = new double[length];
            var w = new double[length];
            var h = new double[length];
            for (var i = 0; i < length; i++)
            {
                x[i] = random.NextDouble() * 100;
                y[i] = random.NextDouble() * 100;
                w[i] = random.NextDouble() * 60;
                h[i] = random.NextDouble() * 60;
            }

            var crowd = length % 3 == 0;
            var truth = TruthBoxGeometry.FromXywh(random.NextDouble() * 80, random.NextDouble() * 80, 1 + (random.NextDouble() * 50), 1 + (random.NextDouble() * 50), crowd);

            Assert.Equal(Iou(truth, x, y, w, h, scalar: true), Iou(truth, x, y, w, h, scalar: false));
        }
    }

    [Theory]
    [InlineData(5, false, true)]
    [InlineData(6, false, true)]
    [InlineData(4, false, false)]
    [InlineData(5, true, true)]
    [InlineData(4, true, false)]
    public void A_destination_shorter_than_the_detections_is_refused_and_a_longer_one_is_fine(int destinationLength, bool scalar, bool accepted)
    {
        var truth = TruthBoxGeometry.FromXywh(0, 0, 10, 10, isCrowd: false);
        double[] column = [0, 1, 2, 3, 4];
        var destination = new double[destinationLength];

        var error = Record.Exception(() =>
        {
            var rows = new DetectionRows(column, column, column, column, column);
            if (scalar)
            {
                BoxIou.RowScalar(truth, rows, destination);
            }
            else
            {
                BoxIou.Row(truth, rows, destination);
            }
        });

        Assert.Equal(accepted, error is null);
        if (error is not null)
        {
            Assert.Equal("Detection columns and destination must have the same length. (Parameter 'destination')", error.Message);
        }
    }

    [Fact]
    public void Detection_columns_of_different_lengths_are_refused()
    {
        var truth = TruthBoxGeometry.FromXywh(0, 0, 10, 10, isCrowd: false);
        double[] five = [0, 1, 2, 3, 4];
        double[] four = [0, 1, 2, 3];

        Assert.Throws<ArgumentException>(() => BoxIou.Row(truth, new DetectionRows(five, five, five, five, four), new double[5]));
        Assert.Throws<ArgumentException>(() => BoxIou.Row(truth, new DetectionRows(five, four, five, five, five), new double[5]));
    }
}
