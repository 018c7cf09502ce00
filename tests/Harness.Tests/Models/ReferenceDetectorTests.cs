using Harness.Clips.Synthetic;
using Harness.Metrics;
using Harness.Models;

namespace Harness.Tests.Models;

/// <summary>
/// What the reference detector sees in one painted image: an object's best detection is of its class with a tight box;
/// an empty street gives nothing. (Parts of a large object can still score as objects of their own, with lower
/// scores; the scenario metrics count them as false positives.)
/// </summary>
public class ReferenceDetectorTests
{
    public static TheoryData<int, float, float, float, float> SingleObjects => new()
    {
        { 0, 250f, 190f, 90f, 62f },
        { 0, 400f, 170f, 36f, 26f },
        { 1, 300f, 170f, 24f, 64f },
        { 1, 420f, 165f, 12f, 32f },
        { 2, 200f, 160f, 36f, 80f },
        { 2, 380f, 165f, 18f, 40f },
    };

    [Theory]
    [MemberData(nameof(SingleObjects))]
    public void A_single_road_user_is_best_detected_by_a_tight_box_of_its_class(int classId, float x, float y, float width, float height)
    {
        var box = new RectangleF(x, y, x + width, y + height);
        var truth = new TruthBox(classId, x, y, width, height, 1, 0f, 20f, false, null);

        var detections = ReferenceDetectorRun.Detect("detector-v1", ReferenceDetectorRun.Street(3, ((ObjectClass)classId, box)));

        var onObject = detections.Where(d => PixelOverlap.Iou(d, truth) > 0.1).ToList();
        Assert.NotEmpty(onObject);
        Assert.All(onObject, d => Assert.Equal(classId, d.ClassId));
        var hit = onObject.MaxBy(d => d.Score);
        Assert.True(PixelOverlap.Iou(hit, truth) >= 0.7, $"IoU {PixelOverlap.Iou(hit, truth):F3}: box {hit.X1:F1},{hit.Y1:F1}-{hit.X2:F1},{hit.Y2:F1}");
    }

    /// <summary>Road users whose lower part a nearer car hides, with the share of their box height hidden.</summary>
    public static TheoryData<int, float, float, float, float, float> HiddenBehindACar => new()
    {
        { 1, 300f, 150f, 13f, 32f, 0.55f },
        { 1, 420f, 160f, 20f, 50f, 0.5f },
        { 2, 300f, 150f, 24f, 50f, 0.6f },
    };

    [Theory]
    [MemberData(nameof(HiddenBehindACar))]
    public void A_road_user_whose_lower_part_a_car_hides_is_detected_with_its_whole_box(int classId, float x, float y, float width, float height, float hidden)
    {
        var box = new RectangleF(x, y, x + width, y + height);
        var carTop = y + (height * (1f - hidden));
        var car = new RectangleF(x - (1.5f * width), carTop, x + (2.5f * width), carTop + (1.2f * height));
        var street = ReferenceDetectorRun.Street(3, ((ObjectClass)classId, box), (ObjectClass.Car, car));
        var truth = new TruthBox(classId, x, y, width, height, 1, 0.5f, 30f, false, null);
        var wholeObjectsOnly = ReferenceDetectorParameters.Tuned with { TopPartVisible = [0f, 0f, 0f] };

        var best = BestOn(truth, ReferenceDetectorRun.Detect("detector-v1", street));
        var withoutParts = BestOn(truth, ReferenceDetectorRun.Detect(ReferenceDetectorGraph.Build("whole-objects-only", wholeObjectsOnly), "whole-objects-only", street));

        Assert.NotNull(best);
        var hit = best.Value;
        Assert.True(PixelOverlap.Iou(hit, truth) >= 0.7, $"IoU {PixelOverlap.Iou(hit, truth):F3}: box {hit.X1:F1},{hit.Y1:F1}-{hit.X2:F1},{hit.Y2:F1}");
        var iouWithoutParts = withoutParts is { } other ? PixelOverlap.Iou(other, truth) : 0f;
        Assert.True(iouWithoutParts < 0.5, $"without top-part anchors IoU {iouWithoutParts:F3}");
    }

    /// <summary>
    /// The clips wash a road user 60 m away 0.3 of the way towards the haze colour. Capped template responses score
    /// its washed-out colour as they score it clear (logits within 1); uncapped responses, with the gains scaled down
    /// by the cap (about the size they had before it), lose more than 2 of it.
    /// </summary>
    [Theory]
    [InlineData(0, 300f, 168f, 27f, 18f)]
    [InlineData(1, 420f, 165f, 8f, 18f)]
    [InlineData(2, 380f, 165f, 10f, 20f)]
    public void A_far_road_user_scores_its_haze_washed_colour_about_as_it_scores_it_clear(int classId, float x, float y, float width, float height)
    {
        var box = new RectangleF(x, y, x + width, y + height);
        var truth = new TruthBox(classId, x, y, width, height, 1, 0f, 60f, false, null);
        var tuned = ReferenceDetectorParameters.Tuned;
        var uncapped = ReferenceDetectorGraph.Build("uncapped", tuned with { ResponseCap = float.MaxValue, Gains = [.. tuned.Gains.Select(g => g * tuned.ResponseCap)] });
        var capped = ReferenceModels.Build("detector-v1");
        double LogitOf(byte[] model, float haze)
        {
            var hit = BestOn(truth, ReferenceDetectorRun.Detect(model, "model", ReferenceDetectorRun.Street(3, haze, ((ObjectClass)classId, box))));
            Assert.True(hit is { } h && PixelOverlap.Iou(h, truth) >= 0.5, $"haze {haze}: no box on the object");
            return Math.Log(hit!.Value.Score / (1.0 - hit.Value.Score));
        }

        var (clear, hazy) = (LogitOf(capped, 0f), LogitOf(capped, 0.3f));
        var (uncappedClear, uncappedHazy) = (LogitOf(uncapped, 0f), LogitOf(uncapped, 0.3f));

        Assert.True(Math.Abs(hazy - clear) < 1.0, $"capped logits: hazy {hazy:F2}, clear {clear:F2}");
        Assert.True(uncappedHazy < uncappedClear - 2.0, $"uncapped logits: hazy {uncappedHazy:F2}, clear {uncappedClear:F2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_empty_street_gives_no_detection(int seed)
    {
        var detections = ReferenceDetectorRun.Detect("detector-v1", ReferenceDetectorRun.Street(seed));

        Assert.Empty(detections);
    }

    private static Detection? BestOn(TruthBox truth, List<Detection> detections) =>
        detections.Where(d => d.ClassId == truth.ClassId && PixelOverlap.Iou(d, truth) > 0.1).Select(d => (Detection?)d).MaxBy(d => d!.Value.Score);
}
