using Harness.Metrics;
using Harness.Metrics.Bootstrap;

namespace Harness.Scenarios;

/// <summary>
/// Reads <c>defaults.yaml</c> at the top of a scenario directory. A suite without one uses
/// <see cref="GateDefaults.BuiltIn"/>; a key the file leaves out keeps its built-in value, and a family it lists
/// replaces the built-in rule of that family. Every problem is reported with file, line and field.
/// </summary>
internal static class GateDefaultsLoader
{
    /// <summary><c>on_regression</c>, as whether a change beyond the rule fails.</summary>
    private static readonly KeyValuePair<string, bool>[] RegressionActions = [new("warn", false), new("fail", true)];

    private static readonly KeyValuePair<string, ResamplingUnit>[] UnitWords = [new("tracks", ResamplingUnit.Tracks), new("frames", ResamplingUnit.Frames), new("tracks_and_frames", ResamplingUnit.TracksAndFrames)];

    private static readonly KeyValuePair<string, FalseDiscoveryProcedure>[] ProcedureWords =
        [new("benjamini_hochberg", FalseDiscoveryProcedure.BenjaminiHochberg), new("benjamini_yekutieli", FalseDiscoveryProcedure.BenjaminiYekutieli)];

    private static readonly KeyValuePair<string, bool>[] PossibleRegressionWords = [new("fail", true), new("warn", false)];

    private const string AutomaticBlock = "auto";

    public static GateDefaults LoadDirectory(string scenariosDirectory)
    {
        var path = Path.Combine(scenariosDirectory, GateDefaults.FileName);
        return File.Exists(path) ? Parse(YamlDocuments.ReadFile(path, "gate defaults file"), path) : GateDefaults.BuiltIn;
    }

    public static GateDefaults Parse(string yaml, string path)
    {
        var root = YamlDocuments.LoadMapping(yaml, path);
        var errors = new List<ValidationError>();
        var top = new YamlMappingReader(root, path, "", errors);
        var builtIn = GateDefaults.BuiltIn;
        var statistics = ReadStatistics(top.Mapping("statistics"), builtIn.Statistics);
        var minSupport = top.Integer("min_support") ?? builtIn.MinSupport;
        if (minSupport < 0)
        {
            top.Error("min_support", "must be 0 or more");
        }

        var equivalence = ReadEquivalence(top.Mapping("equivalence"), builtIn.Equivalence);
        var families = builtIn.Ungated.ToDictionary(r => r.Family, StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in top.MappingList("ungated"))
        {
            if (ReadFamily(item) is { } rule)
            {
                if (!listed.Add(rule.Family))
                {
                    item.Error("family", $"'{rule.Family}' is listed twice");
                }

                families[rule.Family] = rule;
            }
        }

        top.RejectUnknownKeys();
        return errors.Count > 0
            ? throw new ScenarioValidationException(errors)
            : new GateDefaults(statistics, minSupport, equivalence, [.. families.Values.OrderBy(r => r.Family, StringComparer.Ordinal)]);
    }

    private static StatisticsSpec ReadStatistics(YamlMappingReader? reader, StatisticsSpec builtIn)
    {
        if (reader is null)
        {
            return builtIn;
        }

        var resamples = reader.Integer("resamples") ?? builtIn.Resamples;
        if (resamples is < 0 or > 100_000)
        {
            reader.Error("resamples", "must be between 0 and 100000");
        }

        var seed = reader.Integer("seed") ?? (long)builtIn.Seed;
        if (seed < 0)
        {
            reader.Error("seed", "must be 0 or more");
        }

        var block = reader.String("block_seconds") == AutomaticBlock ? null : reader.Number("block_seconds") ?? builtIn.BlockSeconds;
        if (block <= 0)
        {
            reader.Error("block_seconds", $"must be greater than 0, or '{AutomaticBlock}'");
        }

        var units = reader.Choice("units", UnitWords) ?? builtIn.Units;
        var rate = reader.Number("false_discovery_rate") ?? builtIn.FalseDiscoveryRate;
        if (rate is <= 0 or >= 1)
        {
            reader.Error("false_discovery_rate", "must be between 0 and 1 (exclusive), e.g. 0.05");
        }

        var procedure = reader.Choice("fdr_procedure", ProcedureWords) ?? builtIn.Procedure;
        var possibleFails = reader.Choice("possible_regression", PossibleRegressionWords) ?? builtIn.PossibleRegressionFails;

        var confidence = reader.Number("confidence") ?? builtIn.Confidence;
        if (confidence is <= 0 or >= 1)
        {
            reader.Error("confidence", "must be between 0 and 1 (exclusive), e.g. 0.95");
        }

        reader.RejectUnknownKeys();
        return new StatisticsSpec(resamples, (ulong)Math.Max(seed, 0), block, confidence, units, rate, procedure, possibleFails);
    }

    private static EquivalenceSpec ReadEquivalence(YamlMappingReader? reader, EquivalenceSpec builtIn)
    {
        if (reader is null)
        {
            return builtIn;
        }

        var box = reader.Number("box_px") ?? builtIn.BoxPixels;
        var score = reader.Number("score") ?? builtIn.Score;
        var iou = reader.Number("iou") ?? builtIn.Iou;
        if (box < 0)
        {
            reader.Error("box_px", "must be 0 or more");
        }

        if (score < 0)
        {
            reader.Error("score", "must be 0 or more");
        }

        if (iou is < 0 or > 1)
        {
            reader.Error("iou", "must be between 0 and 1 (an IoU distance from the NMS threshold), e.g. 0.005");
        }

        reader.RejectUnknownKeys();
        return new EquivalenceSpec(box, score, iou);
    }

    private static MetricFamilyRule? ReadFamily(YamlMappingReader item)
    {
        var family = item.String("family", required: true);
        if (family is not null && MetricNameCheck.FamilyProblem(family) is { } problem)
        {
            item.Error("family", problem);
        }

        var change = item.Tolerance("max_change");
        if (change is null)
        {
            item.Error("max_change", "is required (an absolute change such as 0.01, or a percentage such as 10%)");
        }

        var minSupport = item.Integer("min_support");
        if (minSupport < 0)
        {
            item.Error("min_support", "must be 0 or more");
        }

        var fails = item.Choice("on_regression", RegressionActions) ?? false;

        item.RejectUnknownKeys();
        return family is null || change is null ? null : new MetricFamilyRule(family, change.Value, minSupport, fails);
    }
}
