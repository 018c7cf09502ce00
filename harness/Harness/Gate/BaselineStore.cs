using System.Text;
using System.Text.Json;
using Harness.Running;

namespace Harness.Gate;

/// <summary>
/// Baselines on disk, following the Verify snapshot convention: <c>&lt;id&gt;.verified.json</c> is reviewed and
/// committed, <c>&lt;id&gt;.received.json</c> is what the last run measured when it differed. Writes go through a
/// temporary file and a rename so an interrupted run never leaves a half-written file.
/// </summary>
public sealed class BaselineStore
{
    private const string VerifiedSuffix = ".verified.json";
    private const string ReceivedSuffix = ".received.json";

    public BaselineStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    public string VerifiedPath(string scenarioId) => Path.Combine(Directory, scenarioId + VerifiedSuffix);

    public string ReceivedPath(string scenarioId) => Path.Combine(Directory, scenarioId + ReceivedSuffix);

    public BaselineSnapshot? ReadVerified(string scenarioId)
    {
        var path = VerifiedPath(scenarioId);
        return File.Exists(path) ? Read(path) : null;
    }

    public void WriteReceived(BaselineSnapshot snapshot) => WriteAtomically(ReceivedPath(snapshot.ScenarioId), Serialize(snapshot));

    public void DeleteReceived(string scenarioId) => File.Delete(ReceivedPath(scenarioId));

    /// <summary>Ids with a pending received file, in a stable order.</summary>
    public IReadOnlyList<string> PendingIds() =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory, "*" + ReceivedSuffix)
                .Select(p => Path.GetFileName(p)[..^ReceivedSuffix.Length])
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>Promotes the received snapshot to verified; returns false when there is nothing to accept.</summary>
    public bool Accept(string scenarioId)
    {
        var received = ReceivedPath(scenarioId);
        if (!File.Exists(received))
        {
            return false;
        }

        var snapshot = Read(received);
        WriteAtomically(VerifiedPath(scenarioId), Serialize(snapshot));
        File.Delete(received);
        return true;
    }

    internal static string Serialize(BaselineSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteString("clip_sha256", snapshot.ClipSha256);
            writer.WriteString("detections_sha256", snapshot.DetectionsSha256);
            writer.WriteStartArray("frame_digests");
            foreach (var frame in snapshot.FrameDigests)
            {
                writer.WriteStringValue(frame.ToString());
            }

            writer.WriteEndArray();
            writer.WriteNumber("frames", snapshot.Frames);
            writer.WriteStartObject("metrics");
            foreach (var (name, value) in snapshot.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(name, SignificantDigits.Round(value));
            }

            writer.WriteEndObject();
            writer.WriteString("model_sha256", snapshot.ModelSha256);
            writer.WriteString("scenario", snapshot.ScenarioId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    internal static BaselineSnapshot Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var metric in Property(root, "metrics", path).EnumerateObject())
            {
                metrics[metric.Name] = metric.Value.ValueKind == JsonValueKind.Number
                    ? metric.Value.GetDouble()
                    : throw new BaselineFormatException($"{path}: metrics.{metric.Name} is not a number");
            }

            return new BaselineSnapshot(
                Text(root, "scenario", path),
                Text(root, "clip_sha256", path),
                Text(root, "model_sha256", path),
                Text(root, "detections_sha256", path),
                Property(root, "frames", path).GetInt32(),
                metrics)
            {
                FrameDigests = root.TryGetProperty("frame_digests", out var frames)
                    ? frames.EnumerateArray().Select(f => FrameDigest.Parse(f.GetString() ?? "")).ToList()
                    : [],
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new BaselineFormatException($"{path}: not a valid baseline file ({e.Message})", e);
        }
    }

    private static string Text(JsonElement root, string name, string path) =>
        Property(root, name, path).GetString() ?? throw new BaselineFormatException($"{path}: '{name}' is null");

    private static JsonElement Property(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) ? value : throw new BaselineFormatException($"{path}: missing '{name}'");

    private static void WriteAtomically(string path, string content)
    {
        AtomicFile.Write(path, temporary => File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
    }
}
