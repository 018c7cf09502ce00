namespace Harness.Tests.Cli;

public class AcceptCliTests
{
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
