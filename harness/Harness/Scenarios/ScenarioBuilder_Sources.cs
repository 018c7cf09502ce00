using System.Text.RegularExpressions;

namespace Harness.Scenarios;

/// <summary>Where clip and model come from: a built-in URI, a file or folder path, or a file:// URI, with an optional pinned hash.</summary>
public sealed partial class ScenarioBuilder
{
    private const string SyntheticScheme = "synthetic://";
    private const string ReferenceScheme = "reference://";

    private string? CheckSha(string field, string? sha)
    {
        if (sha is not null && !ShaPattern().IsMatch(sha))
        {
            Problem(field, "expected 64 lower-case hex digits");
            return null;
        }

        return sha;
    }

    /// <summary>Built-in sources keep their URI; paths resolve against the base directory and must exist.</summary>
    private string? ResolveSource(string field, string? source, string baseDirectory, string builtInScheme)
    {
        if (string.IsNullOrEmpty(source))
        {
            Problem(field, "is required");
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
                Problem(field, $"'{source}' is not a valid file:// URI");
                return null;
            }

            source = uri.LocalPath;
        }
        else if (source.Contains("://", StringComparison.Ordinal))
        {
            Problem(field, $"unsupported source '{source}' (expected {builtInScheme}..., a file path or a file:// URI)");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, source));
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            Problem(field, $"'{source}' does not exist (looked for {full})");
            return null;
        }

        return full;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ShaPattern();
}
