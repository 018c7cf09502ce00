using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.IO;
using Harness.Metrics;

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
    /// the verified pair never mixes two runs; a companion that does not hold the detections its JSON records is refused.
    /// The received JSON is deleted first: an interrupted accept leaves at worst a stray received companion, which the
    /// next write or delete replaces.
    /// </summary>
    /// <exception cref="BaselineFormatException">The received pair cannot be read, or its companion is not its detections.</exception>
    public bool Accept(string scenarioId)
    {
        var received = ReceivedPath(scenarioId);
        if (!File.Exists(received))
        {
            return false;
        }

        var snapshot = ReadWithDetections(received, ReceivedDetectionsPath(scenarioId));
        if (snapshot.DetectionsProblem is { } problem && File.Exists(ReceivedDetectionsPath(scenarioId)))
        {
            throw new BaselineFormatException("not accepted: " + problem);
        }

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

            if (snapshot.Supports.Count > 0)
            {
                writer.WriteStartObject("supports");
                foreach (var (name, support) in snapshot.Supports.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    writer.WriteNumber(name, support);
                }

                writer.WriteEndObject();
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
                Supports = root.TryGetProperty("supports", out var supports) ? Supports(supports, path) : new Dictionary<string, long>(),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new BaselineFormatException($"{path}: not a valid baseline file ({e.Message})", e);
        }
    }

    /// <summary>
    /// The JSON and its detections, which must cover the same frames and be the detections the JSON's
    /// <c>detections_sha256</c> names. A missing companion, or one holding other detections (another scenario's, an
    /// older run's), is left out with <see cref="BaselineSnapshot.DetectionsProblem"/> saying why: the gate then has no
    /// intervals, flips or equivalence check, which it refuses under CI.
    /// </summary>
    private static BaselineSnapshot ReadWithDetections(string jsonPath, string detectionsPath)
    {
        var snapshot = Read(jsonPath);
        if (!File.Exists(detectionsPath))
        {
            return snapshot with
            {
                DetectionsProblem = $"{detectionsPath} is missing: without the baseline's detections the gate has no intervals, flips or equivalence check " +
                    "(restore it from version control, or accept a new baseline)",
            };
        }

        var detections = DetectionSnapshotFormat.Read(detectionsPath);
        if (detections.Frames.Count != snapshot.Frames)
        {
            throw new BaselineFormatException($"{detectionsPath}: holds {detections.Frames.Count} frames but {jsonPath} records {snapshot.Frames}");
        }

        var digest = DetectionsSha256(detections);
        return digest == snapshot.DetectionsSha256
            ? snapshot with { Detections = detections }
            : snapshot with
            {
                DetectionsProblem = $"{detectionsPath} holds detections with digest {digest[..12]}, not the {snapshot.DetectionsSha256[..Math.Min(12, snapshot.DetectionsSha256.Length)]} " +
                    $"that {Path.GetFileName(jsonPath)} records: it belongs to another run or scenario (restore it from version control, or accept a new baseline)",
            };
    }

    /// <summary>The digest a run records of these detections (<c>detections_sha256</c>).</summary>
    internal static string DetectionsSha256(DetectionSnapshot detections)
    {
        using var digest = new DetectionDigest();
        foreach (var frame in detections.Frames)
        {
            digest.AppendFrame(frame.Index, frame.Detections);
        }

        return digest.Complete();
    }

    private static Dictionary<string, long> Supports(JsonElement supports, string path)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var support in supports.EnumerateObject())
        {
            values[support.Name] = support.Value.ValueKind == JsonValueKind.Number && support.Value.TryGetInt64(out var count) && count >= 0
                ? count
                : throw new BaselineFormatException($"{path}: supports.{support.Name} is not a count");
        }

        return values;
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
