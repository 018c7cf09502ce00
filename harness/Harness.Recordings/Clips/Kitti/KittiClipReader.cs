namespace Harness.Clips.Kitti;

/// <summary>
/// Replays a KITTI object-detection directory (<c>image_2/</c>, <c>label_2/</c>, optional <c>velodyne/</c>) as a
/// frame stream, one frame per image in file-name order. Labels become truth as <see cref="KittiTruth"/> resolves them;
/// object labels carry no track ids.
/// </summary>
public sealed class KittiClipReader : IClipReader
{
    private const long FramePeriodNs = 100_000_000;

    private readonly string directory;
    private readonly KittiTruth truth;

    public KittiClipReader(string directory, ClassMap classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        this.directory = directory;
        Classes = classes;
        truth = new KittiTruth(classes);
        if (!Directory.Exists(Path.Combine(directory, "image_2")))
        {
            throw new ClipFormatException($"{directory}: not a KITTI object directory (no image_2/ folder)");
        }
    }

    public ClassMap Classes { get; }

    public IReadOnlyDictionary<string, long> LeftOutLabels => truth.LeftOut;

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
            yield return new Frame(index, index * FramePeriodNs, image, ReadTruth(name), KittiTruth.ReadLidar(Path.Combine(directory, "velodyne", name + ".bin")));
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
                if (type.Length > 0 && !truth.Resolves(type))
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
            throw truth.UnknownTypes(where, unknown);
        }
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

            if (truth.Box(KittiLabel.Parse(line, path, lineNumber), trackId: -1, path, lineNumber) is { } box)
            {
                boxes.Add(box);
            }
        }

        return boxes;
    }
}
