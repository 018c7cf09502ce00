namespace Harness.Postprocessing.Layouts;

/// <summary>Every output layout a scenario can name. A new layout is one class and one line here.</summary>
public static class OutputLayouts
{
    public static IReadOnlyList<OutputLayout> All { get; } =
    [
        new Yolov8Layout(),
        new Yolov5Layout(),
        new YoloxLayout(),
        new Yolov10Layout(),
        new RtDetrLayout(),
        new SsdLayout(),
        new TfObjectDetectionLayout(),
        new End2EndLayout(),
    ];

    public static IEnumerable<string> Names => All.Select(l => l.Name);

    public static OutputLayout? Find(string name) => All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal));

    /// <exception cref="ArgumentException">No layout has that name; the message lists those that do.</exception>
    public static OutputLayout Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown output layout '{name}' (known: {string.Join(", ", Names)}).", nameof(name));
}
