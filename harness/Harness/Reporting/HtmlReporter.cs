using System.Globalization;
using System.Text;
using Harness.Clips.Images;
using Harness.Results;
using Harness.Threading;

namespace Harness.Reporting;

/// <summary>
/// The report a reviewer reads: <c>index.html</c> with per-scenario verdicts, metric tables, precision-recall
/// curves, strips of the least stable tracks and thumbnails of the frames with the most errors. Images are files in one folder per scenario next to the
/// page (not inlined): plots PNG; thumbnails and crops JPEG, drawn from the bundle's review images (the report keeps no
/// full-size copy of a frame). The page needs nothing else: inline CSS, no script, no external address.
/// </summary>
public sealed class HtmlReporter(string outputDirectory) : IReporter
{
    private const string PrecisionRecallFile = "pr-curves.png";
    private const string ForestFile = "changes.png";
    private const string FramePrefix = "frame-";
    private const string FlipPrefix = "flip-";
    private const string TrackPrefix = "track-";
    private const string TrendPrefix = "trend-";
    private const string TideMainFile = "tide-types.png";
    private const string TideSpecialFile = "tide-fp-fn.png";

    /// <summary>How many flipped objects the page shows as crops.</summary>
    internal const int FlipCropCount = 8;

    public string Name => "html";

    public string OutputPath => Path.Combine(outputDirectory, "index.html");

