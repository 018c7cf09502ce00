using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>
/// Reads typed fields from one YAML mapping, recording every problem (wrong type, missing key, unknown key) as a
/// <see cref="ValidationError"/> located at the offending node instead of stopping at the first.
/// </summary>
internal sealed class YamlMappingReader
{
    private static readonly KeyValuePair<string, bool>[] BooleanWords = [new("true", true), new("false", false)];

    private readonly YamlMappingNode node;
    private readonly string file;
    private readonly string path;
    private readonly List<ValidationError> errors;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public YamlMappingReader(YamlMappingNode node, string file, string path, List<ValidationError> errors)
    {
        this.node = node;
        this.file = file;
        this.path = path;
        this.errors = errors;
    }

    /// <summary>The line the mapping starts at (1-based), for a message that points back at it.</summary>
    public int Line => (int)node.Start.Line;

    public string? String(string key, bool required = false)
    {
        var value = Scalar(key, required);
        return value?.Value;
    }

    public double? Number(string key, bool required = false)
    {
        var value = Scalar(key, required);
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        Error(value, key, $"expected a number, found '{value.Value}'");
        return null;
    }

    public int? Integer(string key, bool required = false)
    {
        var value = Scalar(key, required);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(value, key, $"expected an integer, found '{value.Value}'");
        return null;
    }

    /// <summary>A percentage ("20%") is relative to the baseline; a bare number is absolute.</summary>
    public Tolerance? Tolerance(string key)
    {
        var value = Scalar(key, required: false);
        if (value?.Value is not { } text)
        {
            return null;
        }

        var relative = text.EndsWith('%');
        var digits = relative ? text[..^1] : text;
        if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && double.IsFinite(amount) && amount >= 0)
        {
            return new Tolerance(relative ? amount / 100 : amount, relative);
        }

        Error(value, key, $"expected a non-negative number or percentage such as 0.01 or 20%, found '{text}'");
        return null;
    }

    /// <summary>A calendar date written as ISO 8601 (<c>2027-01-31</c>), the one form that reads the same everywhere.</summary>
    public DateOnly? Date(string key, bool required = false)
    {
        var value = Scalar(key, required);
        if (value?.Value is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(value, key, $"expected a date such as 2027-01-31, found '{text}'");
        return null;
    }

    public IReadOnlyList<string> Strings(string key, bool required = false)
    {
        var sequence = Node<YamlSequenceNode>(key, required, "a list");
        if (sequence is null)
        {
            return [];
        }

        var items = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } text })
            {
                items.Add(text);
            }
            else
            {
                Error(child, key, "expected a list of plain values");
            }
        }

        return items;
    }

    /// <summary>
    /// Every entry of this mapping as a name and the names under it (a single value is a list of one), for mappings
    /// whose keys are data rather than field names; every key counts as known.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> NameLists()
    {
        var entries = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                errors.Add(At(keyNode, Qualify("?"), "expected a plain name as key"));
                continue;
            }

            known.Add(key);
            switch (value)
            {
                case YamlScalarNode { Value: { Length: > 0 } single }:
                    entries.Add(KeyValuePair.Create(key, (IReadOnlyList<string>)[single]));
                    break;
                case YamlSequenceNode:
                    entries.Add(KeyValuePair.Create(key, Strings(key)));
                    break;
                default:
                    errors.Add(At(value, Qualify(key), "expected a name or a list of names"));
                    break;
            }
        }

        return entries;
    }

    public IReadOnlyList<double> Numbers(string key, int count)
    {
        var sequence = Node<YamlSequenceNode>(key, required: false, "a list");
        if (sequence is null)
        {
            return [];
        }

        var items = new List<double>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } text } &&
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                items.Add(number);
            }
            else
            {
                Error(child, key, "expected a list of numbers");
            }
        }

        if (items.Count != count)
        {
            Error(sequence, key, $"expected {count} numbers, found {items.Count}");
        }

        return items;
    }

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

    /// <summary>True when the mapping has <paramref name="key"/>; the key counts as known either way.</summary>
    public bool Contains(string key)
    {
        known.Add(key);
        return Find(key) is not null;
    }

    public YamlMappingReader? Mapping(string key, bool required = false)
    {
        var mapping = Node<YamlMappingNode>(key, required, "a mapping");
        return mapping is null ? null : new YamlMappingReader(mapping, file, Qualify(key), errors);
    }

    public IEnumerable<YamlMappingReader> MappingList(string key)
    {
        var sequence = Node<YamlSequenceNode>(key, required: false, "a list");
        if (sequence is null)
        {
            yield break;
        }

        var index = 0;
        foreach (var child in sequence.Children)
        {
            var itemPath = $"{Qualify(key)}[{index++}]";
            if (child is YamlMappingNode mapping)
            {
                yield return new YamlMappingReader(mapping, file, itemPath, errors);
            }
            else
            {
                errors.Add(At(child, itemPath, "expected a mapping"));
            }
        }
    }

    /// <summary>Flags every key that no accessor asked for; call once all fields are read.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!known.Contains(name))
            {
                errors.Add(At(key, Qualify(name), $"unknown key ({AllowedList(known.Order(StringComparer.Ordinal))})"));
            }
        }
    }

    public void Error(string key, string message) => errors.Add(At(Find(key) ?? node, Qualify(key), message));

    private void Error(YamlNode at, string key, string message) => errors.Add(At(at, Qualify(key), message));

    private YamlScalarNode? Scalar(string key, bool required)
    {
        var scalar = Node<YamlScalarNode>(key, required, "a single value");
        if (scalar is not null && string.IsNullOrEmpty(scalar.Value) && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (required)
            {
                Error(scalar, key, "is required but empty");
            }

            return null;
        }

        return scalar;
    }

    private T? Node<T>(string key, bool required, string expected)
        where T : YamlNode
    {
        known.Add(key);
        var found = Find(key);
        if (found is null)
        {
            if (required)
            {
                errors.Add(At(node, Qualify(key), "is required"));
            }

            return null;
        }

        if (found is T typed)
        {
            return typed;
        }

        errors.Add(At(found, Qualify(key), $"expected {expected}"));
        return null;
    }

    private YamlNode? Find(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string Qualify(string key) => path.Length == 0 ? key : $"{path}.{key}";

    private ValidationError At(YamlNode at, string field, string message) =>
        new(file, (int)at.Start.Line, (int)at.Start.Column, field, message);

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
