namespace Harness.Clips.Kitti;

/// <summary>
/// Replays a KITTI object-detection directory (<c>image_2/</c>, <c>label_2/</c>, optional <c>velodyne/</c>) as a
/// frame stream, one frame per image in file-name order. DontCare boxes become ignore regions, and so do the
/// neighbour classes KITTI's own evaluation ignores (Van for cars, Person_sitting for pedestrians).
/// </summary>
public sealed class KittiClipReader : IClipReader
{
    private const long FramePeriodNs = 100_000_000;

    private static readonly Dictionary<string, string> Ignored = new(StringComparer.Ordinal)
    {
        ["Van"] = "car",
        ["Person_sitting"] = "pedestrian",
    };

    private readonly string directory;
    private readonly Dictionary<string, int> classIds;

    public KittiClipReader(string directory, IReadOnlyList<string> classNames)
    {
        this.directory = directory;
        ClassNames = classNames;
        classIds = classNames.Select((name, id) => (name, id)).ToDictionary(c => c.name, c => c.id, StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(Path.Combine(directory, "image_2")))
        {
            throw new ClipFormatException($"{directory}: not a KITTI object directory (no image_2/ folder)");
        }
    }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>KITTI's occlusion levels as the fraction hidden, at the middle of each level's range.</summary>
    internal static float OcclusionFraction(int level) => level switch
    {
        0 => 0f,
        1 => 0.3f,
        2 => 0.7f,
        _ => 0.5f,
    };

    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
    {
        var images = Directory.EnumerateFiles(Path.Combine(directory, "image_2"), "*.png").Order(StringComparer.Ordinal).ToList();
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
            if (label.Type == "DontCare")
            {
                boxes.Add(new TruthBox(-1, label.X1, label.Y1, width, height, Ignore: true));
                continue;
            }

            var className = Ignored.TryGetValue(label.Type, out var neighbour) ? neighbour : label.Type;
            if (!classIds.TryGetValue(className, out var classId))
            {
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
                Ignore: Ignored.ContainsKey(label.Type),
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
