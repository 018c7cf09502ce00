using System.Globalization;
using Harness.Clips.Images;
using Harness.Clips.Synthetic;

namespace Harness.Tests.Testing;

/// <summary>A synthetic clip's frames written out as the datasets users bring: a COCO instances file with its images, a KITTI object folder.</summary>
internal static class RecordedClips
{
    /// <summary>
    /// PNGs under <paramref name="folder"/>/images/ and instances.json: image ids 100 + frame, and the categories
    /// <paramref name="categories"/> names (by id), so ids differ from frame and class indices; truth of classes not
    /// listed is left out. Returns the JSON's path.
    /// </summary>
    public static string WriteCoco(string folder, string synthetic, IReadOnlyDictionary<long, string> categories)
    {
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        using var reader = new SyntheticClipReader(SyntheticSceneOptions.Parse(synthetic));
        var ids = categories.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);
        var images = new List<string>();
        var annotations = new List<string>();
        foreach (var frame in reader.ReadFrames())
        {
            File.WriteAllBytes(Path.Combine(folder, "images", $"{frame.Index}.png"), ImageEncoder.EncodePng(frame.Image));
            images.Add($$"""{"id":{{100 + frame.Index}},"file_name":"{{frame.Index}}.png"}""");
            foreach (var t in frame.Truth.Where(t => t.ClassId >= 0 && ids.ContainsKey(reader.Classes.EvaluationClasses[t.ClassId])))
            {
                annotations.Add(FormattableString.Invariant(
                    $$"""{"id":{{annotations.Count + 1}},"image_id":{{100 + frame.Index}},"category_id":{{ids[reader.Classes.EvaluationClasses[t.ClassId]]}},"bbox":[{{t.X}},{{t.Y}},{{t.Width}},{{t.Height}}],"area":{{t.Width * t.Height}},"iscrowd":{{(t.Ignore ? 1 : 0)}}}"""));
            }
        }

        var listed = categories.Select(c => $$"""{"id":{{c.Key}},"name":"{{c.Value}}"}""");
        var json = Path.Combine(folder, "instances.json");
        File.WriteAllText(json, $$"""{"images":[{{string.Join(",", images)}}],"categories":[{{string.Join(",", listed)}}],"annotations":[{{string.Join(",", annotations)}}]}""");
        return json;
    }

    /// <summary>image_2/00000N.png and label_2/00000N.txt (type with its first letter upper-cased, box corners); returns the folder.</summary>
    public static string WriteKitti(string folder, string synthetic)
    {
        Directory.CreateDirectory(Path.Combine(folder, "image_2"));
        Directory.CreateDirectory(Path.Combine(folder, "label_2"));
        using var reader = new SyntheticClipReader(SyntheticSceneOptions.Parse(synthetic));
        foreach (var frame in reader.ReadFrames())
        {
            var name = frame.Index.ToString("D6", CultureInfo.InvariantCulture);
            File.WriteAllBytes(Path.Combine(folder, "image_2", name + ".png"), ImageEncoder.EncodePng(frame.Image));
            var lines = frame.Truth.Where(t => t.ClassId >= 0 && !t.Ignore).Select(t =>
            {
                var type = reader.Classes.EvaluationClasses[t.ClassId];
                return FormattableString.Invariant($"{char.ToUpperInvariant(type[0])}{type[1..]} 0 0 0 {t.X} {t.Y} {t.X + t.Width} {t.Y + t.Height} 1.5 1.6 3.9 0 1.7 10 0");
            });
            File.WriteAllLines(Path.Combine(folder, "label_2", name + ".txt"), lines);
        }

        return folder;
    }
}
