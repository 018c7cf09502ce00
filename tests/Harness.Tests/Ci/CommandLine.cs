using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Tests.Ci;

/// <summary>
/// One command a CI file runs, as the shell would split it: words with quotes removed, GitHub expressions
/// (<c>${{ ... }}</c>) and shell arithmetic (<c>$(( ... ))</c>) kept as one word each, and a leading <c>env</c> with its
/// settings dropped, so the program is the first word. The harness run as a local tool (<c>dotnet harness</c>,
/// <c>dotnet tool run harness</c>) reads as <c>harness</c>.
/// </summary>
internal sealed partial record CommandLine(string File, IReadOnlyList<string> Words)
{
    public string Program => Words[0];

    public override string ToString() => $"{File}: {string.Join(' ', Words)}";

    /// <summary>Every command in a shell script (lines joined at a trailing backslash, split at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c> and <c>|</c>).</summary>
    public static IEnumerable<CommandLine> Parse(string file, string script)
    {
        foreach (var line in ContinuationPattern().Replace(script, " ").Split('\n'))
        {
            foreach (var command in SplitCommands(ExpressionPattern().Replace(line, m => m.Value.Replace(' ', '\u0001'))))
            {
                var words = SplitWords(command).Select(w => w.Replace('\u0001', ' ')).ToList();
                var start = 0;
                if (words.Count > 0 && words[0] == "env")
                {
                    start = 1;
                    while (start < words.Count && (words[start] == "-u" || words[start].Contains('=', StringComparison.Ordinal)))
                    {
                        start += words[start] == "-u" ? 2 : 1;
                    }
                }

                while (start < words.Count && AssignmentPattern().IsMatch(words[start]))
                {
                    start++;
                }

                words = words[start..];
                if (words is ["dotnet", "harness", ..])
                {
                    words = words[1..];
                }
                else if (words is ["dotnet", "tool", "run", "harness", ..])
                {
                    words = words[3..];
                }

                if (words.Count > 0)
                {
                    yield return new CommandLine(file, words);
                }
            }
        }
    }

    private static IEnumerable<string> SplitCommands(string line)
    {
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c is ';' or '|' or '&')
            {
                yield return current.ToString();
                current.Clear();
                if (i + 1 < line.Length && line[i + 1] == c)
                {
                    i++;
                }

                continue;
            }

            quote = c is '"' or '\'' ? (quote is null ? c : quote == c ? null : quote) : quote;
            current.Append(c);
        }

        yield return current.ToString();
    }

    private static List<string> SplitWords(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in command)
        {
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c is '"' or '\'' && (quote is null || quote == c))
            {
                quote = quote is null ? c : null;
                continue;
            }

            current.Append(c);
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();

    [GeneratedRegex(@"\$\{\{.*?\}\}|\$\(\(.*?\)\)")]
    private static partial Regex ExpressionPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex AssignmentPattern();
}
