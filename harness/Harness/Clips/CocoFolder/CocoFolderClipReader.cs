using System.Text.Json;

namespace Harness.Clips.CocoFolder;

/// <summary>
/// Replays a COCO instances file plus its image folder as a frame stream: one frame per image in id order, boxes
/// mapped to the scenario's classes by category name through its <see cref="ClassMap"/>, crowd annotations as ignore
/// regions of their class. A category that annotations use and the scenario does not name is an error. Images
/// resolve against the folder holding the JSON, then its <c>images/</c> sub-folder.
/// </summary>
public sealed class CocoFolderClipReader : IClipReader
{
    private const long FramePeriodNs = 100_000_000;

    private readonly string jsonPath;
    private readonly List<(long Id, string File)> images = [];
    private readonly Dictionary<long, List<TruthBox>> truth = [];

    public CocoFolderClipReader(string jsonPath, ClassMap classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        this.jsonPath = jsonPath;
        Classes = classes;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
            Load(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ClipFormatException($"{jsonPath}: not a COCO instances file ({e.Message})", e);
        }
    }

    public ClassMap Classes { get; }

    public IEnumerable<Frame> ReadFrames(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        for (var index = 0; index < images.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (id, file) = images[index];
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                path = Path.Combine(folder, "images", file);
            }

            var image = Images.ImageDecoder.DecodeRgbFile(path);
            yield return new Frame(index, index * FramePeriodNs, image, truth.TryGetValue(id, out var boxes) ? boxes : []);
        }
    }

    public void Dispose()
    {
    }

    private void Load(JsonElement root)
    {
        var categories = new Dictionary<long, string>();
        foreach (var category in root.GetProperty("categories").EnumerateArray())
        {
            categories[category.GetProperty("id").GetInt64()] = category.GetProperty("name").GetString() ?? "";
        }

        foreach (var image in root.GetProperty("images").EnumerateArray())
        {
            images.Add((image.GetProperty("id").GetInt64(), image.GetProperty("file_name").GetString() ?? throw new FormatException("image without file_name")));
        }

        images.Sort((a, b) => a.Id.CompareTo(b.Id));
        var known = images.Select(i => i.Id).ToHashSet();
        var unknownLabels = new List<string>();
        foreach (var annotation in root.GetProperty("annotations").EnumerateArray())
        {
            var imageId = annotation.GetProperty("image_id").GetInt64();
            if (!known.Contains(imageId))
            {
                throw new FormatException($"annotation {annotation.GetProperty("id")} refers to unknown image {imageId}");
            }

            var categoryId = annotation.GetProperty("category_id").GetInt64();
            if (!categories.TryGetValue(categoryId, out var label))
            {
                throw new FormatException($"annotation {annotation.GetProperty("id")} refers to unknown category {categoryId}");
            }

            if (!Classes.TryGetTruthClass(label, out var classId))
            {
                unknownLabels.Add(label);
                continue;
            }

            var crowd = annotation.TryGetProperty("iscrowd", out var c) && c.GetInt32() == 1;
            var box = annotation.GetProperty("bbox");
            var boxes = truth.TryGetValue(imageId, out var list) ? list : truth[imageId] = [];
            boxes.Add(new TruthBox(
                classId,
                box[0].GetSingle(),
                box[1].GetSingle(),
                box[2].GetSingle(),
                box[3].GetSingle(),
                TrackId: annotation.TryGetProperty("id", out var trackId) ? (int)trackId.GetInt64() : -1,
                Ignore: crowd || classId == ClassMap.IgnoreRegion));
        }

        if (unknownLabels.Count > 0)
        {
            throw new ClipFormatException($"{jsonPath}: {Classes.DescribeUnknown(unknownLabels)}");
        }
    }
}
