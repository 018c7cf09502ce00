namespace Harness.Metrics.Coco;

/// <summary>
/// Ground truth and detections resolved to dense image and category indices (sorted ids, as pycocotools sorts
/// imgIds and catIds) and bucketed by (category, image); box data kept as arrays for the inner loops.
/// </summary>
internal sealed class CocoInput
{
    private CocoInput(long[] imageIds, int[] categoryIds, TruthBoxGeometry[] truthBoxes, double[] truthAreas, bool[] truthIgnored,
        CocoBuckets truthBuckets, CocoDetection[] detections, CocoBuckets detectionBuckets)
    {
        ImageIds = imageIds;
        CategoryIds = categoryIds;
        TruthBoxes = truthBoxes;
        TruthAreas = truthAreas;
        TruthIgnored = truthIgnored;
        TruthBuckets = truthBuckets;
        Detections = detections;
        DetectionBuckets = detectionBuckets;
    }

    public long[] ImageIds { get; }

    public int[] CategoryIds { get; }

    public TruthBoxGeometry[] TruthBoxes { get; }

    /// <summary>The annotation <c>area</c> field, used for the area ranges.</summary>
    public double[] TruthAreas { get; }

    /// <summary>pycocotools' gt['ignore']: it is reset to iscrowd, whatever the file's <c>ignore</c> field said.</summary>
    public bool[] TruthIgnored { get; }

    public CocoBuckets TruthBuckets { get; }

    public CocoDetection[] Detections { get; }

    public CocoBuckets DetectionBuckets { get; }

    public int Bucket(int category, int image) => (category * ImageIds.Length) + image;

    /// <exception cref="ArgumentException">A detection refers to an image that is not in the ground truth.</exception>
    public static CocoInput Create(CocoGroundTruth truth, IReadOnlyList<CocoDetection> detections)
    {
        var imageIds = truth.ImageIds.Distinct().Order().ToArray();
        var categoryIds = truth.Categories.Select(c => c.Id).Distinct().Order().ToArray();
        var imageIndex = new Dictionary<long, int>(imageIds.Length);
        for (var i = 0; i < imageIds.Length; i++)
        {
            imageIndex[imageIds[i]] = i;
        }

        var categoryIndex = new Dictionary<int, int>(categoryIds.Length);
        for (var k = 0; k < categoryIds.Length; k++)
        {
            categoryIndex[categoryIds[k]] = k;
        }

        var bucketCount = imageIds.Length * categoryIds.Length;
        var annotations = truth.Annotations;
        var truthBoxes = new TruthBoxGeometry[annotations.Count];
        var truthAreas = new double[annotations.Count];
        var truthIgnored = new bool[annotations.Count];
        var truthKeys = new int[annotations.Count];
        for (var g = 0; g < annotations.Count; g++)
        {
            var a = annotations[g];
            truthBoxes[g] = TruthBoxGeometry.FromXywh(a.X, a.Y, a.Width, a.Height, a.IsCrowd);
            truthAreas[g] = a.Area;
            truthIgnored[g] = a.IsCrowd;
            truthKeys[g] = imageIndex.TryGetValue(a.ImageId, out var i) && categoryIndex.TryGetValue(a.CategoryId, out var k)
                ? (k * imageIds.Length) + i
                : -1;
        }

        var detectionArray = new CocoDetection[detections.Count];
        var detectionKeys = new int[detections.Count];
        for (var d = 0; d < detections.Count; d++)
        {
            var det = detections[d];
            detectionArray[d] = det;
            if (!imageIndex.TryGetValue(det.ImageId, out var i))
            {
                throw new ArgumentException(
                    $"Detection {d} refers to image id {det.ImageId}, which is not in the ground truth (pycocotools: results do not correspond to the current coco set).",
                    nameof(detections));
            }

            detectionKeys[d] = categoryIndex.TryGetValue(det.CategoryId, out var k) ? (k * imageIds.Length) + i : -1;
        }

        return new CocoInput(imageIds, categoryIds, truthBoxes, truthAreas, truthIgnored,
            CocoBuckets.Build(truthKeys, bucketCount), detectionArray, CocoBuckets.Build(detectionKeys, bucketCount));
    }
}
