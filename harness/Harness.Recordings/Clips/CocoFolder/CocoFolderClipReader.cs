namespace Harness.Clips.CocoFolder;

/// <summary>
/// Replays a COCO instances file plus its image folder as a frame stream: one frame per image in id order, boxes
/// mapped to the scenario's classes by category name through its <see cref="ClassMap"/>, crowd annotations as ignore
/// regions of their class. A category that annotations use and the scenario does not name is an error. Images
/// resolve as <see cref="CocoInstancesFile.ImagePath"/> says.
/// </summary>
public sealed class CocoFolderClipReader : IClipReader
{
    private const long FramePeriodNs = 100_000_000;

    private readonly CocoInstancesFile file;
    private readonly Dictionary<long, List<TruthBox>> truth = [];
    private readonly UnscoredLabels unscored;

    public CocoFolderClipReader(string jsonPath, ClassMap classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        Classes = classes;
        file = CocoInstancesFile.Read(jsonPath);
        unscored = new UnscoredLabels(classes);
        foreach (var annotation in file.Annotations)
        {
            if (!Classes.TryGetTruthClass(annotation.Category, out var classId))
            {
                unscored.Add(annotation.Category);

                continue;
            }

            var boxes = truth.TryGetValue(annotation.ImageId, out var list) ? list : truth[annotation.ImageId] = [];
            boxes.Add(new TruthBox(
                classId,
                annotation.X,
                annotation.Y,
                annotation.Width,
                annotation.Height,
                TrackId: (int)annotation.Id,
                Ignore: annotation.Crowd || classId == ClassMap.IgnoreRegion));
        }

        unscored.ThrowIfUnknown(jsonPath);
    }

    public ClassMap Classes { get; }

    public IReadOnlyDictionary<string, long> LeftOutLabels => unscored.LeftOut;

    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
    {
        for (var index = 0; index < file.Images.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = file.Images[index];
            var decoded = Images.ImageDecoder.DecodeRgbFile(file.ImagePath(image));
            yield return new Frame(index, index * FramePeriodNs, decoded, truth.TryGetValue(image.Id, out var boxes) ? boxes : []);
        }
    }

    public void Dispose()
    {
    }
}
