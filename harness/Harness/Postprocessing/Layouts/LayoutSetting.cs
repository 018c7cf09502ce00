using System.Globalization;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// A layout-specific setting, written under the scenario's <c>model:</c> section: one of a few words, or a list of
/// positive integers. Values are kept as canonical text (integers comma-separated), which is also what the
/// scenario settings hash reads.
/// </summary>
public sealed record LayoutSetting(string Key, string Description, IReadOnlyList<string>? Choices, string Default)
{
    public static LayoutSetting Choice(string key, string description, string defaultValue, params string[] choices) =>
        new(key, description, choices, defaultValue);

    public static LayoutSetting PositiveIntegers(string key, string description, params int[] defaultValues) =>
        new(key, description, null, string.Join(",", defaultValues.Select(v => v.ToString(CultureInfo.InvariantCulture))));

    public bool IsList => Choices is null;

    /// <summary>What the setting takes, for error messages: "one of first, last, none" or "a list of positive integers".</summary>
    public string Expected => Choices is { } choices ? $"one of {string.Join(", ", choices)}" : "a list of positive integers such as [8, 16, 32]";

    /// <summary>The canonical text of <paramref name="values"/> (one value for a choice), or null when they are not valid.</summary>
    public string? Canonical(IReadOnlyList<string> values)
    {
        if (Choices is { } choices)
        {
            return values.Count == 1 && choices.Contains(values[0], StringComparer.Ordinal) ? values[0] : null;
        }

        var numbers = new List<int>();
        foreach (var value in values)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers.Count == 0 ? null : string.Join(",", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }
}
