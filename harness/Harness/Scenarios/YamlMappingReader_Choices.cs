using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>Fields whose value must come from a fixed set (booleans, enum-like words), each unknown value reported with the allowed list.</summary>
internal sealed partial class YamlMappingReader
{
    private static readonly KeyValuePair<string, bool>[] BooleanWords = [new("true", true), new("false", false)];

    public bool? Boolean(string key) => Choice(key, BooleanWords);

    /// <summary>
    /// A value that must be one of <paramref name="allowed"/> (compared exactly, case included); anything else is an
    /// error at the value's line that lists every allowed value. Null when the key is absent or the value is not allowed.
    /// </summary>
    public string? Choice(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = Scalar(key, required);
        return value is null ? null : Allowed(value, key, allowed);
    }

    /// <summary><see cref="Choice(string, IReadOnlyCollection{string}, bool)"/>, mapped to the value the word names.</summary>
    public T? Choice<T>(string key, IReadOnlyList<KeyValuePair<string, T>> allowed, bool required = false)
        where T : struct
    {
        var word = Choice(key, allowed.Select(a => a.Key).ToList(), required);
        return word is null ? null : allowed.First(a => a.Key == word).Value;
    }

    /// <summary>A list whose every item must be one of <paramref name="allowed"/>; each unknown item is its own error.</summary>
    public IReadOnlyList<string> Choices(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var sequence = Node<YamlSequenceNode>(key, required, "a list");
        if (sequence is null)
        {
            return [];
        }

        var items = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is not YamlScalarNode scalar)
            {
                Error(child, key, "expected a list of plain values");
            }
            else if (Allowed(scalar, key, allowed) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static string AllowedList(IEnumerable<string> allowed) => $"expected one of: {string.Join(", ", allowed)}";

    private string? Allowed(YamlScalarNode value, string key, IReadOnlyCollection<string> allowed)
    {
        if (value.Value is { } text && allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        Error(value, key, $"unknown value '{value.Value}' ({AllowedList(allowed)})");
        return null;
    }
}
