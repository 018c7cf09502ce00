using Harness.Metrics.Coco;

namespace Harness.Benchmarks.Metrics;

/// <summary>
/// A seeded COCO-sized workload: per image ~10 truths of 3 classes and 100 detections (jittered copies of the truths
/// plus random false positives), scores uniform.
/// </summary>
internal static class CocoSyntheticData
{
    public static (CocoGroundTruth Truth, CocoDetection[] Detections) Create(int images, int truthsPerImage, int detectionsPerImage, int seed)
    {
        var random = new Random(seed);
        var annotations = new List<CocoAnnotation>(images * truthsPerImage);
        var detections = new List<CocoDetection>(images * detectionsPerImage);
        for (var image = 1; image <= images; image++)
        {
            var first = annotations.Count;
            for (var g = 0; g < truthsPerImage; g++)
            {
                var w = 8 + (random.NextDouble() * 200);
                var h = 8 + (random.NextDouble() * 200);
                annotations.Add(new CocoAnnotation(image, 1 + random.Next(3), random.NextDouble() * 1000, random.NextDouble() * 600, w, h,
                    w * h * (0.6 + (0.4 * random.NextDouble())), IsCrowd: random.Next(50) == 0));
            }

            for (var d = 0; d < detectionsPerImage; d++)
            {
                var score = random.NextDouble();
                if (d < 3 * truthsPerImage)
                {
                    var t = annotations[first + (d % truthsPerImage)];
                    var category = random.Next(10) == 0 ? 1 + random.Next(3) : t.CategoryId;
                    detections.Add(new CocoDetection(image, category, t.X + Jitter(random, t.Width), t.Y + Jitter(random, t.Height),
                        t.Width * (0.8 + (0.4 * random.NextDouble())), t.Height * (0.8 + (0.4 * random.NextDouble())), score));
                }
                else
                {
                    detections.Add(new CocoDetection(image, 1 + random.Next(3), random.NextDouble() * 1000, random.NextDouble() * 600,
                        8 + (random.NextDouble() * 200), 8 + (random.NextDouble() * 200), score));
                }
            }
        }

        var imageIds = Enumerable.Range(1, images).Select(i => (long)i).ToArray();
        CocoCategory[] categories = [new(1, "car"), new(2, "pedestrian"), new(3, "cyclist")];
        return (new CocoGroundTruth(imageIds, categories, annotations), detections.ToArray());
    }

    private static double Jitter(Random random, double size) => (random.NextDouble() - 0.5) * 0.3 * size;
}
