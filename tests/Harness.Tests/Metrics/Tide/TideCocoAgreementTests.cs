using Harness.Metrics.Coco;
using Harness.Metrics.Tide;

namespace Harness.Tests.Metrics.Tide;

/// <summary>
/// TIDE on generated COCO datasets (boxes at arbitrary positions, so no two IoUs tie; crowds; distinct scores): the
/// run's AP is pycocotools' AP50 per category and pooled, no oracle lowers the AP, and the listing order of the
/// detections changes nothing.
/// </summary>
public sealed class TideCocoAgreementTests
{
    private const double Tolerance = 1e-12;
    private static readonly CocoCategory[] Categories = [new(2, "car"), new(5, "pedestrian"), new(9, "cyclist")];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    private static (CocoGroundTruth Truth, List<CocoDetection> Detections) Dataset(int seed)
    {
        var random = new Random(seed);
        var images = Enumerable.Range(0, 1 + random.Next(8)).Select(i => (long)(10 + (3 * i))).ToList();
        var annotations = new List<CocoAnnotation>();
        var detections = new List<CocoDetection>();
        int Category() => Categories[random.Next(Categories.Length)].Id;
        foreach (var image in images)
        {
            for (var t = random.Next(7); t > 0; t--)
            {
                var (x, y, w, h) = (random.NextDouble() * 200, random.NextDouble() * 200, 5 + (random.NextDouble() * 60), 5 + (random.NextDouble() * 60));
                var category = Category();
                annotations.Add(new CocoAnnotation(image, category, x, y, w, h, w * h, IsCrowd: random.NextDouble() < 0.15));
                for (var copies = random.Next(3); copies > 0; copies--)
                {
                    double Jitter(double v, double size) => v + ((random.NextDouble() - 0.5) * size * 0.8);
                    detections.Add(new CocoDetection(image, random.NextDouble() < 0.8 ? category : Category(),
                        Jitter(x, w), Jitter(y, h), Jitter(w, w), Jitter(h, h), 0));
                }
            }

            for (var d = random.Next(4); d > 0; d--)
            {
                detections.Add(new CocoDetection(image, Category(), random.NextDouble() * 200, random.NextDouble() * 200, 5 + (random.NextDouble() * 60),
                    5 + (random.NextDouble() * 60), 0));
            }
        }

        var ranks = Enumerable.Range(1, detections.Count).ToArray();
        random.Shuffle(ranks);
        var scored = detections.Select((d, i) => d with { Score = ranks[i] / (detections.Count + 1.0) }).ToList();
        return (new CocoGroundTruth(images, Categories, annotations), scored);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_runs_ap_is_ap50_and_no_oracle_lowers_it(int seed)
    {
        var (truth, detections) = Dataset(seed);

        var coco = CocoEvaluator.Evaluate(truth, detections);
        var (categories, tide) = TideCoco.Evaluate(truth, detections);

        Assert.Equal(coco.Stats.AP50 > -1, tide.Pooled is not null);
        if (tide.Pooled is not { } pooled)
        {
            return;
        }

        Assert.Equal(coco.Stats.AP50, pooled.Ap, Tolerance);
        Assert.All(pooled.Lost, lost => Assert.True(lost >= 0));
        for (var k = 0; k < categories.Count; k++)
        {
            var expected = coco.PerCategoryAP50[categories[k]];
            Assert.Equal(expected > -1, tide.Classes[k] is not null);
            if (tide.Classes[k] is { } breakdown)
            {
                Assert.Equal(expected, breakdown.Ap, Tolerance);
                Assert.All(breakdown.Lost, lost => Assert.True(lost >= 0));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Does_not_depend_on_the_order_detections_are_listed_in(int seed)
    {
        var (truth, detections) = Dataset(seed);
        var shuffled = detections.ToArray();
        new Random(seed).Shuffle(shuffled);

        var (_, listed) = TideCoco.Evaluate(truth, detections);
        var (_, reordered) = TideCoco.Evaluate(truth, shuffled);

        Assert.Equal(listed.Pooled?.Lost, reordered.Pooled?.Lost);
        Assert.Equal(listed.Pooled?.Counts, reordered.Pooled?.Counts);
    }
}
