using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Harness.Metrics.Coco;

namespace Harness.Tests.Metrics.Coco;

/// <summary>
/// Properties of the COCO evaluation over generated datasets: the result does not depend on the order detections or
/// images are listed in (scores are distinct, so pycocotools' stable sort has no ties to break), and detections equal
/// to the truth score AP 1 (crowd regions only ignore, so a dataset of crowd regions alone has nothing to score).
/// </summary>
[Properties(Arbitrary = [typeof(CocoDatasets)], MaxTest = 150)]
public sealed class CocoEvaluatorProperties
{
    [Property]
    public bool Is_invariant_to_detection_order(CocoDataset data, int seed)
    {
        var shuffled = Shuffle(data.Detections, seed);

        return SameResult(CocoEvaluator.Evaluate(data.Truth, data.Detections), CocoEvaluator.Evaluate(data.Truth, shuffled));
    }

    [Property]
    public bool Is_invariant_to_image_and_annotation_order(CocoDataset data, int seed)
    {
        var truth = data.Truth with
        {
            ImageIds = Shuffle(data.Truth.ImageIds, seed),
            Annotations = Shuffle(data.Truth.Annotations, seed + 1),
        };

        return SameResult(CocoEvaluator.Evaluate(data.Truth, data.Detections), CocoEvaluator.Evaluate(truth, data.Detections));
    }

    [Property]
    public bool Detections_equal_to_the_truth_score_one(CocoDataset data)
    {
        var perfect = data.Truth.Annotations
            .Select((a, i) => new CocoDetection(a.ImageId, a.CategoryId, a.X, a.Y, a.Width, a.Height, 1.0 - (i * 1e-3)))
            .ToList();

        var result = CocoEvaluator.Evaluate(data.Truth, perfect);

        return data.Truth.Annotations.All(a => a.IsCrowd)
            ? result.Stats.AP == -1
            : IsOne(result.Stats.AP) && IsOne(result.Stats.AP50) && IsOne(result.Stats.AR100);
    }

    /// <summary>pycocotools divides by tp + fp + np.spacing(1), so a perfect precision is 1 - 2^-52 rather than 1.</summary>
    private static bool IsOne(double value) => Math.Abs(value - 1) <= 1e-12;

    private static bool SameResult(CocoEvaluationResult a, CocoEvaluationResult b) =>
        a.Stats == b.Stats
        && a.PerCategoryAP.OrderBy(p => p.Key).SequenceEqual(b.PerCategoryAP.OrderBy(p => p.Key))
        && a.PerCategoryAP50.OrderBy(p => p.Key).SequenceEqual(b.PerCategoryAP50.OrderBy(p => p.Key));

    private static List<T> Shuffle<T>(IReadOnlyList<T> items, int seed)
    {
        var copy = items.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(copy));
        return copy;
    }
}

/// <summary>Up to five images, two categories, boxes on a coarse grid (so detections overlap truths often), distinct scores.</summary>
public sealed record CocoDataset(CocoGroundTruth Truth, IReadOnlyList<CocoDetection> Detections)
{
    public override string ToString() =>
        $"images [{string.Join(", ", Truth.ImageIds)}]; truth {string.Join("; ", Truth.Annotations)}; detections {string.Join("; ", Detections)}";
}

public static class CocoDatasets
{
    private static readonly CocoCategory[] Categories = [new(1, "car"), new(3, "pedestrian")];

    public static Arbitrary<CocoDataset> Datasets()
    {
        var box =
            from x in Gen.Choose(0, 10)
            from y in Gen.Choose(0, 10)
            from w in Gen.Choose(1, 12)
            from h in Gen.Choose(1, 12)
            from category in Gen.Elements(1, 3)
            select (X: x * 10.0, Y: y * 10.0, W: w * 10.0, H: h * 10.0, Category: category);
        var image =
            from truthCount in Gen.Choose(0, 4)
            from truths in Gen.ArrayOf(box, truthCount)
            from crowd in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), truthCount)
            from detectionCount in Gen.Choose(0, 6)
            from detections in Gen.ArrayOf(box, detectionCount)
            select (Truths: truths, Crowd: crowd, Detections: detections);
        var dataset =
            from imageCount in Gen.Choose(1, 5)
            from images in Gen.ArrayOf(image, imageCount)
            from scoreSeed in Gen.Choose(0, int.MaxValue)
            select Build(images, scoreSeed);
        return dataset.ToArbitrary();
    }

    private static CocoDataset Build(
        ((double X, double Y, double W, double H, int Category)[] Truths, bool[] Crowd, (double X, double Y, double W, double H, int Category)[] Detections)[] images,
        int scoreSeed)
    {
        var imageIds = Enumerable.Range(0, images.Length).Select(i => 100L + (i * 7)).ToList();
        var annotations = new List<CocoAnnotation>();
        var boxes = new List<(long Image, (double X, double Y, double W, double H, int Category) Box)>();
        for (var i = 0; i < images.Length; i++)
        {
            var (truths, crowd, detections) = images[i];
            annotations.AddRange(truths.Select((t, k) => new CocoAnnotation(imageIds[i], t.Category, t.X, t.Y, t.W, t.H, t.W * t.H, crowd[k])));
            boxes.AddRange(detections.Select(d => (imageIds[i], d)));
        }

        var ranks = Enumerable.Range(1, boxes.Count).ToArray();
        new Random(scoreSeed).Shuffle(ranks);
        var scored = boxes.Select((b, k) => new CocoDetection(b.Image, b.Box.Category, b.Box.X, b.Box.Y, b.Box.W, b.Box.H, ranks[k] / (boxes.Count + 1.0))).ToList();
        return new CocoDataset(new CocoGroundTruth(imageIds, Categories, annotations), scored);
    }
}
