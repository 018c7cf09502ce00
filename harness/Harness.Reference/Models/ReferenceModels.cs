namespace Harness.Models;

/// <summary>
/// Detectors whose ONNX files the project builds from code, addressed as <c>reference://&lt;name&gt;</c>.
/// Input [1, 3, <see cref="InputHeight"/>, <see cref="InputWidth"/>] RGB scaled to 0..1; output YOLOv8 layout
/// [1, 4 + 3, N] with classes car, pedestrian, cyclist.
/// </summary>
public static class ReferenceModels
{
    public const string UriScheme = "reference://";

    public const int InputWidth = ReferenceDetectorGraph.InputWidth;

    public const int InputHeight = ReferenceDetectorGraph.InputHeight;

    public static IReadOnlyList<string> Names { get; } = ["detector-v1", "detector-v1-degraded", "detector-v1-mixed"];

    public static IReadOnlyList<string> ClassNames { get; } = ["car", "pedestrian", "cyclist"];

    /// <summary>The ONNX bytes of a named reference model; the same name always gives the same bytes.</summary>
    public static byte[] Build(string name) => name switch
    {
        "detector-v1" => ReferenceDetectorGraph.Build(name, ReferenceDetectorParameters.Tuned),
        "detector-v1-degraded" => ReferenceDetectorGraph.Build(name, ReferenceDetectorParameters.Degraded),
        "detector-v1-mixed" => ReferenceDetectorGraph.Build(name, ReferenceDetectorParameters.Mixed),
        _ => throw new ArgumentException($"Unknown reference model '{name}' (known: {string.Join(", ", Names)}).", nameof(name)),
    };

    /// <summary>Builds the model a <c>reference://name</c> source names.</summary>
    public static byte[] BuildFromUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith(UriScheme, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Model source '{uri}' is not a {UriScheme} URI.", nameof(uri));
        }

        return Build(uri[UriScheme.Length..]);
    }
}
