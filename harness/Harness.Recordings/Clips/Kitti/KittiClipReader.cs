namespace Harness.Clips.Kitti;

/// <summary>
/// Replays a KITTI object-detection directory (<c>image_2/</c>, <c>label_2/</c>, optional <c>velodyne/</c>) as a
/// frame stream, one frame per image in file-name order. Label types resolve by name through the scenario's
/// <see cref="ClassMap"/>; <c>DontCare</c>, unless the scenario maps it, is an ignore region of every class, as KITTI's
/// evaluation treats it; a neighbour class the scenario does not name becomes an ignore region of its neighbour, as
/// KITTI's own evaluation does (Van for cars, Person_sitting for pedestrians). Any other label type the scenario does
/// not name is left out under <see cref="ClassEvaluation.Mapped"/> and an error otherwise.
/// </summary>
public sealed class KittiClipReader : IClipReader
{
    private const long FramePeriodNs = 100_000_000;

    private static readonly Dictionary<string, string> Neighbours = new(StringComparer.Ordinal)
    {
        ["Van"] = "car",
        ["Person_sitting"] = "pedestrian",
    };

    /// <summary>KITTI's label for regions that were not annotated: detections there count neither way.</summary>
    private const string DontCare = "DontCare";

    private readonly string directory;
    private readonly UnscoredLabels unscored;

    public KittiClipReader(string directory, ClassMap classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        this.directory = directory;
        Classes = classes;
        unscored = new UnscoredLabels(classes);
        if (!Directory.Exists(Path.Combine(directory, "image_2")))
        {
            throw new ClipFormatException($"{directory}: not a KITTI object directory (no image_2/ folder)");
        }
    }

    public ClassMap Classes { get; }

    public IReadOnlyDictionary<string, long> LeftOutLabels => unscored.LeftOut;

    /// <summary>KITTI's occlusion levels as the fraction hidden, at the middle of each level's range.</summary>
    internal static float OcclusionFraction(int level) => level switch
    {
        0 => 0f,
        1 => 0.3f,
        2 => 0.7f,
        _ => 0.5f,
    };

    /// <exception cref="ClipFormatException">A label file is missing or malformed, or label types of the clip map to no class (all of them in one message, before the first frame).</exception>
    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
    {
        var images = ImageFiles(directory);
        CheckLabelTypes(images);
        for (var index = 0; index < images.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileNameWithoutExtension(images[index]);
            var image = Images.ImageDecoder.DecodeRgbFile(images[index]);
            yield return new Frame(index, index * FramePeriodNs, image, ReadTruth(name), ReadLidar(name));
        }
    }

    public void Dispose()
    {
    }

    /// <summary>The clip's frames: <c>image_2/*.png</c> in ordinal file-name order.</summary>
    internal static List<string> ImageFiles(string directory) =>
        [.. Directory.EnumerateFiles(Path.Combine(directory, "image_2"), "*.png").Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every label type of the clip that maps to no class, in one message naming how many label files hold them and
    /// the first: a user fixing the class map learns every missing name at once, not one replay at a time.
    /// </summary>
    private void CheckLabelTypes(IReadOnlyList<string> images)
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var image in images)
        {
            var path = Path.Combine(directory, "label_2", Path.GetFileNameWithoutExtension(image) + ".txt");
            if (!File.Exists(path))
            {
                continue;
            }

            var found = false;
            foreach (var line in File.ReadLines(path))
            {
                var type = line.TrimStart().Split(' ', 2)[0];
                if (type.Length > 0 && !Resolves(type))
                {
                    found = true;
                    unknown.Add(type);
                }
            }

            if (found)
            {
                files.Add(path);
            }
        }

        if (unknown.Count > 0)
        {
            var where = files.Count == 1 ? files[0] : $"{Path.Combine(directory, "label_2")} ({files.Count} label files, first {Path.GetFileName(files[0])})";
            throw new ClipFormatException($"{where}: {Classes.DescribeUnknown(unknown)}");
        }
    }

    /// <summary>Whether a label type has a class, an ignore region or a neighbour class to stand for, or is left out.</summary>
    private bool Resolves(string type) =>
        Classes.TryGetTruthClass(type, out _) ||
        (Neighbours.TryGetValue(type, out var neighbour) && Classes.TryGetTruthClass(neighbour, out var classId) && classId >= 0) ||
        type == DontCare ||
        Classes.LeavesOut(type);

    private List<TruthBox> ReadTruth(string name)
    {
        var path = Path.Combine(directory, "label_2", name + ".txt");
        if (!File.Exists(path))
        {
            throw new ClipFormatException($"{path}: label file missing for image {name}.png");
        }

        var boxes = new List<TruthBox>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var label = KittiLabel.Parse(line, path, lineNumber);
            var width = label.X2 - label.X1;
            var height = label.Y2 - label.Y1;
            bool neighbourOnly;
            if (Classes.TryGetTruthClass(label.Type, out var classId))
            {
                neighbourOnly = false;
            }
            else if (Neighbours.TryGetValue(label.Type, out var neighbour) && Classes.TryGetTruthClass(neighbour, out classId) && classId >= 0)
            {
                neighbourOnly = true;
            }
            else if (label.Type == DontCare)
            {
                (classId, neighbourOnly) = (ClassMap.IgnoreRegion, false);
            }
            else if (Classes.LeavesOut(label.Type))
            {
                unscored.Add(label.Type);
                continue;
            }
            else
            {
                // CheckLabelTypes found every type before the first frame; only a file rewritten since gets here.
                throw new ClipFormatException($"{path}:{lineNumber}: {Classes.DescribeUnknown([label.Type])}");
            }

            if (classId == ClassMap.IgnoreRegion)
            {
                boxes.Add(new TruthBox(ClassMap.IgnoreRegion, label.X1, label.Y1, width, height, Ignore: true));
                continue;
            }

            var ego = new Box3D(label.Z, -label.X, -label.Y + (label.Height / 2), label.Length, label.Width, label.Height, -label.RotationY);
            boxes.Add(new TruthBox(
                classId,
                label.X1,
                label.Y1,
                width,
                height,
                TrackId: -1,
                Occlusion: OcclusionFraction(label.OcclusionLevel),
                RangeMeters: MathF.Sqrt((label.X * label.X) + (label.Z * label.Z)),
                Ignore: neighbourOnly,
                Box3D: ego));
        }

        return boxes;
    }

    private LidarScan? ReadLidar(string name)
    {
        var path = Path.Combine(directory, "velodyne", name + ".bin");
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % 16 != 0)
        {
            throw new ClipFormatException($"{path}: {bytes.Length} bytes is not a whole number of (x, y, z, reflectance) float32 points");
        }

        var points = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, points, 0, bytes.Length);
        return new LidarScan(points);
    }
}
