namespace Harness.Calibration;

/// <summary>The study's command line: which scenarios, how many segments and seeds, where detections are cached.</summary>
internal sealed record StudyOptions(
    IReadOnlyList<string> ScenarioIds,
    int Segments,
    int Seeds,
    int Jobs,
    string CacheDirectory,
    string? Output,
    bool Canaries = true,
    string? Defaults = null,
    int? SegmentFrames = null,
    bool TrustCache = false,
    string? Docs = null,
    bool ReplayOnly = false,
    IReadOnlyList<double>? Multiples = null,
    int? Resamples = null)
{
    private const string Usage = "known: --scenario ID (repeatable), --segments K, --seeds N, --jobs N, --cache DIR, --trust-cache, --replay-only, --no-canaries, --defaults FILE, --segment-frames N, --out FILE, --docs FILE, --multiples 1,2,..., --resamples N";

    /// <exception cref="ArgumentException">An unknown option, or a value missing or out of range.</exception>
    public static StudyOptions Parse(IReadOnlyList<string> args, string root)
    {
        var ids = new List<string>();
        var options = new StudyOptions(ids, 40, 12, Environment.ProcessorCount, Path.Combine(root, "artifacts", "calibration", "detections"), null);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--no-canaries" or "--trust-cache" or "--replay-only")
            {
                options = name switch
                {
                    "--no-canaries" => options with { Canaries = false },
                    "--trust-cache" => options with { TrustCache = true },
                    _ => options with { ReplayOnly = true },
                };
                continue;
            }

            var value = ++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value ({Usage})");
            options = name switch
            {
                "--scenario" => options with { ScenarioIds = [.. options.ScenarioIds, value] },
                "--segments" => options with { Segments = Positive(name, value) },
                "--seeds" => options with { Seeds = Positive(name, value) },
                "--jobs" => options with { Jobs = Positive(name, value) },
                "--cache" => options with { CacheDirectory = Path.GetFullPath(value) },
                "--out" => options with { Output = Path.GetFullPath(value) },
                "--defaults" => options with { Defaults = Path.GetFullPath(value) },
                "--segment-frames" => options with { SegmentFrames = Positive(name, value) },
                "--docs" => options with { Docs = Path.GetFullPath(value) },
                "--resamples" => options with { Resamples = Positive(name, value) },
                "--multiples" => options with { Multiples = [.. value.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))] },
                _ => throw new ArgumentException($"unknown option '{name}' ({Usage})"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a positive integer, got '{value}'");
}
