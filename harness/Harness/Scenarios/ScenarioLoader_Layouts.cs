using Harness.Postprocessing.Layouts;

namespace Harness.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>
    /// Reads the settings the chosen layout declares; a setting that belongs only to other layouts is an error
    /// naming them, never silently ignored. Null when the layout is unknown.
    /// </summary>
    private static LayoutSettings? ReadLayoutSettings(YamlMappingReader model, OutputLayout? layout)
    {
        var settings = layout?.DefaultSettings;
        foreach (var setting in layout?.Settings ?? [])
        {
            if (!model.Contains(setting.Key))
            {
                continue;
            }

            var values = setting.IsList ? model.Strings(setting.Key) : model.String(setting.Key) is { } one ? [one] : [];
            if (setting.Canonical(values) is null)
            {
                model.Error(setting.Key, $"expected {setting.Expected}, found '{string.Join(", ", values)}'");
                continue;
            }

            settings = settings!.With(setting.Key, [.. values]);
        }

        var own = layout?.Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var other in OutputLayouts.All.SelectMany(l => l.Settings.Select(s => (Layout: l.Name, s.Key))).Where(o => !own.Contains(o.Key)).GroupBy(o => o.Key))
        {
            if (model.Contains(other.Key) && layout is not null)
            {
                model.Error(other.Key, $"is a setting of layout {string.Join(", ", other.Select(o => o.Layout))}, not of {layout.Name}");
            }
        }

        return settings;
    }
}
