using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>
/// Loads scenario YAML into immutable <see cref="Scenario"/> records. Every problem in a file is collected and
/// reported together (file, line, column, field) before anything runs.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>rosbag2's name for a bag's metadata; the Clips stage owns the format, this stage only steps around it.</summary>
    private const string RosbagMetadataFile = "metadata.yaml";

    /// <summary>
    /// Loads every <c>*.yaml</c> in <paramref name="directory"/> and its sub-folders but the suite's
    /// <c>defaults.yaml</c> (see <see cref="GateDefaultsLoader"/>) and the <c>metadata.yaml</c> of ROS 2 bags kept
    /// beside the scenarios, failing on any file that does not load and on duplicate ids.
    /// </summary>
    public static IReadOnlyList<Scenario> LoadDirectory(string directory)
    {
        var set = LoadEach(directory);
        return set.Failures.Count > 0 ? throw new ScenarioValidationException([.. set.Failures.SelectMany(f => f.Errors)]) : set.Scenarios;
    }

    /// <summary>
    /// Loads every scenario file of <paramref name="directory"/> on its own: a file that does not load, for any
    /// reason, is a <see cref="ScenarioLoadFailure"/> and never stops the others. Of two files with one id, the later
    /// in path order fails.
    /// </summary>
    /// <exception cref="ScenarioValidationException">The directory does not exist.</exception>
    public static ScenarioSet LoadEach(string directory) => LoadEach(directory, LoadFile);

    /// <param name="loadFile">Loads one file; a test passes one that fails to show a failure stays with its file.</param>
    internal static ScenarioSet LoadEach(string directory, Func<string, Scenario> loadFile)
    {
        if (!Directory.Exists(directory))
        {
            throw new ScenarioValidationException([new ValidationError(directory, 0, 0, "", "scenario directory does not exist")]);
        }

        var failures = new List<ScenarioLoadFailure>();
        var scenarios = new List<Scenario>();
        var defaults = Path.GetFullPath(Path.Combine(directory, GateDefaults.FileName));
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(file) == defaults || Path.GetFileName(file) == RosbagMetadataFile)
            {
                continue;
            }

            try
            {
                var scenario = loadFile(file);
                if (scenarios.Find(s => s.Id == scenario.Id) is { } first)
                {
                    failures.Add(new ScenarioLoadFailure(file, [new ValidationError(file, 1, 1, "id", $"duplicate scenario id '{scenario.Id}' (also in {first.SourcePath})")]));
                }
                else
                {
                    scenarios.Add(scenario);
                }
            }
            catch (ScenarioValidationException e)
            {
                failures.Add(new ScenarioLoadFailure(file, e.Errors));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(new ScenarioLoadFailure(file, [new ValidationError(file, 0, 0, "", $"could not be loaded: {e.GetType().Name}: {e.Message}")]));
            }
        }

        return new ScenarioSet(scenarios, failures);
    }

    public static Scenario LoadFile(string path) => Parse(YamlDocuments.ReadFile(path, "scenario file"), path);

    public static Scenario Parse(string yaml, string path) => Parse(yaml, path, edit: null);

    /// <param name="edit">Changes the parsed document before it is read (<see cref="ScenarioVariant"/>); what it leaves keeps its place in the file for error messages.</param>
    internal static Scenario Parse(string yaml, string path, Action<YamlMappingNode>? edit)
    {
        var errors = new List<ValidationError>();
        var root = YamlDocuments.LoadMapping(yaml, path);
        edit?.Invoke(root);
        var top = new YamlMappingReader(root, path, "", errors);
        var builder = ScenarioYamlReader.Read(top, path);
        top.RejectUnknownKeys();

        // One problem per field: where the file could not even be read as the right type, the builder's view of the
        // same field (usually "is required") would only repeat it.
        var built = new List<ValidationError>();
        var scenario = builder.Build(field => Locate(root, path, field), built);
        var unread = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(built.Where(e => !unread.Contains(e.Field)));
        return errors.Count > 0 ? throw new ScenarioValidationException([.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]) : scenario!;
    }

    /// <summary>
    /// Where a field named by its YAML path (<c>model.input.width</c>, <c>gates[2].metric</c>) is: its value, or the
    /// nearest enclosing mapping when the field is absent (which is where it belongs).
    /// </summary>
    private static (string File, int Line, int Column) Locate(YamlMappingNode root, string path, string field)
    {
        YamlNode at = root;
        foreach (var part in field.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? part : part[..bracket];
            if (at is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                break;
            }

            at = value;
            if (bracket >= 0 && at is YamlSequenceNode sequence &&
                int.TryParse(part[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Children.Count)
            {
                at = sequence.Children[index];
            }
        }

        return (path, (int)at.Start.Line, (int)at.Start.Column);
    }
}
