using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.Simd;
using Harness.TestKit;

namespace Harness.Tests.Postprocessing;

/// <summary>
/// A box the clip to the source image leaves with zero width or height is dropped, in every layout, by the scalar
/// reference and the SIMD path at every vector width alike, while a box the clip leaves one pixel wide and high is
/// kept: the boundary on both sides.
/// </summary>
[Trait("Category", "simd")]
public class EmptyAfterClippingTests
{
    private const int Input = 128;
    private const int Classes = 2;

    /// <summary>A 108 x 88 image at scale 1 in a 128 x 128 input: 10 pixels of padding left, 20 above.</summary>
    private static readonly LetterboxTransform Transform = new(1f, 1f, 10f, 20f, 108, 88);

    /// <summary>
    /// 4 x 4 boxes in input pixels, highest score first. Sizes and centres are exact in float in every layout's
    /// convention (normalized by 128, YOLOX's stride-4 grid with size exp(0) * 4).
    /// </summary>
    private static readonly Detection[] Boxes =
    [
        new(6, 40, 10, 44, 0.9f, 0), // left padding, touching the image: x 0 to 0 in the source
        new(40, 108, 44, 112, 0.8f, 0), // bottom padding, touching the image: y 88 to 88
        new(7, 107, 11, 111, 0.7f, 0), // across the bottom-left corner: 1 x 1 in the source
    ];

    private static readonly Detection OnePixel = new(0, 87, 1, 88, 0.7f, 0);

    /// <summary>Where the boxes sit among anchors that score 0: in a 512-bit tile, a narrower one and the scalar tail.</summary>
    private static readonly int[] Positions = [0, 33, 66];

    private const int Anchors = 67;

