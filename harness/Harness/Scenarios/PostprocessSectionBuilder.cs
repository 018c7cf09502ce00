using System.Globalization;

namespace Harness.Scenarios;

/// <summary>The postprocess section: the operating point, each value left unset taking its default.</summary>
internal sealed class PostprocessSectionBuilder
{
    private PostprocessDraft _postprocess = new(null, null, null, null);

    public void Set(double? scoreThreshold, double? iouThreshold, int? maxDetections, bool? classAgnostic) =>
        _postprocess = new PostprocessDraft(scoreThreshold ?? _postprocess.Score, iouThreshold ?? _postprocess.Iou,
            maxDetections ?? _postprocess.Max, classAgnostic ?? _postprocess.Agnostic);

    public PostprocessSpec Build(FieldProblems problems)
    {
        var score = _postprocess.Score ?? 0.25;
        var iou = _postprocess.Iou ?? 0.45;
        var max = _postprocess.Max ?? 300;
        if (score is < 0 or > 1 || double.IsNaN(score))
        {
            problems.Add("postprocess.score_threshold", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 1, found {score}"));
        }

        if (iou is <= 0 or > 1 || double.IsNaN(iou))
        {
            problems.Add("postprocess.iou_threshold", string.Create(CultureInfo.InvariantCulture, $"must be greater than 0 and at most 1, found {iou}"));
        }

        if (max <= 0)
        {
            problems.Add("postprocess.max_detections", "must be positive");
        }

        return new PostprocessSpec((float)score, (float)iou, max, _postprocess.Agnostic ?? false);
    }

    private sealed record PostprocessDraft(double? Score, double? Iou, int? Max, bool? Agnostic);
}
