using Harness.Postprocessing;
using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;
using Harness.Simd;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Postprocessing;

/// <summary>
/// Every layout's SIMD postprocessor at every vector width this machine runs (forced in-process) against the scalar
/// reference. The build's Test target runs this class again with AVX-512 and with AVX2 switched off.
/// </summary>
[Trait("Category", "simd")]
public class SimdAgreementTests
{
    private static readonly LetterboxTransform Transform = new(1f / 3f, 1f / 3f, 0f, 140f, 1920, 1080);

    public static TheoryData<string> Cases =>
    [
        "yolov8", "yolov5", "yolox", "yolox-default-strides", "yolov10", "rtdetr", "rtdetr-logits",
        "ssd", "ssd-background-first", "ssd-background-last-normalized", "tf-od-api", "end2end",
    ];

    [Fact]
    public void Every_registered_layout_is_covered()
    {
        var covered = Cases.Cast<object[]>().Select(c => ((string)c[0]).Split('-')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(OutputLayouts.Names, name => Assert.Contains(name.Split('-')[0], covered));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simd_keeps_the_same_detections_as_the_scalar_reference_at_every_width_for_0_to_256_anchors(string layoutCase)
    {
        var random = new RandomOutputs(seed: 17 + layoutCase.Length);
        var simd = new List<Detection>();
        var scalar = new List<Detection>();
        var emptied = 0;
        var kept = 0;
        for (var anchors = 0; anchors <= 256; anchors++)
        {
            var classes = 1 + random.Next(12);
            var options = new PostprocessOptions
            {
                ScoreThreshold = 0.1f + (random.Next(4) * 0.1f),
                IouThreshold = 0.2f + (random.Next(6) * 0.1f),
                MaxDetections = random.Next(3) == 0 ? 1 + random.Next(20) : 300,
                ClassAgnostic = random.Next(2) == 0,
            };

            var seed = random.Next(int.MaxValue);
            var (layout, tensors) = Case(layoutCase, new RandomOutputs(seed), anchors, classes);
            var transform = TransformFor(layout);
            ReferencePostprocessor.Create(layout, options).Process(tensors.Outputs, transform, scalar);
            emptied += EmptiedByTheClip(layout, tensors, options.ScoreThreshold, transform);
            kept += scalar.Count;
            foreach (var width in VectorWidth.Supported)
            {
                using (VectorWidth.Force(width))
                {
                    Postprocessor.Create(layout, options).Process(tensors.Outputs, transform, simd);
                }

                Assert.True(
                    scalar.SequenceEqual(simd),
                    $"{layoutCase}, {width} bits, {anchors} anchors, {classes} classes, {options}: scalar kept {scalar.Count}, SIMD kept {simd.Count}");
            }
        }

        Assert.True(emptied > 0 && kept > 0, $"{layoutCase}: {emptied} boxes above the threshold emptied by the clip, {kept} detections kept; the sweep needs both");
    }

    [Fact]
    public void Simd_keeps_the_same_detections_as_the_scalar_reference_at_every_width_on_the_benchmark_output()
    {
        var data = SyntheticYolov8Output.Create(8400, 80, objects: 40, anchorsPerObject: 10, inputSize: 640, seed: 42);
        var outputs = new ModelOutputs(new OutputTensor(data, [1, 84, 8400]));
        var scalar = new List<Detection>();
        ReferencePostprocessor.Create(TestLayouts.Configure("yolov8", 80), new PostprocessOptions()).Process(outputs, Transform, scalar);

        foreach (var width in VectorWidth.Supported)
        {
            var simd = new List<Detection>();
            using (VectorWidth.Force(width))
            {
                Postprocessor.Create(TestLayouts.Configure("yolov8", 80), new PostprocessOptions()).Process(outputs, Transform, simd);
            }

            Assert.InRange(simd.Count, 20, 300);
            Assert.Equal(scalar, simd);
        }
    }

    [Fact]
    public void Second_frame_allocates_nothing()
    {
        // The shape lives in an array as the runtime's would: a collection expression at the call would allocate.
        long[] shape = [1, 84, 8400];
        var data = SyntheticYolov8Output.Create(8400, 80, objects: 40, anchorsPerObject: 10, inputSize: 640, seed: 42);
        var postprocessor = Postprocessor.Create(TestLayouts.Configure("yolov8", 80), new PostprocessOptions());
        var detections = new List<Detection>();
        postprocessor.Process(new ModelOutputs(new OutputTensor(data, shape)), Transform, detections);

        var allocated = SteadyAllocation.Of(() => postprocessor.Process(new ModelOutputs(new OutputTensor(data, shape)), Transform, detections));

        Assert.Equal(0, allocated);
        Assert.NotEmpty(detections);
    }

    [Theory]
    [InlineData("yolox-default-strides")]
    [InlineData("rtdetr-logits")]
    [InlineData("ssd-background-last-normalized")]
    [InlineData("tf-od-api")]
    [InlineData("yolov10")]
    public void Second_frame_allocates_nothing_in_the_new_layouts(string layoutCase)
    {
        var (layout, tensors) = Case(layoutCase, new RandomOutputs(5), 200, 4);
        var postprocessor = Postprocessor.Create(layout, new PostprocessOptions { ScoreThreshold = 0.05f });
        var transform = TransformFor(layout);
        var detections = new List<Detection>();
        postprocessor.Process(tensors.Outputs, transform, detections);

        var allocated = SteadyAllocation.Of(() => postprocessor.Process(tensors.Outputs, transform, detections));

        Assert.Equal(0, allocated);
        Assert.NotEmpty(detections);
    }

    /// <summary>
    /// <see cref="Transform"/> for a 640 x 640 input; any other gets padding above and below a quarter of its height
    /// each, so that some of its boxes lie in the image and some only in the padding, where the clip empties them.
    /// </summary>
    private static LetterboxTransform TransformFor(LayoutConfig layout) =>
        layout.InputWidth == 640 && layout.InputHeight == 640
            ? Transform
            : new LetterboxTransform(1f, 1f, 0f, layout.InputHeight / 4f, layout.InputWidth, layout.InputHeight / 2);

    /// <summary>How many decoded boxes above the threshold the clip leaves without area.</summary>
    private static int EmptiedByTheClip(LayoutConfig layout, TensorSet tensors, float threshold, LetterboxTransform transform)
    {
        var boxes = new List<Detection>();
        layout.Layout.DecodeReference(tensors.Outputs, layout, layout.Check(tensors.Outputs), threshold, boxes);
        return boxes.Count(box => !DetectionWriter.KeepsArea(transform, box.X1, box.Y1, box.X2, box.Y2));
    }

    /// <summary>Random outputs of <paramref name="anchors"/> boxes for one layout case; YOLOX's N follows from its grid, so its input is sized to give about that many.</summary>
    private static (LayoutConfig Layout, TensorSet Tensors) Case(string layoutCase, RandomOutputs inputs, int anchors, int classes)
    {
        switch (layoutCase)
        {
            case "yolov8":
                return (TestLayouts.Configure("yolov8", classes), new TensorSet(inputs.Yolov8(anchors, classes)));
            case "yolov5":
                return (TestLayouts.Configure("yolov5", classes), new TensorSet(inputs.Yolov5(anchors, classes)));
            case "yolox":
            {
                // One stride of 8 over a one-cell-high input: N = width / 8 = anchors (at least one cell).
                var cells = Math.Max(anchors, 1);
                var layout = OutputLayouts.Get("yolox").Configure(8 * cells, 8, classes, OutputLayouts.Get("yolox").DefaultSettings.With("strides", "8"));
                return (layout, new TensorSet(inputs.Yolox(cells, classes)));
            }

            case "yolox-default-strides":
            {
                // 64 x (32 + 32 * (anchors / 64)): grids of 8, 16 and 32 pixels.
                var height = 32 + (32 * (anchors / 64));
                var layout = OutputLayouts.Get("yolox").Configure(64, height, classes);
                return (layout, new TensorSet(inputs.Yolox(layout.Anchors!.Value, classes)));
            }

            case "yolov10":
                return (TestLayouts.Configure("yolov10", classes), new TensorSet(inputs.Yolov10(anchors, classes)));
            case "rtdetr":
            case "rtdetr-logits":
            {
                var logits = layoutCase.EndsWith("logits", StringComparison.Ordinal);
                var settings = OutputLayouts.Get("rtdetr").DefaultSettings.With("scores", logits ? "logits" : "probabilities");
                return (OutputLayouts.Get("rtdetr").Configure(640, 480, classes, settings), new TensorSet(inputs.RtDetr(anchors, classes, logits)));
            }

            case "ssd":
            {
                var (boxes, scores) = inputs.Corners(anchors, classes);
                return (TestLayouts.Configure("ssd", classes), new TensorSet((boxes, [1, anchors, 4]), (scores, [1, anchors, classes])));
            }

            case "ssd-background-first":
            case "ssd-background-last-normalized":
            {
                var first = layoutCase.EndsWith("first", StringComparison.Ordinal);
                var settings = OutputLayouts.Get("ssd").DefaultSettings.With("background", first ? "first" : "last");
                if (!first)
                {
                    settings = settings.With("coordinates", "normalized");
                }

                var (boxes, scores) = inputs.Corners(anchors, classes + 1, normalized: !first);
                return (OutputLayouts.Get("ssd").Configure(640, 640, classes, settings), new TensorSet((boxes, [1, anchors, 4]), (scores, [1, anchors, classes + 1])));
            }

            case "tf-od-api":
            {
                var (boxes, scores) = inputs.Corners(anchors, 1, normalized: true);
                var ids = inputs.Classes(anchors, classes).Select(id => id + 1).ToArray();
                float[] count = [inputs.Next(anchors + 1)];
                return (TestLayouts.Configure("tf-od-api", classes), new TensorSet((boxes, [1, anchors, 4]), (scores, [1, anchors]), (ids, [1, anchors]), (count, [1])));
            }

            default:
            {
                var (boxes, scores) = inputs.Corners(anchors, 1);
                var ids = inputs.Classes(anchors, classes);
                float[] count = [inputs.Next(anchors + 1)];
                return (TestLayouts.Configure("end2end", classes), new TensorSet((boxes, [1, anchors, 4]), (scores, [1, anchors]), (ids, [1, anchors]), (count, [1])));
            }
        }
    }
}
