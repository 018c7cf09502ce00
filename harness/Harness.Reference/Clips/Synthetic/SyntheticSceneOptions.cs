using System.Globalization;

namespace Harness.Clips.Synthetic;

/// <summary>
/// What the synthetic generator renders: a named scene (see <see cref="SceneNames"/>), a seed, a frame count and the
/// camera resolution. The same options always render the same bytes.
/// </summary>
internal sealed record SyntheticSceneOptions(string Scene, int Seed, int Frames, int Width = 640, int Height = 384, int FrameRateHz = 10)
{
    public const string UriScheme = "synthetic://";

    public static IReadOnlyList<string> SceneNames { get; } = ["urban-day", "urban-night", "urban-rain", "crowd", "highway"];

    /// <summary>
    /// Parses <c>synthetic://&lt;scene&gt;?seed=7&amp;frames=120</c> (optional <c>width</c>, <c>height</c>,
    /// <c>fps</c>). Unknown scenes, unknown keys and bad numbers are reported with the whole URI.
    /// </summary>
    public static SyntheticSceneOptions Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith(UriScheme, StringComparison.Ordinal))
        {
            throw Invalid(uri, $"it must start with '{UriScheme}'");
        }

        var rest = uri[UriScheme.Length..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var scene = queryStart < 0 ? rest : rest[..queryStart];
        var options = new SyntheticSceneOptions(scene, Seed: 1, Frames: 120);
        if (queryStart >= 0)
        {
            foreach (var pair in rest[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                options = options.With(uri, pair);
            }
        }

        options.Validate(uri);
        return options;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UriScheme}{Scene}?seed={Seed}&frames={Frames}&width={Width}&height={Height}&fps={FrameRateHz}");

    internal void Validate(string source)
    {
        if (!SceneNames.Contains(Scene, StringComparer.Ordinal))
        {
            throw Invalid(source, $"unknown scene '{Scene}' (known: {string.Join(", ", SceneNames)})");
        }

        if (Frames < 0 || Width < 64 || Height < 64 || Width % 2 != 0 || Height % 2 != 0 || FrameRateHz <= 0)
        {
            throw Invalid(source, "frames must be >= 0, width and height even and >= 64, fps > 0");
        }
    }

    private static FormatException Invalid(string uri, string reason) => new($"Invalid synthetic clip source '{uri}': {reason}.");

    private SyntheticSceneOptions With(string uri, string pair)
    {
        var separator = pair.IndexOf('=', StringComparison.Ordinal);
        var key = separator < 0 ? pair : pair[..separator];
        var text = separator < 0 ? string.Empty : pair[(separator + 1)..];
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(uri, $"'{key}' needs an integer value, got '{text}'");
        }

        return key switch
        {
            "seed" => this with { Seed = value },
            "frames" => this with { Frames = value },
            "width" => this with { Width = value },
            "height" => this with { Height = value },
            "fps" => this with { FrameRateHz = value },
            _ => throw Invalid(uri, $"unknown key '{key}' (known: seed, frames, width, height, fps)"),
        };
    }
}
