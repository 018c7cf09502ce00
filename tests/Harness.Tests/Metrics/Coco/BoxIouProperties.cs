using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harness.Metrics.Coco;

namespace Harness.Tests.Metrics.Coco;

/// <summary>
/// Properties of COCO's box IoU over generated boxes, on both the vector and the scalar path. COCO forms corners as
/// x + width and subtracts them again, so an overlap can come back an ulp larger than the box area it is divided by
/// (pycocotools does the same); bounds therefore hold within <see cref="Ulps"/>.
/// </summary>
[Properties(Arbitrary = [typeof(BoxPairs)], MaxTest = 500)]
public sealed class BoxIouProperties
{
    private const double Ulps = 1e-12;

    [Property]
    public bool Is_symmetric(BoxPair pair, bool scalar) =>
        Iou(pair.A, pair.B, crowd: false, scalar) == Iou(pair.B, pair.A, crowd: false, scalar);

    [Property]
    public bool Lies_in_zero_to_one(BoxPair pair, bool crowd, bool scalar)
    {
        var iou = Iou(pair.A, pair.B, crowd, scalar);
        return iou >= 0 && iou <= 1 + Ulps;
    }

    [Property]
    public bool Is_one_for_a_box_with_itself(BoxPair pair, bool crowd, bool scalar) =>
        Math.Abs(Iou(pair.A, pair.A, crowd, scalar) - 1) <= Ulps;

    /// <summary>A crowd region divides by the detection's area only, which is never more than the union.</summary>
    [Property]
    public bool Crowd_overlap_is_at_least_the_regular_one(BoxPair pair, bool scalar) =>
        Iou(pair.A, pair.B, crowd: true, scalar) >= Iou(pair.A, pair.B, crowd: false, scalar) - Ulps;

    [Property]
    public bool Vector_and_scalar_paths_agree_bit_for_bit(BoxPair pair, bool crowd) =>
        BitConverter.DoubleToInt64Bits(Iou(pair.A, pair.B, crowd, scalar: false))
        == BitConverter.DoubleToInt64Bits(Iou(pair.A, pair.B, crowd, scalar: true));

    /// <summary>
    /// One truth against a row of eight copies of the detection, so the vector path (not only the short-row fallback)
    /// computes every lane.
    /// </summary>
    private static double Iou(Box truth, Box detection, bool crowd, bool scalar)
    {
        const int lanes = 8;
        var geometry = TruthBoxGeometry.FromXywh(truth.X, truth.Y, truth.W, truth.H, crowd);
        var x1 = Enumerable.Repeat(detection.X, lanes).ToArray();
        var y1 = Enumerable.Repeat(detection.Y, lanes).ToArray();
        var x2 = Enumerable.Repeat(detection.W + detection.X, lanes).ToArray();
        var y2 = Enumerable.Repeat(detection.H + detection.Y, lanes).ToArray();
        var area = Enumerable.Repeat(detection.W * detection.H, lanes).ToArray();
        var result = new double[lanes];
        var rows = new DetectionRows(x1, y1, x2, y2, area);
        if (scalar)
        {
            BoxIou.RowScalar(geometry, rows, result);
        }
        else
        {
            BoxIou.Row(geometry, rows, result);
        }

        Assert.All(result, r => Assert.Equal(result[0], r));
        return result[0];
    }
}

public readonly record struct Box(double X, double Y, double W, double H);

public readonly record struct BoxPair(Box A, Box B);

public static class BoxPairs
{
    /// <summary>Boxes on a half-pixel grid, so shared edges and contained boxes occur, plus fractional sizes.</summary>
    public static Arbitrary<BoxPair> Pairs()
    {
        var coordinate = Gen.Choose(0, 80).Select(v => v * 0.5);
        var size = Gen.OneOf(Gen.Choose(1, 60).Select(v => v * 0.5), Gen.Choose(1, 1000).Select(v => v / 37.0));
        var box =
            from x in coordinate
            from y in coordinate
            from w in size
            from h in size
            select new Box(x, y, w, h);
        return (from a in box from b in box select new BoxPair(a, b)).ToArbitrary();
    }
}
