using System.Collections.Immutable;
using System.Globalization;

namespace Harness.Postprocessing.Layouts;

/// <summary>
/// The values of every setting a layout declares, defaults filled in, as canonical text sorted by key. Immutable:
/// <see cref="With"/> returns a new set.
/// </summary>
public sealed class LayoutSettings
{
    private readonly IReadOnlyList<LayoutSetting> _declared;
    private readonly ImmutableSortedDictionary<string, int[]> _integers;

    private LayoutSettings(IReadOnlyList<LayoutSetting> declared, ImmutableSortedDictionary<string, string> values)
    {
        _declared = declared;
        Values = values;
        _integers = declared.Where(s => s.IsList).ToImmutableSortedDictionary(
            s => s.Key, s => values[s.Key].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray(), StringComparer.Ordinal);
    }

    public ImmutableSortedDictionary<string, string> Values { get; }

    public string this[string key] => Values.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"'{key}' is not a setting of this layout (known: {string.Join(", ", Values.Keys)}).");

    internal static LayoutSettings Defaults(IReadOnlyList<LayoutSetting> declared) =>
        new(declared, declared.ToImmutableSortedDictionary(s => s.Key, s => s.Default, StringComparer.Ordinal));

    /// <summary>The same settings with <paramref name="key"/> set; a key or value the layout does not take is rejected.</summary>
    public LayoutSettings With(string key, params string[] values)
    {
        var setting = _declared.FirstOrDefault(s => s.Key == key)
            ?? throw new ArgumentException($"'{key}' is not a setting of this layout (known: {string.Join(", ", Values.Keys)}).", nameof(key));
        var canonical = setting.Canonical(values)
            ?? throw new ArgumentException($"'{key}' takes {setting.Expected}, not '{string.Join(", ", values)}'.", nameof(values));
        return new LayoutSettings(_declared, Values.SetItem(key, canonical));
    }

    /// <summary>A list setting's values, parsed once, so decoders read them every frame without allocating.</summary>
    public ReadOnlySpan<int> Integers(string key) => _integers.TryGetValue(key, out var values)
        ? values
        : throw new KeyNotFoundException($"'{key}' is not a list setting of this layout (known: {string.Join(", ", _integers.Keys)}).");
}
