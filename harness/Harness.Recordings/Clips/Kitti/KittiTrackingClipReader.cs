using System.Globalization;

namespace Harness.Clips.Kitti;

/// <summary>
/// Replays one sequence of a KITTI tracking folder: the clip is <c>image_02/&lt;sequence&gt;/</c>, whose
/// <c>&lt;frame&gt;.png</c> files are its frames in file-name order, 100 ms apart (KITTI records at 10 Hz), with
/// <c>label_02/&lt;sequence&gt;.txt</c> beside <c>image_02/</c> as its truth and <c>velodyne/&lt;sequence&gt;/&lt;frame&gt;.bin</c>
/// as its lidar where present. A frame with no label line has no objects. Each box carries the line's track id
/// (DontCare's is -1); labels become truth as <see cref="KittiTruth"/> resolves them.
/// </summary>
internal sealed class KittiTrackingClipReader : IClipReader
{
    public const string ImageFolder = "image_02";
    public const string LabelFolder = "label_02";
    public const string LidarFolder = "velodyne";

    private const long FramePeriodNs = 100_000_000;

    private readonly string sequenceDirectory;
    private readonly KittiTruth truth;

    /// <param name="sequenceDirectory">The sequence's image folder, <c>&lt;root&gt;/image_02/&lt;sequence&gt;</c>.</param>
    public KittiTrackingClipReader(string sequenceDirectory, ClassMap classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        this.sequenceDirectory = sequenceDirectory;
        Classes = classes;
        truth = new KittiTruth(classes);
        if (!File.Exists(LabelFile(sequenceDirectory)))
        {
            throw new ClipFormatException($"{sequenceDirectory}: not a KITTI tracking sequence (no {LabelFile(sequenceDirectory)} beside {ImageFolder}/)");
        }
    }

    public ClassMap Classes { get; }

    public IReadOnlyDictionary<string, long> LeftOutLabels => truth.LeftOut;

    /// <summary>Whether a folder is a sequence of a tracking folder: <c>image_02/&lt;name&gt;</c> with <c>label_02/&lt;name&gt;.txt</c>.</summary>
    public static bool IsSequence(string directory) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))) == ImageFolder &&
        File.Exists(LabelFile(directory));

    /// <summary>The folder holding <c>image_02/</c> and <c>label_02/</c>.</summary>
    public static string Root(string sequenceDirectory) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(sequenceDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))!)!;

    public static string Sequence(string sequenceDirectory) =>
        Path.GetFileName(Path.GetFullPath(sequenceDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

    public static string LabelFile(string sequenceDirectory) =>
        Path.Combine(Root(sequenceDirectory), LabelFolder, Sequence(sequenceDirectory) + ".txt");

    /// <summary>The sequence's frames: <c>image_02/&lt;sequence&gt;/*.png</c> in ordinal file-name order.</summary>
    public static List<string> ImageFiles(string sequenceDirectory) =>
        [.. Directory.EnumerateFiles(sequenceDirectory, "*.png").Order(StringComparer.Ordinal)];

    /// <summary>The sequence's scans, <c>velodyne/&lt;sequence&gt;/*.bin</c>, where the folder has them.</summary>
    public static IEnumerable<string> LidarFiles(string sequenceDirectory)
    {
        var folder = Path.Combine(Root(sequenceDirectory), LidarFolder, Sequence(sequenceDirectory));
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.bin") : [];
    }

    /// <exception cref="ClipFormatException">
    /// An image is not named by its frame number, a label line is malformed or names a frame without an image, or label
    /// types of the sequence map to no class (all of them in one message, before the first frame).
    /// </exception>
    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
    {
        var images = ImageFiles(sequenceDirectory);
        var frames = images.Select(FrameNumber).ToList();
        var labels = ReadLabels(new HashSet<int>(frames));
        var lidar = Path.Combine(Root(sequenceDirectory), LidarFolder, Sequence(sequenceDirectory));
        for (var index = 0; index < images.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = Images.ImageDecoder.DecodeRgbFile(images[index]);
            var boxes = labels.TryGetValue(frames[index], out var boxesOfFrame) ? boxesOfFrame : [];
            yield return new Frame(index, frames[index] * FramePeriodNs, image, boxes, KittiTruth.ReadLidar(Path.Combine(lidar, Path.GetFileNameWithoutExtension(images[index]) + ".bin")));
        }
    }

    public void Dispose()
    {
    }

    private static int FrameNumber(string image) =>
        int.TryParse(Path.GetFileNameWithoutExtension(image), NumberStyles.None, CultureInfo.InvariantCulture, out var frame)
            ? frame
            : throw new ClipFormatException($"{image}: a KITTI tracking image is named by its frame number (000000.png)");

    /// <summary>
    /// The whole label file, every line checked, per frame: a sequence's labels are one file of a few thousand lines,
    /// and reading it first reports every unknown type in one message before the first frame, as the object layout does.
    /// </summary>
    private Dictionary<int, List<TruthBox>> ReadLabels(HashSet<int> frames)
    {
        var path = LabelFile(sequenceDirectory);
        var lines = new List<(int Frame, int TrackId, KittiLabel Label, int LineNumber)>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (frame, trackId, label) = KittiLabel.ParseTracking(line, path, lineNumber);
            if (!frames.Contains(frame))
            {
                throw new ClipFormatException($"{path}:{lineNumber}: frame {frame} has no image {Path.Combine(sequenceDirectory, frame.ToString("D6", CultureInfo.InvariantCulture) + ".png")}");
            }

            if (!truth.Resolves(label.Type))
            {
                unknown.Add(label.Type);
            }

            lines.Add((frame, trackId, label, lineNumber));
        }

        if (unknown.Count > 0)
        {
            throw truth.UnknownTypes(path, unknown);
        }

        var boxes = new Dictionary<int, List<TruthBox>>();
        foreach (var (frame, trackId, label, number) in lines)
        {
            if (truth.Box(label, trackId, path, number) is { } box)
            {
                if (!boxes.TryGetValue(frame, out var ofFrame))
                {
                    boxes[frame] = ofFrame = [];
                }

                ofFrame.Add(box);
            }
        }

        return boxes;
    }
}