    public void Export(SuiteReport report)
    {
        Directory.CreateDirectory(outputDirectory);
        var images = report.Scenarios.Select(WriteImages).ToList();
        File.WriteAllText(OutputPath, HtmlPage.Render(report, images), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private HtmlScenarioImages WriteImages(ResultBundle scenario)
    {
        if (scenario is not { Scenario: { } definition, Result: { } result })
        {
            return HtmlScenarioImages.None;
        }

        var folderName = ResultBundleFiles.FolderName(definition.Id);
        var folder = Path.Combine(outputDirectory, folderName);
        Directory.CreateDirectory(folder);
        RemovePreviousImages(folder);

        // Each image depends on its own data alone: they are decoded, drawn and encoded on every core, and the files
        // and the page are the same as drawn one after the other. A review frame without an image (an unchanged pass's)
        // gets no thumbnail.
        var reviewFrames = result.ReviewFrames;
        var decoded = new CameraImage?[reviewFrames.Count];
        Concurrently.Run([.. reviewFrames.Select((frame, i) => (Action)(() => decoded[i] = frame.Image is { } image ? ImageDecoder.DecodeRgb(image.Jpeg.Span, $"{definition.Id} review frame {frame.FrameIndex}") : null))]);
        byte[]? precisionRecallPlot = null;
        byte[]? forestPlot = null;
        var thumbnails = new byte[]?[reviewFrames.Count];
        var worstFlips = FlipCrops.Worst(reviewFrames, FlipCropCount);
        var crops = new byte[worstFlips.Count][];
        var strips = new byte[result.TrackStrips.Count][];
        var trendMetrics = scenario.Trend.Select(p => p.Metric).Distinct(StringComparer.Ordinal).ToList();
        var trends = new byte[]?[trendMetrics.Count];
        (byte[] Main, byte[] Special)? tide = null;
        Concurrently.Run([
            () => tide = Plots.Tide(scenario.Verdict.Metrics),
            .. trendMetrics.Select((metric, i) => (Action)(() => trends[i] = Plots.Trend(metric, [.. scenario.Trend.Where(p => p.Metric == metric)],
                result.Metrics.TryGetValue(metric, out var now) ? now : null, "this run"))),
            () => precisionRecallPlot = Plots.PrecisionRecall(result.PrecisionCurves),
            () => forestPlot = Plots.Forest(ForestRows(scenario.Verdict)),
            .. thumbnails.Select((_, i) => (Action)(() => thumbnails[i] = decoded[i] is { } image ? Thumbnails.Render(reviewFrames[i], image, definition.Classes.EvaluationClasses) : null)),
            .. crops.Select((_, i) => (Action)(() => crops[i] = FlipCrops.Render(worstFlips[i].Frame, decoded[Ordinal(reviewFrames, worstFlips[i].Frame)]!, worstFlips[i].Flip))),
            .. strips.Select((_, i) => (Action)(() => strips[i] = TrackStrips.Render(result.TrackStrips[i],
                ImageDecoder.DecodeRgb(result.TrackStrips[i].Image.Jpeg.Span, $"{definition.Id} track {result.TrackStrips[i].TrackId}"), result.ScoredFrames, definition.Classes.EvaluationClasses))),
        ]);

        string? precisionRecall = null;
        if (precisionRecallPlot is { } plot)
        {
            File.WriteAllBytes(Path.Combine(folder, PrecisionRecallFile), plot);
            precisionRecall = folderName + "/" + PrecisionRecallFile;
        }

        string? forest = null;
        if (forestPlot is { } changes)
        {
            File.WriteAllBytes(Path.Combine(folder, ForestFile), changes);
            forest = folderName + "/" + ForestFile;
        }

        var frames = new List<string?>(reviewFrames.Count);
        for (var i = 0; i < thumbnails.Length; i++)
        {
            if (thumbnails[i] is not { } thumbnail)
            {
                frames.Add(null);
                continue;
            }

            var file = FramePrefix + reviewFrames[i].FrameIndex.ToString(CultureInfo.InvariantCulture) + ".jpg";
            File.WriteAllBytes(Path.Combine(folder, file), thumbnail);
            frames.Add(folderName + "/" + file);
        }

        var flips = new List<(string, string)>();
        for (var i = 0; i < crops.Length; i++)
        {
            var file = FlipPrefix + flips.Count.ToString(CultureInfo.InvariantCulture) + ".jpg";
            File.WriteAllBytes(Path.Combine(folder, file), crops[i]);
            flips.Add((folderName + "/" + file, FlipCrops.Caption(worstFlips[i].Flip, definition.Classes.EvaluationClasses)));
        }

        var tracks = new List<(string, string)>();
        for (var i = 0; i < strips.Length; i++)
        {
            var file = TrackPrefix + i.ToString(CultureInfo.InvariantCulture) + ".jpg";
            File.WriteAllBytes(Path.Combine(folder, file), strips[i]);
            tracks.Add((folderName + "/" + file, TrackStrips.Caption(result.TrackStrips[i], definition.Classes.EvaluationClasses)));
        }

        var trendPaths = new List<(string, string)>();
        for (var i = 0; i < trends.Length; i++)
        {
            if (trends[i] is { } trend)
            {
                var file = TrendPrefix + i.ToString(CultureInfo.InvariantCulture) + ".png";
                File.WriteAllBytes(Path.Combine(folder, file), trend);
                trendPaths.Add((trendMetrics[i], folderName + "/" + file));
            }
        }

        (string, string)? tidePaths = null;
        if (tide is { } charts)
        {
            File.WriteAllBytes(Path.Combine(folder, TideMainFile), charts.Main);
            File.WriteAllBytes(Path.Combine(folder, TideSpecialFile), charts.Special);
            tidePaths = (folderName + "/" + TideMainFile, folderName + "/" + TideSpecialFile);
        }

        return new HtmlScenarioImages(precisionRecall, frames, forest) { FlipPaths = flips, TrackPaths = tracks, TrendPaths = trendPaths, TidePaths = tidePaths };
    }

    /// <summary>Where a frame <see cref="FlipCrops.Worst"/> chose sits among the review frames (and their decoded images).</summary>
    private static int Ordinal(IReadOnlyList<Metrics.ReviewFrame> frames, Metrics.ReviewFrame frame)
    {
        var i = 0;
        while (!ReferenceEquals(frames[i], frame))
        {
            i++;
        }

        return i;
    }

    /// <summary>Gated metrics first, then the rest by severity, so what decides the merge is always on the plot.</summary>
    internal static IReadOnlyList<Gate.MetricVerdict> ForestRows(Gate.ScenarioVerdict verdict) =>
        [.. verdict.Metrics.Where(m => m.Outcome != Gate.MetricOutcome.Skipped)
            .OrderBy(m => m.Blocking ? 0 : 1).ThenBy(VerdictTable.Severity).ThenBy(m => m.Metric, StringComparer.Ordinal)];

    /// <summary>Thumbnails of a previous run would otherwise linger beside the new ones.</summary>
    private static void RemovePreviousImages(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, FramePrefix + "*").Concat(Directory.EnumerateFiles(folder, FlipPrefix + "*")).Concat(Directory.EnumerateFiles(folder, TrackPrefix + "*")).Concat(Directory.EnumerateFiles(folder, TrendPrefix + "*")).Append(Path.Combine(folder, PrecisionRecallFile)).Append(Path.Combine(folder, ForestFile)).Append(Path.Combine(folder, TideMainFile)).Append(Path.Combine(folder, TideSpecialFile)))
        {
            File.Delete(file);
        }
    }
}
