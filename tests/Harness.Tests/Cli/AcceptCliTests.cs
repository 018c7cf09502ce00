using Harness.Gate;
using Harness.TestKit;
using Harness.Tests.Testing;

namespace Harness.Tests.Cli;

public class AcceptCliTests
{
    [Theory]
    [InlineData(0.52, false)]
    [InlineData(0.53, true)]
    public void A_baseline_whose_clip_cannot_resolve_a_gate_judged_against_it_is_not_accepted(double allowance, bool accepted)
    {
        // 40 objects resolve an allowance of 2 (1.96 + 1.28)^2 / 40 = 0.5254 at 95%.
        using var directory = new TemporaryDirectory();
        var baselines = directory.Combine("baselines");
        Directory.CreateDirectory(baselines);
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "tiny.yaml"), ScenarioYaml.Create("tiny", gated: false) +
            FormattableString.Invariant($"min_support: 10\ngates:\n  - metric: coco/AP\n    max_drop: {allowance}\n"));
        var received = new BaselineSnapshot("tiny", "c", "m", "d", 2, new Dictionary<string, double> { ["coco/AP"] = 0.4 })
        {
            Supports = new Dictionary<string, long> { ["coco/AP"] = 40 },
        };
        new BaselineStore(baselines).WriteReceived(received);

        var result = HarnessCli.Run(directory.Path, ci: false, "accept", "--baselines", baselines, "--scenarios", directory.Combine("scenarios"));

        Assert.True(result.ExitCode == (accepted ? 0 : 2), result.ToString());
        Assert.Equal(accepted, File.Exists(Path.Combine(baselines, "tiny.verified.json")));
        if (!accepted)
        {
            Assert.Contains("tiny: coco/AP: computed over 40 truth objects, the clip resolves a change of 0.5254 or more", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Waivers_beside_the_baselines_are_neither_read_nor_moved_by_accept()
    {
        using var directory = new TemporaryDirectory();
        var baselines = directory.Combine("baselines");
        Directory.CreateDirectory(baselines);
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "tiny.yaml"), ScenarioYaml.Create("tiny"));
        new BaselineStore(baselines).WriteReceived(new BaselineSnapshot("tiny", "c", "m", "d", 2, new Dictionary<string, double> { ["coco/AP"] = 0.4 }));
        var waivers = Path.Combine(baselines, WaiverFileReader.FileName);
        File.WriteAllText(waivers, "not: [a waiver file\n");

        var result = HarnessCli.Run(directory.Path, ci: false, "accept", "--baselines", baselines, "--scenarios", directory.Combine("scenarios"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(baselines, "tiny.verified.json")));
        Assert.Equal("not: [a waiver file\n", File.ReadAllText(waivers));
    }

    [Fact]
    public void Refuses_under_CI_with_exit_2_and_accepts_nothing()
    {
        using var directory = new TemporaryDirectory();
        var baselines = directory.Combine("baselines");
        Directory.CreateDirectory(baselines);
        File.WriteAllText(Path.Combine(baselines, "urban-day.received.json"), "{}\n");

        var result = HarnessCli.Run(directory.Path, ci: true, "accept", "--baselines", baselines);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("CI=true", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(baselines, "urban-day.verified.json")));
    }

    [Fact]
    public void Outside_CI_with_nothing_received_exits_0()
    {
        using var directory = new TemporaryDirectory();

        var result = HarnessCli.Run(directory.Path, ci: false, "accept", "--baselines", directory.Combine("baselines"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nothing to accept", result.Output, StringComparison.Ordinal);
    }
}
