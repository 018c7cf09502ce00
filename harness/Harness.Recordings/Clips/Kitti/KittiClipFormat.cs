using Harness.Scenarios;

namespace Harness.Clips.Kitti;

/// <summary>A KITTI object directory: only when it has both image_2/ and label_2/, so any other folder is an error rather than an empty clip.</summary>
internal sealed class KittiClipFormat : IClipFormat
{
    public string Description => "a KITTI object directory (image_2/ and label_2/, optional velodyne/)";

    public bool Recognizes(ClipProbe probe) => probe.HasSubdirectory("image_2") && probe.HasSubdirectory("label_2");

    public IClipReader Open(string path, ClipSpec clip, ClassMap classes) => new KittiClipReader(path, classes);

    public ClipIndex Index(string path) =>
        new("kitti", [.. KittiClipReader.ImageFiles(path).Select((file, i) => new IndexedFrame(i, "image_2/" + Path.GetFileName(file)))], []);
}
