using System.Text.Json;

namespace Harness.Clips.CocoFolder;

/// <summary>One image of a COCO instances file: its id and its <c>file_name</c> as written.</summary>
internal readonly record struct CocoImageEntry(long Id, string FileName);

/// <summary>One annotation of a COCO instances file, its category resolved to the category's name.</summary>
internal readonly record struct CocoInstance(long Id, long ImageId, string Category, float X, float Y, float Width, float Height, bool Crowd);

/// <summary>
/// A COCO instances file as a recording: its images in id order, its categories and its annotations, refused when
/// they cannot describe real truth (an image id listed twice, an annotation of an image or category the file does not
/// have, a box of negative or non-finite size). Images resolve against the folder holding the JSON, then its
/// <c>images/</c> sub-folder; the clip's pin covers the JSON and every image it resolves to.
/// </summary>
internal sealed class CocoInstancesFile
{
    private CocoInstancesFile(string path, IReadOnlyList<CocoImageEntry> images, IReadOnlyDictionary<long, string> categories, IReadOnlyList<CocoInstance> annotations)
    {
        Path = path;
        Images = images;
        Categories = categories;
        Annotations = annotations;
    }

    public string Path { get; }

    /// <summary>The folder image file names are relative to.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>In id order: the frame order of the clip.</summary>
    public IReadOnlyList<CocoImageEntry> Images { get; }

    public IReadOnlyDictionary<long, string> Categories { get; }

    public IReadOnlyList<CocoInstance> Annotations { get; }

    /// <exception cref="ClipFormatException">The file is not a COCO instances file, or its truth cannot be right.</exception>
    public static CocoInstancesFile Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return Parse(path, document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ClipFormatException($"{path}: not a COCO instances file ({e.Message})", e);
        }
    }

    /// <summary>The image's file: beside the JSON (sub-folders included), else in <c>images/</c>.</summary>
    /// <exception cref="ClipFormatException">Neither exists; the message names both places.</exception>
    public string ImagePath(CocoImageEntry image)
    {
        string[] candidates = [System.IO.Path.Combine(Folder, image.FileName), System.IO.Path.Combine(Folder, "images", image.FileName)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new ClipFormatException($"{Path}: image {image.Id} '{image.FileName}' not found; looked at {candidates[0]} and {candidates[1]}");
    }

    private static CocoInstancesFile Parse(string path, JsonElement root)
    {
        var categories = new Dictionary<long, string>();
        foreach (var category in root.GetProperty("categories").EnumerateArray())
        {
            categories[category.GetProperty("id").GetInt64()] = category.GetProperty("name").GetString() ?? "";
        }

        var images = new List<CocoImageEntry>();
        var files = new Dictionary<long, string>();
        foreach (var image in root.GetProperty("images").EnumerateArray())
        {
            var entry = new CocoImageEntry(image.GetProperty("id").GetInt64(), image.GetProperty("file_name").GetString() ?? throw new FormatException("image without file_name"));
            if (!files.TryAdd(entry.Id, entry.FileName))
            {
                throw new ClipFormatException($"{path}: image id {entry.Id} is listed twice ('{files[entry.Id]}' and '{entry.FileName}'); each image needs its own id");
            }

            images.Add(entry);
        }

        images.Sort((a, b) => a.Id.CompareTo(b.Id));
        var annotations = new List<CocoInstance>();
        foreach (var annotation in root.GetProperty("annotations").EnumerateArray())
        {
            var id = annotation.TryGetProperty("id", out var idElement) ? idElement.GetInt64() : -1;
            var imageId = annotation.GetProperty("image_id").GetInt64();
            if (!files.ContainsKey(imageId))
            {
                throw new ClipFormatException($"{path}: annotation {id} refers to unknown image {imageId}");
            }

            var categoryId = annotation.GetProperty("category_id").GetInt64();
            if (!categories.TryGetValue(categoryId, out var category))
            {
                throw new ClipFormatException($"{path}: annotation {id} refers to unknown category {categoryId}");
            }

            var box = annotation.GetProperty("bbox");
            var (x, y, width, height) = (box[0].GetSingle(), box[1].GetSingle(), box[2].GetSingle(), box[3].GetSingle());
            if (!(float.IsFinite(x) && float.IsFinite(y) && width >= 0 && height >= 0 && float.IsFinite(width) && float.IsFinite(height)))
            {
                throw new ClipFormatException(FormattableString.Invariant(
                    $"{path}: annotation {id} has bbox [{x}, {y}, {width}, {height}]; a box's width and height are finite and not negative"));
            }

            var crowd = annotation.TryGetProperty("iscrowd", out var c) && c.GetInt32() == 1;
            annotations.Add(new CocoInstance(id, imageId, category, x, y, width, height, crowd));
        }

        return new CocoInstancesFile(path, images, categories, annotations);
    }
}
