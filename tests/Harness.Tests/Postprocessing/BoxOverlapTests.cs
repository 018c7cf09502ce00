namespace Harness.Tests.Postprocessing;

/// <summary>The one scalar IoU, on hand-computed boxes, in the float NMS uses and the double the metrics use.</summary>
public class BoxOverlapTests
{
    [Theory]
    [InlineData(5, 5, 15, 15, 25.0 / 175.0)]
    [InlineData(0, 0, 10, 10, 1.0)]
    [InlineData(2, 2, 8, 8, 36.0 / 100.0)]
    [InlineData(9, 0, 19, 10, 10.0 / 190.0)]
    [InlineData(10, 0, 20, 10, 0.0)]
    [InlineData(0, 10, 10, 20, 0.0)]
    [InlineData(30, 30, 40, 40, 0.0)]
    public void Iou_of_a_10_by_10_box_at_the_origin(float x1, float y1, float x2, float y2, double expected)
    {
        var inDouble = BoxOverlap.Iou(0d, 0d, 10d, 10d, 100d, x1, y1, x2, y2, (double)(x2 - x1) * (y2 - y1));
        var inFloat = BoxOverlap.Iou(0f, 0f, 10f, 10f, 100f, x1, y1, x2, y2, (x2 - x1) * (y2 - y1));
        var swapped = BoxOverlap.Iou(x1, y1, x2, y2, (double)(x2 - x1) * (y2 - y1), 0d, 0d, 10d, 10d, 100d);

        Assert.Equal(expected, inDouble, 15);
        Assert.Equal((float)expected, inFloat, 6);
        Assert.Equal(inDouble, swapped);
    }

    [Fact]
    public void Crowd_region_divides_by_the_first_box_area_as_pycocotools_does()
    {
        // Half of a (0,0)-(10,10) lies inside the region; the region's own size does not count.
        Assert.Equal(0.5, BoxOverlap.Iou(0d, 0d, 10d, 10d, 100d, 5d, -50d, 100d, 100d, 95d * 150d, bIsCrowd: true));
        Assert.Equal(0.0, BoxOverlap.Iou(0d, 0d, 10d, 10d, 100d, 10d, 0d, 20d, 10d, 100d, bIsCrowd: true));
    }
}
