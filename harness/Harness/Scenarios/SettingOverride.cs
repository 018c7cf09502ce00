using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>
/// One <c>--set key.path=value</c>: the scenario setting at <see cref="Path"/> (keys of nested mappings, as the file
/// spells them) replaced by <see cref="Value"/>, read as YAML (<c>0.3</c>, <c>[car, truck]</c>, <c>{ width: 640 }</c>).
/// </summary>
public sealed record SettingOverride(IReadOnlyList<string> Path, string Value)
{
    /// <exception cref="FormatException">The text is not <c>key.path=value</c>, or the value is not a YAML value.</exception>
    public static SettingOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var path = equals > 0 ? text[..equals].Split('.') : [];
        if (path.Length == 0 || path.Any(string.IsNullOrWhiteSpace) || path.Any(key => key.Trim() != key))
        {
            throw new FormatException($"--set {text}: expected key.path=value, e.g. postprocess.score_threshold=0.3");
        }

        var setting = new SettingOverride(path, text[(equals + 1)..]);
        setting.Node();
        return setting;
    }

    public string Key => string.Join('.', Path);

    public override string ToString() => $"{Key}={Value}";

    /// <summary>The value as the YAML node the file would hold; a fresh one each time, as a document owns its nodes.</summary>
    internal YamlNode Node()
    {
        try
        {
            return YamlDocuments.LoadMapping("value: " + Value, "--set").Children[new YamlScalarNode("value")];
        }
        catch (ScenarioValidationException e)
        {
            throw new FormatException($"--set {this}: the value is not a YAML value ({string.Join("; ", e.Errors.Select(error => error.Message))})", e);
        }
    }
}
