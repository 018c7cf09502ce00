using System.Globalization;
using System.Text.Json;
using Harness.Metrics;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// The result's <c>"track_strips"</c>: the run's least stable tracks, each with its counts, its crops' image by file name
/// (<c>track-&lt;id&gt;.jpg</c>) and per crop the frame (by ordinal, as review frames refer to the scored frames), the
/// square it shows and the indices of the track's truth box and detections there. Bundles written before strips
/// existed have none and read as none.
/// </summary>
internal static class TrackStripJson
{
    public const string Property = "track_strips";

    public static string ImageFile(TrackStrip strip) =>
        ResultBundleFiles.TrackStripPrefix + strip.TrackId.ToString(CultureInfo.InvariantCulture) + ResultBundleFiles.ReviewImageExtension;

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<TrackStrip> strips)
    {
        writer.WriteStartArray(Property);
        foreach (var strip in strips)
        {
            writer.WriteStartObject();
            writer.WriteNumber("class_id", strip.ClassId);
            writer.WriteNumber("class_switches", strip.ClassSwitches);
            writer.WriteNumber("flickers", strip.Flickers);
            writer.WriteStartArray("frames");
            foreach (var frame in strip.Frames)
            {
                writer.WriteStartObject();
                writer.WriteBoolean("class_switch", frame.ClassSwitch);
                writer.WriteBoolean("flicker", frame.Flicker);
                writer.WriteNumber("index", frame.FrameIndex);
                writer.WriteNumber("match", frame.Match);
                writer.WriteNumber("ordinal", frame.Ordinal);
                writer.WriteNumber("seen_as", frame.SeenAs);
                Number(writer, "side", frame.Side);
                writer.WriteNumber("truth", frame.Truth);
                Number(writer, "x", frame.X);
                Number(writer, "y", frame.Y);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("image", ImageFile(strip));
            writer.WriteNumber("track", strip.TrackId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <param name="frames">The scored frames the crops refer to.</param>
    /// <param name="image">Reads a strip's image from the bundle file of that name.</param>
    public static IReadOnlyList<TrackStrip> Read(JsonElement result, IReadOnlyList<ScoredFrame> frames, Func<string, ReviewImage> image, string path) =>
        Optional(result, Property) is null ? [] : [.. Array(result, Property, path).Select(strip => ReadStrip(strip, frames, image, path))];

    private static TrackStrip ReadStrip(JsonElement element, IReadOnlyList<ScoredFrame> frames, Func<string, ReviewImage> image, string path)
    {
        var track = Integer(element, "track", path);
        var cells = Array(element, "frames", path).Select(cell => ReadFrame(cell, track, frames, path)).ToList();
        var strip = new TrackStrip(track, Integer(element, "class_id", path), Integer(element, "flickers", path), Integer(element, "class_switches", path), cells, image(Text(element, "image", path)));
        if (cells.Count == 0 || strip.Image.Width != cells.Count * TrackStrip.CellSize || strip.Image.Height != TrackStrip.CellSize)
        {
            throw new ResultsFormatException($"{path}: track {track}'s strip image is {strip.Image.Width}x{strip.Image.Height} px for {cells.Count} crops of {TrackStrip.CellSize} px");
        }

        return strip;
    }

    private static TrackStripFrame ReadFrame(JsonElement element, int track, IReadOnlyList<ScoredFrame> frames, string path)
    {
        var ordinal = Integer(element, "ordinal", path);
        var index = Long(element, "index", path);
        if (ordinal < 0 || ordinal >= frames.Count || frames[ordinal].Index != index)
        {
            throw new ResultsFormatException($"{path}: track {track}'s strip names frame {index} at ordinal {ordinal}, which is not that frame");
        }

        var (truth, match, seenAs) = (Integer(element, "truth", path), Integer(element, "match", path), Integer(element, "seen_as", path));
        var scored = frames[ordinal];
        if (truth < -1 || truth >= scored.Truth.Count || match < -1 || match >= scored.Detections.Count || seenAs < -1 || seenAs >= scored.Detections.Count)
        {
            throw new ResultsFormatException($"{path}: track {track}'s strip names truth {truth} and detections {match}, {seenAs} of frame {index}, which has {scored.Truth.Count} truth boxes and {scored.Detections.Count} detections");
        }

        return new TrackStripFrame(ordinal, index, AsSingle(Property(element, "x", path), "x", path), AsSingle(Property(element, "y", path), "y", path),
            AsSingle(Property(element, "side", path), "side", path), truth, match, seenAs, Flag(element, "flicker", path), Flag(element, "class_switch", path));
    }
}
