using Harness.IO;
using Harness.Scenarios;

namespace Harness.Clips.CocoFolder;

/// <summary>A COCO instances file (.json, or any file that opens a JSON object) with its image folder.</summary>
internal sealed class CocoJsonClipFormat : IClipFormat
{
    public string Description => "a COCO instances .json beside its images (or an images/ folder)";

    public bool Recognizes(ClipProbe probe)
    {
        if (probe.IsDirectory)
        {
            return false;
        }

        var text = probe.Head;
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        return probe.HasExtension(".json") || (start >= 0 && text[start] == (byte)'{');
    }

    public IClipReader Open(string path, ClipSpec clip, ClassMap classes) => new CocoFolderClipReader(path, classes);

    /// <summary>The JSON and every image it names (paths relative to the JSON's folder): a blurred image changes the clip.</summary>
    public string Hash(string path)
    {
        var file = CocoInstancesFile.Read(path);
        return ContentHash.OfFiles(file.Folder, file.Images.Select(file.ImagePath).Prepend(Path.GetFullPath(path)));
    }

    public ClipIndex Index(string path)
    {
        var file = CocoInstancesFile.Read(path);
        return new ClipIndex("coco", [.. file.Images.Select(i => new IndexedFrame(i.Id, i.FileName))], [.. file.Categories.Select(c => new IndexedCategory(c.Key, c.Value))]);
    }
}
