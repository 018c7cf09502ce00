using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>
/// A scenario as written but with another model and/or other settings: the candidate of <c>harness compare</c>. The
/// file is read again with the changes made to its document before it is validated, so a variant is held to every
/// rule a scenario file is, and a problem names the file, the setting and the <c>--set</c> that caused it.
/// </summary>
/// <param name="Model">The candidate's <c>model.source</c> (a path, taken relative to the working directory, or a <c>reference://</c> model); null keeps the scenario's model.</param>
public sealed record ScenarioVariant(string? Model, IReadOnlyList<SettingOverride> Settings)
{
    /// <summary>Whether the variant changes nothing, so the comparison would be the scenario against itself.</summary>
    public bool IsEmpty => Model is null && Settings.Count == 0;

    /// <summary>How the command line named it, for verdict notes and messages.</summary>
    public string Describe() =>
        string.Join(' ', (Model is null ? [] : new[] { $"--candidate {Model}" }).Concat(Settings.Select(s => $"--set {s}")));

    /// <exception cref="ScenarioValidationException">The changed scenario is not a valid scenario; each error says it came from this variant.</exception>
    public Scenario Apply(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            return ScenarioLoader.Parse(YamlDocuments.ReadFile(scenario.SourcePath, "scenario file"), scenario.SourcePath, Edit);
        }
        catch (ScenarioValidationException e)
        {
            throw new ScenarioValidationException([.. e.Errors.Select(error => error with { Message = $"{error.Message} (with {Describe()})" })]);
        }
    }

    private void Edit(YamlMappingNode root)
    {
        if (Model is { } model)
        {
            // The scenario's pin is the reference model's hash; the candidate is another file by intent.
            var section = Mapping(root, ["model"]);
            section.Children[new YamlScalarNode("source")] = new YamlScalarNode(model.Contains("://", StringComparison.Ordinal) ? model : Path.GetFullPath(model));
            section.Children.Remove(new YamlScalarNode("sha256"));
        }

        foreach (var setting in Settings)
        {
            Mapping(root, setting.Path.Take(setting.Path.Count - 1)).Children[new YamlScalarNode(setting.Path[^1])] = setting.Node();
        }
    }

    /// <summary>The mapping at <paramref name="keys"/>, made where the file has none; a key holding something else is the loader's to report.</summary>
    private static YamlMappingNode Mapping(YamlMappingNode root, IEnumerable<string> keys)
    {
        var current = root;
        foreach (var key in keys)
        {
            var name = new YamlScalarNode(key);
            if (current.Children.TryGetValue(name, out var child) && child is YamlMappingNode mapping)
            {
                current = mapping;
                continue;
            }

            var made = new YamlMappingNode();
            current.Children[name] = made;
            current = made;
        }

        return current;
    }
}
