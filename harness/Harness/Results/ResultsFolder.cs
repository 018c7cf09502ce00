using System.Text.Json;
using Harness.IO;
using Harness.Scenarios;
using static Harness.Results.JsonValues;

namespace Harness.Results;

/// <summary>
/// A results folder (<c>artifacts/results/</c> by default): one bundle per scenario the run held
/// (<see cref="ResultBundleWriter"/>) and <see cref="RunManifest.FileName"/>, written last, naming them. Folders of
/// scenarios the manifest does not name (an earlier run's) are ignored on reading.
/// </summary>
internal static class ResultsFolder
{
    public static void Write(string directory, RunManifest manifest, IReadOnlyList<ResultBundle> bundles)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(bundles);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, RunManifest.FileName);
        File.Delete(path);
        foreach (var bundle in bundles)
        {
            ResultBundleWriter.Write(directory, bundle);
        }

        var bytes = Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("ci", manifest.IsCi);
            writer.WriteNumber("format", ResultBundleWriter.FormatVersion);
            writer.WriteString("run", manifest.Run.Name());
            Strings(writer, "scenarios", manifest.Scenarios);
            Strings(writer, "selection", manifest.Selection);
            if (manifest.Shard is { } shard)
            {
                writer.WriteStartObject("shard");
                writer.WriteNumber("count", shard.Count);
                writer.WriteNumber("index", shard.Index);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, bytes));
    }

    /// <exception cref="ResultsFormatException">The folder, its manifest or a bundle it names is missing or corrupt.</exception>
    public static RunManifest ReadManifest(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ResultsFormatException($"{directory}: no such results folder");
        }

        var path = Path.Combine(directory, RunManifest.FileName);
        using var document = Parse(path);
        var root = document.RootElement;
        var format = Integer(root, "format", path);
        if (format != ResultBundleWriter.FormatVersion)
        {
            throw new ResultsFormatException($"{path}: results format {format}, this harness reads format {ResultBundleWriter.FormatVersion}");
        }

        var runName = Text(root, "run", path);
        var run = RunKindNames.Words.Where(w => w.Key == runName).Select(w => (RunKind?)w.Value).FirstOrDefault()
            ?? throw new ResultsFormatException($"{path}: 'run' is '{runName}' (expected pr or nightly)");
        var shard = Optional(root, "shard") is { } s ? Shard(s, path) : null;
        var manifest = new RunManifest(run, Flag(root, "ci", path), StringList(root, "selection", path), StringList(root, "scenarios", path), shard);
        var unknown = manifest.Scenarios.Where(id => !manifest.Selection.Contains(id, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? manifest
            : throw new ResultsFormatException($"{path}: holds {string.Join(", ", unknown)}, which the run did not select");
    }

    /// <summary>The bundles the manifest names, in its order.</summary>
    /// <exception cref="ResultsFormatException">A bundle is missing or corrupt.</exception>
    public static IReadOnlyList<ResultBundle> ReadBundles(string directory, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var bundles = new List<ResultBundle>(manifest.Scenarios.Count);
        foreach (var id in manifest.Scenarios)
        {
            var bundle = ResultBundleReader.Read(Path.Combine(directory, ResultBundleFiles.FolderName(id)));
            bundles.Add(bundle.ScenarioId == id
                ? bundle
                : throw new ResultsFormatException($"{Path.Combine(directory, ResultBundleFiles.FolderName(id), ResultBundleFiles.Bundle)}: holds scenario '{bundle.ScenarioId}', {RunManifest.FileName} names '{id}' there"));
        }

        return bundles;
    }

    private static ShardSpec Shard(JsonElement element, string path)
    {
        var index = Integer(element, "index", path);
        var count = Integer(element, "count", path);
        return count >= 1 && index >= 1 && index <= count
            ? new ShardSpec(index, count)
            : throw new ResultsFormatException($"{path}: shard {index} of {count} does not exist");
    }
}
