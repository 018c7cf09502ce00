using System.Text.RegularExpressions;
using Harness.Gate;
using Harness.Reporting;
using Harness.Results;
using Harness.Running;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Testing;

namespace Harness.Tests.Suite;

/// <summary>
/// The default pull-request suite, on 30-frame clips of the same scenes: split into 4 shards and merged, it gives the
/// unsharded run's bundles, summary, HTML page (with its images) and review clips byte for byte; re-rendering the
/// unsharded run's results folder gives them too. Its scenarios cover every kind of bundle: one equivalent to its
/// baseline, one whose settings changed since its baseline (flips, intervals, a baseline to show side by side) and
/// one without a baseline (a review clip). The clock is frozen so the timing metrics are the same in every run.
/// </summary>
public sealed partial class ShardedRunTests : IDisposable
{
    private const int Shards = 4;

    private readonly TemporaryDirectory _temp = new("sharded-run-");

    public ShardedRunTests()
    {
        Directory.CreateDirectory(ScenariosDirectory);
        File.Copy(Path.Combine(RepositoryPaths.Scenarios, GateDefaults.FileName), Path.Combine(ScenariosDirectory, GateDefaults.FileName));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            if (Regex.IsMatch(text, @"^tags: \[pr\]$", RegexOptions.Multiline))
            {
                File.WriteAllText(Path.Combine(ScenariosDirectory, Path.GetFileName(file)), Shorter(text));
            }
        }
    }

    private string ScenariosDirectory => _temp.Combine("scenarios");

    private string Baselines => _temp.Combine("baselines");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Four_shards_merged_equal_the_unsharded_run_byte_for_byte()
    {
        var ids = GateSuite.Select(Options("unused")).Scenarios.Select(s => s.Id).ToList();
        Assert.Equal(["crowd", "urban-day", "urban-night"], ids);
        GateSuite.Run(Options(_temp.Combine("first")), []);
        var store = new BaselineStore(Baselines);
        Assert.True(store.Accept("urban-day"));
        Assert.True(store.Accept("urban-night"));
        var nightFile = Path.Combine(ScenariosDirectory, "urban-night.yaml");
        File.WriteAllText(nightFile, File.ReadAllText(nightFile).Replace("score_threshold: 0.25", "score_threshold: 0.3", StringComparison.Ordinal));

        var whole = GateSuite.Run(Options(Results("whole")), Reporters("whole-report"));
        var shardFolders = Enumerable.Range(1, Shards).Select(k => Results($"shard-{k}")).ToList();
        for (var k = 1; k <= Shards; k++)
        {
            GateSuite.Run(Options(shardFolders[k - 1]) with { Shard = new ShardSpec(k, Shards) }, []);
        }

        var merged = ShardMerge.Merge(shardFolders, Reporters("merged-report"));
        var rerendered = GateSuite.Report(Results("whole"), Reporters("rerendered-report"));

        Assert.Equal(["crowd", "urban-day", "urban-night"], whole.Scenarios.Select(s => s.ScenarioId));
        Assert.True(whole.Scenarios[0].Verdict.BaselineMissing);
        Assert.Equal(PipelineAgreement.Identical, whole.Scenarios[1].Verdict.Agreement);
        Assert.NotNull(whole.Scenarios[2].Verdict.Flips);
        Assert.Contains(whole.Scenarios[2].Result!.ReviewFrames, f => f.ChangedFromBaseline);
        Assert.True(File.Exists(_temp.Combine("whole-report", "crowd", ReviewClipReporter.FileName)));
        Assert.Equal(whole.ExitCode, merged.ExitCode);
        Assert.Equal(whole.ExitCode, rerendered.ExitCode);
        AssertSameFiles(_temp.Combine("whole-report"), _temp.Combine("merged-report"));
        AssertSameFiles(_temp.Combine("whole-report"), _temp.Combine("rerendered-report"));
        var holders = shardFolders.SelectMany(f => ResultsFolder.ReadManifest(f).Scenarios.Select(id => (Id: id, Folder: f))).ToList();
        Assert.Equal(ids, holders.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Contains(shardFolders, f => ResultsFolder.ReadManifest(f).Scenarios.Count == 0);
        foreach (var (id, folder) in holders)
        {
            AssertSameFiles(Path.Combine(Results("whole"), id), Path.Combine(folder, id));
        }
    }

    /// <summary>
    /// The same scenes, seeds and model, 30 frames instead of 600; the clip's pinned hash is for the long clip, so it
    /// goes, and so do allowances 30 frames cannot resolve (the gate would refuse the scenario before replaying it).
    /// </summary>
    private static string Shorter(string scenario) =>
        Allowance().Replace(ClipSource().Replace(scenario, match => match.Groups["source"].Value + "frames=30" + match.Groups["rest"].Value),
            match => match.Groups["key"].Value + (match.Groups["key"].Value.Contains("drop", StringComparison.Ordinal) ? "1" : "1000%"));

    [GeneratedRegex(@"(?<key>max_(drop|increase): )\S+")]
    private static partial Regex Allowance();

    private SuiteOptions Options(string results) =>
        new(ScenariosDirectory, Baselines, RepositoryPaths.Cache, "pr", [], RunKind.PullRequest, IsCi: false)
        {
            ResultsDirectory = results,
            Hooks = new RunHooks { Time = new FrozenClock() },
        };

    private string Results(string name) => _temp.Combine("results", name);

    private IReporter[] Reporters(string name)
    {
        var folder = _temp.Combine(name);
        return [new MarkdownReporter(folder), new HtmlReporter(folder), new ReviewClipReporter(folder, new ClipReopener(RepositoryPaths.Cache))];
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = Files(expected);
        Assert.NotEmpty(files);
        Assert.Equal(files, Files(actual));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs between {expected} and {actual}");
        }
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"(?<source>source: synthetic://[^\n]*?)frames=\d+(?<rest>[^\n]*\n)\s*sha256: [0-9a-f]+\n")]
    private static partial Regex ClipSource();

    /// <summary>Every stage timing is zero, so latency metrics and replay times are the same in every run.</summary>
    private sealed class FrozenClock : TimeProvider
    {
        public override long GetTimestamp() => 0;
    }
}
