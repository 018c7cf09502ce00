using Harness.Inference;
using Harness.Postprocessing;
using Harness.Preprocessing;

namespace Harness.Tests.Postprocessing;

public class SimdAgreementTests
{
    private static readonly LetterboxTransform Transform = new(1f / 3f, 1f / 3f, 0f, 140f, 1920, 1080);

    [Theory]
    [InlineData(DetectorOutputLayout.Yolov8)]
    [InlineData(DetectorOutputLayout.Yolov5)]
    [InlineData(DetectorOutputLayout.Ssd)]
    [InlineData(DetectorOutputLayout.End2End)]
    public void Simd_keeps_the_same_detections_as_the_scalar_reference_for_0_to_256_anchors(DetectorOutputLayout layout)
    {
        var random = new RandomOutputs(seed: 17 + (int)layout);
        var simd = new List<Detection>();
        var scalar = new List<Detection>();
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
            Run(Postprocessor.Create(layout, options), new RandomOutputs(seed), layout, anchors, classes, simd);
            Run(Postprocessor.CreateReference(layout, options), new RandomOutputs(seed), layout, anchors, classes, scalar);

            Assert.True(scalar.SequenceEqual(simd), $"{layout}, {anchors} anchors, {classes} classes, {options}: scalar kept {scalar.Count}, SIMD kept {simd.Count}");
        }
    }

    [Fact]
    public void Simd_keeps_the_same_detections_as_the_scalar_reference_on_the_benchmark_output()
    {
        var data = SyntheticYolov8Output.Create(8400, 80, objects: 40, anchorsPerObject: 10, inputSize: 640, seed: 42);
        var outputs = new ModelOutputs(new OutputTensor(data, [1, 84, 8400]));
        var simd = new List<Detection>();
        var scalar = new List<Detection>();

        Postprocessor.Create(DetectorOutputLayout.Yolov8, new PostprocessOptions()).Process(outputs, Transform, simd);
        Postprocessor.CreateReference(DetectorOutputLayout.Yolov8, new PostprocessOptions()).Process(outputs, Transform, scalar);

        Assert.InRange(simd.Count, 20, 300);
        Assert.Equal(scalar, simd);
    }

    [Fact]
    public void Second_frame_allocates_nothing()
    {
        // The shape lives in an array as the runtime's would: a collection expression at the call would allocate.
        long[] shape = [1, 84, 8400];
        var data = SyntheticYolov8Output.Create(8400, 80, objects: 40, anchorsPerObject: 10, inputSize: 640, seed: 42);
        var postprocessor = Postprocessor.Create(DetectorOutputLayout.Yolov8, new PostprocessOptions());
        var detections = new List<Detection>();
        postprocessor.Process(new ModelOutputs(new OutputTensor(data, shape)), Transform, detections);

        var before = GC.GetAllocatedBytesForCurrentThread();
        postprocessor.Process(new ModelOutputs(new OutputTensor(data, shape)), Transform, detections);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEmpty(detections);
    }

    private static void Run(
        IPostprocessor postprocessor, RandomOutputs inputs, DetectorOutputLayout layout, int anchors, int classes, List<Detection> detections)
    {
        switch (layout)
        {
            case DetectorOutputLayout.Yolov8:
            {
                var (data, shape) = inputs.Yolov8(anchors, classes);
                postprocessor.Process(new ModelOutputs(new OutputTensor(data, shape)), Transform, detections);
                break;
            }

            case DetectorOutputLayout.Yolov5:
            {
                var (data, shape) = inputs.Yolov5(anchors, classes);
                postprocessor.Process(new ModelOutputs(new OutputTensor(data, shape)), Transform, detections);
                break;
            }

            case DetectorOutputLayout.Ssd:
            {
                var (boxes, scores) = inputs.Corners(anchors, classes);
                postprocessor.Process(
                    new ModelOutputs(new OutputTensor(boxes, [1, anchors, 4]), new OutputTensor(scores, [1, anchors, classes])),
                    Transform,
                    detections);
                break;
            }

            default:
            {
                var (boxes, scores) = inputs.Corners(anchors, 1);
                var ids = inputs.Classes(anchors, classes);
                float[] count = [inputs.Next(anchors + 1)];
                postprocessor.Process(
                    new ModelOutputs(
                        new OutputTensor(boxes, [1, anchors, 4]),
                        new OutputTensor(scores, [1, anchors]),
                        new OutputTensor(ids, [1, anchors]),
                        new OutputTensor(count, [1])),
                    Transform,
                    detections);
                break;
            }
        }
    }
}
