using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.IO;

namespace Harness.Gate;

/// <summary>
/// Baselines on disk, following the Verify snapshot convention: <c>&lt;id&gt;.verified.json</c> is reviewed and
/// committed, <c>&lt;id&gt;.received.json</c> is what the last run measured when it differed. Beside each JSON file
/// its detection snapshot (<c>&lt;id&gt;.detections.verified.bin</c>, <c>&lt;id&gt;.detections.received.bin</c>)
/// follows the same life cycle. Writes go through a temporary file and a rename so an interrupted run never leaves a
/// half-written file.
/// </summary>
internal sealed class BaselineStore
{
    private const string VerifiedSuffix = ".verified.json";
    private const string ReceivedSuffix = ".received.json";
    private const string VerifiedDetectionsSuffix = ".detections.verified.bin";
    private const string ReceivedDetectionsSuffix = ".detections.received.bin";

    /// <summary>4 MiB: a thousand times the default suite's largest baseline (a few KiB of metrics).</summary>
    internal const int MaxJsonBytes = 4 << 20;

    public BaselineStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    public string VerifiedPath(string scenarioId) => Path.Combine(Directory, scenarioId + VerifiedSuffix);

    public string ReceivedPath(string scenarioId) => Path.Combine(Directory, scenarioId + ReceivedSuffix);

    public string VerifiedDetectionsPath(string scenarioId) => Path.Combine(Directory, scenarioId + VerifiedDetectionsSuffix);

    public string ReceivedDetectionsPath(string scenarioId) => Path.Combine(Directory, scenarioId + ReceivedDetectionsSuffix);

    /// <summary>The verified baseline with its detection snapshot, when it has one; null when there is no baseline.</summary>
    /// <exception cref="BaselineFormatException">The JSON or its detection snapshot cannot be read; the message names the file.</exception>
    public BaselineSnapshot? ReadVerified(string scenarioId)
    {
        var path = VerifiedPath(scenarioId);
        return File.Exists(path) ? ReadWithDetections(path, VerifiedDetectionsPath(scenarioId)) : null;
    }

    /// <summary>
    /// Writes the detection snapshot, then the JSON: the JSON marks the pair as pending, so it goes last. A snapshot
    /// without detections removes a stale received companion rather than leaving it beside the new JSON.
    /// </summary>
    public void WriteReceived(BaselineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        WriteDetections(ReceivedDetectionsPath(snapshot.ScenarioId), snapshot.Detections);
        WriteAtomically(ReceivedPath(snapshot.ScenarioId), Serialize(snapshot));
    }

    public void DeleteReceived(string scenarioId)
    {
        File.Delete(ReceivedPath(scenarioId));
        File.Delete(ReceivedDetectionsPath(scenarioId));
    }

    /// <summary>Ids with a pending received file, in a stable order.</summary>
    public IReadOnlyList<string> PendingIds() =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory, "*" + ReceivedSuffix)
                .Select(p => Path.GetFileName(p)[..^ReceivedSuffix.Length])
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>
    /// Promotes the received snapshot and its detections to verified; returns false when there is nothing to accept.
    /// A received JSON without a companion (written before detections were kept) removes the verified companion, so
    /// the verified pair never mixes two runs. The received JSON is deleted first: an interrupted accept leaves at
    /// worst a stray received companion, which the next write or delete replaces.
    /// </summary>
    public bool Accept(string scenarioId)
    {
        var received = ReceivedPath(scenarioId);
        if (!File.Exists(received))
        {
            return false;
        }

        var snapshot = ReadWithDetections(received, ReceivedDetectionsPath(scenarioId));
        WriteDetections(VerifiedDetectionsPath(scenarioId), snapshot.Detections);
        WriteAtomically(VerifiedPath(scenarioId), Serialize(snapshot));
        DeleteReceived(scenarioId);
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
            writer.WriteNumber("frames", snapshot.Frames);
            writer.WriteStartObject("metrics");
            foreach (var (name, value) in snapshot.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(name, SignificantDigits.Round(value));
            }

            writer.WriteEndObject();
            writer.WriteString("model_sha256", snapshot.ModelSha256);
            if (snapshot.Provenance is { } provenance)
            {
                ProvenanceJson.Write(writer, provenance);
            }

            writer.WriteString("scenario", snapshot.ScenarioId);
            if (snapshot.SettingsSha256 is { } settings)
            {
                writer.WriteString("settings_sha256", settings);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// Reads the JSON only; a <c>frame_digests</c> array left by older versions is ignored. The file may be at most
    /// <see cref="MaxJsonBytes"/>: it holds one number per metric, so anything larger is not a baseline, and is
    /// refused before it is read into memory.
    /// </summary>
    internal static BaselineSnapshot Read(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxJsonBytes)
        {
            throw new BaselineFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: not a valid baseline file ({length} bytes, more than the {MaxJsonBytes} a baseline can take)"));
        }

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
                Provenance = root.TryGetProperty(ProvenanceJson.Property, out var provenance) ? ProvenanceJson.Read(provenance, path) : null,
                SettingsSha256 = root.TryGetProperty("settings_sha256", out _) ? Text(root, "settings_sha256", path) : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new BaselineFormatException($"{path}: not a valid baseline file ({e.Message})", e);
        }
    }

    /// <summary>The JSON and, when the companion file exists, its detections, which must cover the same frames.</summary>
    private static BaselineSnapshot ReadWithDetections(string jsonPath, string detectionsPath)
    {
        var snapshot = Read(jsonPath);
        if (!File.Exists(detectionsPath))
        {
            return snapshot;
        }

        var detections = DetectionSnapshotFormat.Read(detectionsPath);
        return detections.Frames.Count == snapshot.Frames
            ? snapshot with { Detections = detections }
            : throw new BaselineFormatException($"{detectionsPath}: holds {detections.Frames.Count} frames but {jsonPath} records {snapshot.Frames}");
    }

    private static void WriteDetections(string path, DetectionSnapshot? detections)
    {
        if (detections is null)
        {
            File.Delete(path);
        }
        else
        {
            DetectionSnapshotFormat.Write(path, detections);
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
