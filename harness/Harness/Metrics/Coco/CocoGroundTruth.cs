namespace Harness.Metrics.Coco;

/// <summary>
/// The part of a COCO instances file the bbox evaluation reads. Every listed image is evaluated, including images
/// without annotations (their detections are false positives); annotations on unlisted images or categories are skipped,
/// as pycocotools does.
/// </summary>
public sealed record CocoGroundTruth(
    IReadOnlyList<long> ImageIds,
    IReadOnlyList<CocoCategory> Categories,
    IReadOnlyList<CocoAnnotation> Annotations);
