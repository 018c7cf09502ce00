using Harness.IO;
using Harness.Scenarios;

namespace Harness.Clips.Kitti;

/// <summary>
/// One sequence of a KITTI tracking folder, named by its image folder (<c>training/image_02/0004</c>) as KITTI's own
/// devkit names it by folder and sequence number. The tracking folder itself is recognised too, so pointing at it
/// says which sequences there are rather than that it is no format at all.
/// </summary>
internal sealed class KittiTrackingClipFormat : IClipFormat
{
    public string Description => "a KITTI tracking sequence (image_02/<sequence>/ with label_02/<sequence>.txt, optional velodyne/<sequence>/)";

    public bool Recognizes(ClipProbe probe) =>
        probe.IsDirectory && (KittiTrackingClipReader.IsSequence(probe.Path) || (probe.HasSubdirectory(KittiTrackingClipReader.ImageFolder) && probe.HasSubdirectory(KittiTrackingClipReader.LabelFolder)));

    public IClipReader Open(string path, ClipSpec clip, ClassMap classes) => new KittiTrackingClipReader(SequenceOf(path), classes);

    /// <summary>The sequence's images, its label file and its scans, by their paths below the tracking folder: another sequence's files are another clip.</summary>
    public string Hash(string path)
    {
        var sequence = SequenceOf(path);
        return ContentHash.OfFiles(
            KittiTrackingClipReader.Root(sequence),
            KittiTrackingClipReader.ImageFiles(sequence).Append(KittiTrackingClipReader.LabelFile(sequence)).Concat(KittiTrackingClipReader.LidarFiles(sequence)));
    }

    public ClipIndex Index(string path)
    {
        var sequence = SequenceOf(path);
        var name = KittiTrackingClipReader.Sequence(sequence);
        return new("kitti", [.. KittiTrackingClipReader.ImageFiles(sequence).Select((file, i) => new IndexedFrame(i, $"{KittiTrackingClipReader.ImageFolder}/{name}/{Path.GetFileName(file)}"))], []);
    }

    private static string SequenceOf(string path)
    {
        if (KittiTrackingClipReader.IsSequence(path))
        {
            return path;
        }

        var sequences = Directory.EnumerateDirectories(Path.Combine(path, KittiTrackingClipReader.ImageFolder))
            .Where(KittiTrackingClipReader.IsSequence).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var example = Path.Combine(path, KittiTrackingClipReader.ImageFolder, sequences.Count > 0 ? sequences[0]! : "0000");
        throw new ClipFormatException(
            $"clip '{path}' is a KITTI tracking folder; a clip is one of its sequences: name its image folder, e.g. '{example}' " +
            $"(sequences with labels: {(sequences.Count == 0 ? "none" : string.Join(", ", sequences))})");
    }
}
