using System.Globalization;
using System.Text;
using Harness.Metrics;
using Harness.Metrics.Flips;

namespace Harness.Reporting;

/// <summary>
/// The report page's pictures of frames: crops of the objects that flipped against the baseline, strips of the least
/// stable tracks, and thumbnails of the frames to review with their captions (or, when no image was kept, the frames
/// named).
/// </summary>
internal static class HtmlFrameSections
{
    public static void AppendFlips(StringBuilder html, HtmlScenarioImages images)
    {
        if (images.FlipPaths.Count == 0)
        {
            return;
        }

        html.Append("<h3>Objects that changed against the baseline, most severe first</h3>\n")
            .Append("<p class=\"muted\">Each crop twice: the baseline run's detections on the left, this run's on the right; truth green, ")
            .Append("the detection the change is about thick red. Near, large, vulnerable road users rank before far, small cars.</p>\n");
        foreach (var (path, caption) in images.FlipPaths)
        {
            html.Append("<figure><img src=\"").Append(HtmlPage.Escape(path)).Append("\" alt=\"").Append(HtmlPage.Escape(caption))
                .Append("\"><figcaption>").Append(HtmlPage.Escape(caption)).Append("</figcaption></figure>\n");
        }
    }

    public static void AppendTracks(StringBuilder html, HtmlScenarioImages images)
    {
        if (images.TrackPaths.Count == 0)
        {
            return;
        }

        html.Append("<h3>Least stable tracks in this run, worst first</h3>\n")
            .Append("<p class=\"muted\">The tracks with the most flickers plus class switches (docs/metrics.md), each as consecutive frames around its worst burst of them: ")
            .Append("truth green, the matched detection blue; a missed frame framed red, with the detection overlapping the object most in red (labelled when it is of another class).</p>\n");
        foreach (var (path, caption) in images.TrackPaths)
        {
            html.Append("<figure><img src=\"").Append(HtmlPage.Escape(path)).Append("\" alt=\"").Append(HtmlPage.Escape(caption))
                .Append("\"><figcaption>").Append(HtmlPage.Escape(caption)).Append("</figcaption></figure>\n");
        }
    }

    public static void AppendFrames(StringBuilder html, ScenarioResult result, HtmlScenarioImages images)
    {
        var changed = result.ReviewFrames.Count(f => f.ChangedFromBaseline);
        if (changed > 0)
        {
            html.Append("<h3>Frames where objects flipped against the baseline</h3>\n")
                .Append("<p class=\"muted\">Frames where objects were lost, found or changed class, or false positives appeared or went away, against the baseline run; ")
                .Append("the most severe flip first (near, large, vulnerable road users before far, small cars); ")
                .Append("then, if room is left, the frames of this run with the most false positives plus misses at IoU 0.5.</p>\n");
        }
        else
        {
            html.Append("<h3>Frames with the most errors in this run</h3>\n")
                .Append("<p class=\"muted\">No object flipped against the baseline run (or there were no baseline detections to compare with): ")
                .Append("these are the frames of this run with the most false positives plus misses at IoU 0.5.</p>\n");
        }

        if (result.ReviewFrames.Count == 0)
        {
            html.Append("<p>No frame changed or had a false positive or a miss.</p>\n");
            return;
        }

        if (images.FramePaths.All(path => path is null))
        {
            // An unchanged pass keeps no images (ReviewImages.Needed): the frames are still named, so a reviewer can open
            // them in the clip, or run again with the images kept.
            html.Append("<p class=\"muted\">No review images stored: an unchanged pass (no warning, no object flipped against the baseline) keeps none. ")
                .Append("Run <code>harness run --review-images always</code> to keep them.</p>\n<ul>\n");
            foreach (var frame in result.ReviewFrames)
            {
                html.Append("<li>").Append(HtmlPage.Escape(Caption(frame))).Append("</li>\n");
            }

            html.Append("</ul>\n");
            return;
        }

        html.Append("<p class=\"key muted\">")
            .Append(Key(Thumbnails.TruthColor, "truth (thick and labelled: missed)"))
            .Append(Key(Thumbnails.MatchedColor, "matched detection (labels: score)"))
            .Append(Key(Thumbnails.FalsePositiveColor, "false positive"))
            .Append(Key(Thumbnails.IgnoreColor, "ignore region (dashed) / detection inside one"))
            .Append("</p>\n");
        for (var i = 0; i < result.ReviewFrames.Count && i < images.FramePaths.Count; i++)
        {
            var frame = result.ReviewFrames[i];
            if (images.FramePaths[i] is not { } path || frame.Image is not { } image)
            {
                continue;
            }

            var caption = Caption(frame);
            html.Append("<figure><img src=\"").Append(HtmlPage.Escape(path)).Append("\" width=\"").Append(Number(Thumbnails.Width))
                .Append("\" height=\"").Append(Number(Thumbnails.HeightFor(image))).Append("\" alt=\"").Append(HtmlPage.Escape(caption))
                .Append("\"><figcaption>").Append(HtmlPage.Escape(caption)).Append("</figcaption></figure>\n");
        }
    }

    /// <summary>E.g. "1 lost, 1 false positive appeared against the baseline; frame 7: 2 false positives, 1 miss".</summary>
    private static string Caption(ReviewFrame frame) =>
        FlipCaption(frame.Flips) + Invariant($"frame {frame.FrameIndex}: {frame.FalsePositives} false positive{Plural(frame.FalsePositives)}, {frame.Misses} miss{(frame.Misses == 1 ? "" : "es")}");

    /// <summary>E.g. "1 lost, 2 false positives appeared against the baseline; ", or nothing when no object flipped.</summary>
    private static string FlipCaption(IReadOnlyList<ObjectFlip> flips) =>
        flips.Count == 0
            ? ""
            : string.Join(", ", flips.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => FlipCount(g.Key, g.Count()))) + " against the baseline; ";

    private static string FlipCount(FlipKind kind, int count) => kind switch
    {
        FlipKind.Lost => Invariant($"{count} lost"),
        FlipKind.Found => Invariant($"{count} found"),
        FlipKind.ClassChanged => Invariant($"{count} class change{Plural(count)}"),
        FlipKind.FalsePositiveAppeared => Invariant($"{count} false positive{Plural(count)} appeared"),
        _ => Invariant($"{count} false positive{Plural(count)} gone"),
    };

    private static string Key(SkiaSharp.SKColor color, string label) =>
        Invariant($"<span style=\"background: rgb({color.Red}, {color.Green}, {color.Blue})\"></span>") + HtmlPage.Escape(label);

    private static string Plural(int count) => count == 1 ? "" : "s";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
