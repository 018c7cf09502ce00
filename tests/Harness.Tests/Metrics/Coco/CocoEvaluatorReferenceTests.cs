using Harness.Metrics.Coco;
using Harness.TestKit;

namespace Harness.Tests.Metrics.Coco;

/// <summary>The optimized evaluator agrees exactly with the plain transcription of the pycocotools rules.</summary>
public sealed class CocoEvaluatorReferenceTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Optimized_evaluator_equals_reference_on_random_scenes(int seed)
    {
        var (truth, detections) = RandomScene(seed);

        var fast = CocoEvaluator.Evaluate(truth, detections);
        var reference = CocoEvaluatorReference.Evaluate(truth, detections);

        Assert.InRange(reference.Stats.AP, 0.05, 0.95);
        Assert.Equal(-1.0, reference.PerCategoryAP[4]);
        Assert.Equal(reference.Stats, fast.Stats);
        Assert.Equal(reference.PerCategoryAP, fast.PerCategoryAP);
        Assert.Equal(reference.PerCategoryAP50, fast.PerCategoryAP50);
        foreach (var (id, curve) in reference.PrecisionCurves)
        {
            Assert.Equal(curve.Precision, fast.PrecisionCurves[id].Precision);
        }
    }

    /// <summary>
    /// Scenes that exercise the corner cases: coarse scores (ties), crowds, areas on the range bounds, a category without
    /// truth, images without truth, one image with more than 100 detections.
    /// </summary>
    private static (CocoGroundTruth, CocoDetection[]) RandomScene(int seed)
    {
        var random = new Random(seed);
        var annotations = new List<CocoAnnotation>();
        var detections = new List<CocoDetection>();
        double[] sizes = [8, 32, 40, 96, 150];
        for (var image = 1; image <= 25; image++)
        {
            var truths = image % 7 == 0 ? 0 : random.Next(1, 6);
            for (var g = 0; g < truths; g++)
            {
                var w = sizes[random.Next(sizes.Length)];
                var h = random.Next(2) == 0 ? w : sizes[random.Next(sizes.Length)];
                var area = random.Next(3) == 0 ? w * h : w * h * random.NextDouble();
                var box = new CocoAnnotation(image, 1 + random.Next(3), random.Next(0, 400), random.Next(0, 300), w, h, area, IsCrowd: random.Next(8) == 0);
                annotations.Add(box);
                for (var copy = random.Next(0, 4); copy > 0; copy--)
                {
                    detections.Add(new CocoDetection(image, random.Next(6) == 0 ? 1 + random.Next(4) : box.CategoryId,
                        box.X + random.Next(-2, 3), box.Y + random.Next(-2, 3), box.Width * (0.85 + (0.3 * random.NextDouble())),
                        box.Height * (0.85 + (0.3 * random.NextDouble())), Math.Round(random.NextDouble(), 1)));
                }
            }

            var extra = image == 3 ? 130 : random.Next(0, 6);
            for (var d = 0; d < extra; d++)
            {
                detections.Add(new CocoDetection(image, 1 + random.Next(4), random.Next(0, 400), random.Next(0, 300),
                    sizes[random.Next(sizes.Length)], sizes[random.Next(sizes.Length)], Math.Round(random.NextDouble(), 2)));
            }
        }

        CocoCategory[] categories = [new(1, "car"), new(2, "pedestrian"), new(3, "cyclist"), new(4, "bus")];
        return (new CocoGroundTruth(Enumerable.Range(1, 25).Select(i => (long)i).ToArray(), categories, annotations), detections.ToArray());
    }
}