    public static TheoryData<string> Layouts => [.. OutputLayouts.Names];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_box_the_clip_leaves_without_width_or_height_is_dropped_and_a_one_pixel_box_kept(string layout)
    {
        var (config, tensors) = Case(layout);

        var (scalar, simd) = Run(config, tensors, new PostprocessOptions());

        Assert.Equal([OnePixel], scalar);
        Assert.All(simd, detections => Assert.Equal([OnePixel], detections));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Boxes_the_clip_empties_take_none_of_the_detections_places(string layout)
    {
        // Given the two emptied boxes score highest and only one detection is allowed.
        var (config, tensors) = Case(layout);

        var (scalar, simd) = Run(config, tensors, new PostprocessOptions { MaxDetections = 1 });

        Assert.Equal([OnePixel], scalar);
        Assert.All(simd, detections => Assert.Equal([OnePixel], detections));
    }

    [Fact]
    public void A_box_the_clip_empties_suppresses_no_box_in_the_image()
    {
        // Given a box in the top padding that overlaps a box reaching into the image at IoU 0.6 in input pixels and
        // scores higher.
        float[] data =
        [
            50, 50, // cx
            10, 16, // cy: y 0 to 20 (padding), y 2 to 30
            20, 20, // w
            20, 28, // h
            0.9f, 0.8f, // class 0
        ];
        var config = TestLayouts.Configure("yolov8", 1, Input, Input);
        var tensors = new TensorSet((data, [1, 5, 2]));

        var (scalar, simd) = Run(config, tensors, new PostprocessOptions { IouThreshold = 0.45f });

        Detection[] expected = [new(30, 0, 50, 10, 0.8f, 0)];
        Assert.Equal(expected, scalar);
        Assert.All(simd, detections => Assert.Equal(expected, detections));
    }

    private static (List<Detection> Scalar, List<List<Detection>> Simd) Run(LayoutConfig config, TensorSet tensors, PostprocessOptions options)
    {
        var scalar = new List<Detection>();
        ReferencePostprocessor.Create(config, options).Process(tensors.Outputs, Transform, scalar);
        var simd = new List<List<Detection>>();
        foreach (var width in VectorWidth.Supported)
        {
            var detections = new List<Detection>();
            using (VectorWidth.Force(width))
            {
                Postprocessor.Create(config, options).Process(tensors.Outputs, Transform, detections);
            }

            simd.Add(detections);
        }

        return (scalar, simd);
    }

    /// <summary><see cref="Boxes"/> written in the layout's own convention, every other anchor scoring 0.</summary>
    private static (LayoutConfig Config, TensorSet Tensors) Case(string layout)
    {
        switch (layout)
        {
            case "yolov8":
            {
                var data = new float[(4 + Classes) * Anchors];
                Place((a, box) =>
                {
                    data[a] = CentreX(box);
                    data[Anchors + a] = CentreY(box);
                    data[(2 * Anchors) + a] = box.Width;
                    data[(3 * Anchors) + a] = box.Height;
                    data[(4 * Anchors) + a] = box.Score;
                });
                return (Configure(layout), new TensorSet((data, [1, 4 + Classes, Anchors])));
            }

            case "yolov5":
            {
                var data = Rows(5 + Classes, box => [CentreX(box), CentreY(box), box.Width, box.Height, 1f, box.Score]);
                return (Configure(layout), new TensorSet((data, [1, Anchors, 5 + Classes])));
            }

            case "yolox":
            {
                // One stride of 4: anchor a is cell (a % 32, a / 32), centre = (offset + cell) * 4, size = exp(0) * 4.
                const int Stride = 4;
                var config = OutputLayouts.Get(layout).Configure(Input, Input, Classes, OutputLayouts.Get(layout).DefaultSettings.With("strides", "4"));
                var cells = Input / Stride;
                var anchors = config.Anchors!.Value;
                var data = new float[(5 + Classes) * anchors];
                Place((a, box) =>
                {
                    float[] row = [(CentreX(box) / Stride) - (a % cells), (CentreY(box) / Stride) - (a / cells), 0f, 0f, 1f, box.Score];
                    row.CopyTo(data.AsSpan(a * (5 + Classes)));
                });
                return (config, new TensorSet((data, [1, anchors, 5 + Classes])));
            }

            case "yolov10":
            {
                var data = Rows(6, box => [box.X1, box.Y1, box.X2, box.Y2, box.Score, box.ClassId]);
                return (Configure(layout), new TensorSet((data, [1, Anchors, 6])));
            }

            case "rtdetr":
            {
                var data = Rows(4 + Classes, box => [CentreX(box) / Input, CentreY(box) / Input, box.Width / Input, box.Height / Input, box.Score]);
                return (Configure(layout), new TensorSet((data, [1, Anchors, 4 + Classes])));
            }

            case "ssd":
            {
                var boxes = Rows(4, box => [box.X1, box.Y1, box.X2, box.Y2]);
                var scores = Rows(Classes, box => [box.Score]);
                return (Configure(layout), new TensorSet((boxes, [1, Anchors, 4]), (scores, [1, Anchors, Classes])));
            }

            case "tf-od-api":
            {
                var boxes = Rows(4, box => [box.Y1 / Input, box.X1 / Input, box.Y2 / Input, box.X2 / Input]);
                var scores = Rows(1, box => [box.Score]);
                var ids = Enumerable.Repeat(1f, Anchors).ToArray();
                return (Configure(layout), new TensorSet((boxes, [1, Anchors, 4]), (scores, [1, Anchors]), (ids, [1, Anchors]), ([Anchors], [1])));
            }

            case "end2end":
            {
                var boxes = Rows(4, box => [box.X1, box.Y1, box.X2, box.Y2]);
                var scores = Rows(1, box => [box.Score]);
                return (Configure(layout), new TensorSet((boxes, [1, Anchors, 4]), (scores, [1, Anchors]), (new float[Anchors], [1, Anchors]), ([Anchors], [1])));
            }

            default:
                throw new ArgumentException($"No case for layout {layout}: add one.", nameof(layout));
        }
    }

    private static LayoutConfig Configure(string layout) => TestLayouts.Configure(layout, Classes, Input, Input);

    /// <summary>Anchor-major rows of <paramref name="columns"/> values, <see cref="Boxes"/> at <see cref="Positions"/>, zeros elsewhere.</summary>
    private static float[] Rows(int columns, Func<Detection, float[]> row)
    {
        var data = new float[columns * Anchors];
        Place((a, box) => row(box).CopyTo(data.AsSpan(a * columns)));
        return data;
    }

    private static void Place(Action<int, Detection> write)
    {
        for (var i = 0; i < Boxes.Length; i++)
        {
            write(Positions[i], Boxes[i]);
        }
    }

    private static float CentreX(Detection box) => (box.X1 + box.X2) / 2;

    private static float CentreY(Detection box) => (box.Y1 + box.Y2) / 2;
}
