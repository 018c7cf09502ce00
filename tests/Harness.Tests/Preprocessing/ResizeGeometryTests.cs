using Harness.Preprocessing;

namespace Harness.Tests.Preprocessing;

/// <summary>
/// The letterbox's size and placement, and the mapping back to the image, as the exporters compute them by hand:
/// Ultralytics' <c>LetterBox</c> and <c>scale_boxes</c>, YOLOX's <c>preproc</c> and its <c>bboxes /= ratio</c>.
/// </summary>
public sealed class ResizeGeometryTests
{
    [Fact]
    public void A_kitti_frame_maps_back_with_the_one_letterbox_ratio_not_per_axis_scales()
    {
        var options = new PreprocessOptions(640, 640);

        var geometry = ResizeGeometry.For(options, 1242, 375);
        var transform = geometry.Transform(1242, 375, options);

        // r = 640 / 1242; 375 r = 193.24 -> 193 rows, (640 - 193) / 2 = 223 above; scale_boxes: round(223.38 - 0.1) = 223.
        Assert.Equal(new ResizeGeometry(640, 193, 0, 223), geometry with { Ratio = 0 });
        Assert.Equal(640.0 / 1242, geometry.Ratio);
        Assert.Equal(new LetterboxTransform((float)(640.0 / 1242), (float)(640.0 / 1242), 0f, 223f, 1242, 375), transform);
        Assert.NotEqual(193f / 375, transform.ScaleY);
    }

    [Fact]
    public void Ultralytics_scale_boxes_pad_comes_from_the_unrounded_size_and_can_differ_by_a_pixel_from_the_drawn_one()
    {
        var options = new PreprocessOptions(640, 640);

        // r = 0.64: 301 rows -> 192.64, drawn as 193 rows below 223 rows of padding; scale_boxes removes
        // round((640 - 192.64) / 2 - 0.1) = round(223.58) = 224.
        var geometry = ResizeGeometry.For(options, 1000, 301);

        Assert.Equal((193, 223), (geometry.ResizedHeight, geometry.PadY));
        Assert.Equal(224f, geometry.Transform(1000, 301, options).PadY);
    }

    [Theory]
    [InlineData(SizeRounding.Round, 216)]
    [InlineData(SizeRounding.Truncate, 215)]
    public void Yolox_truncates_the_scaled_size_where_ultralytics_rounds_it(SizeRounding rounding, int rows)
    {
        // r = 0.64: 337 rows -> 215.68.
        var options = new PreprocessOptions(640, 640) { Placement = LetterboxPlacement.TopLeft, SizeRounding = rounding };

        var geometry = ResizeGeometry.For(options, 1000, 337);

        Assert.Equal(new ResizeGeometry(640, rows, 0, 0), geometry with { Ratio = 0 });
        Assert.Equal(new LetterboxTransform(0.64f, 0.64f, 0f, 0f, 1000, 337), geometry.Transform(1000, 337, options));
    }

    [Fact]
    public void Rounding_is_half_to_even_as_python_round_is()
    {
        // r = 0.5: 5 columns -> 2.5 -> 2 (half to even), 7 rows -> 3.5 -> 4.
        var geometry = ResizeGeometry.For(new PreprocessOptions(8, 8), 16, 7);

        Assert.Equal(8, geometry.ResizedWidth);
        Assert.Equal(4, ResizeGeometry.For(new PreprocessOptions(4, 8), 8, 7).ResizedHeight);
        Assert.Equal(2, ResizeGeometry.For(new PreprocessOptions(4, 8), 8, 5).ResizedHeight);
    }

    [Fact]
    public void A_stretch_scales_each_axis_by_its_own_ratio_without_pads()
    {
        var options = new PreprocessOptions(640, 640) { Letterbox = false };

        var transform = ResizeGeometry.For(options, 1280, 720).Transform(1280, 720, options);

        Assert.Equal(new LetterboxTransform(0.5f, 640f / 720, 0f, 0f, 1280, 720), transform);
    }
}
