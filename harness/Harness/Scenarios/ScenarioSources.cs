using System.Text.RegularExpressions;

namespace Harness.Scenarios;

/// <summary>
/// Where clip and model come from: a built-in URI, a file or folder path, or a file:// URI, with an optional pinned
/// hash. Paths resolve against the scenario's base directory; each problem is added under the field it was read from.
/// </summary>
internal sealed partial class ScenarioSources(string baseDirectory, FieldProblems problems)
{
    public const string SyntheticScheme = "synthetic://";
    public const string ReferenceScheme = "reference://";

    public string? CheckSha(string field, string? sha)
    {
        if (sha is not null && !ShaPattern().IsMatch(sha))
        {
            problems.Add(field, "expected 64 lower-case hex digits");
            return null;
        }

        return sha;
    }

    /// <summary>Built-in sources keep their URI; paths resolve against the base directory and must exist.</summary>
    public string? Resolve(string field, string? source, string builtInScheme)
    {
        if (string.IsNullOrEmpty(source))
        {
            problems.Add(field, "is required");
            return null;
        }

        if (source.StartsWith(builtInScheme, StringComparison.Ordinal))
        {
            return source;
        }

        if (source.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                problems.Add(field, $"'{source}' is not a valid file:// URI");
                return null;
            }

            source = uri.LocalPath;
        }
        else if (source.Contains("://", StringComparison.Ordinal))
        {
            problems.Add(field, $"unsupported source '{source}' (expected {builtInScheme}..., a file path or a file:// URI)");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, source));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            problems.Add(field, $"'{source}' does not exist (looked for {full})");
            return null;
        }

        return full;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ShaPattern();
}
