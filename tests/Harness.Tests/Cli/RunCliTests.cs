using Harness.TestKit;

namespace Harness.Tests.Cli;

public class RunCliTests
{
    [Fact]
    public void Unknown_key_in_a_scenario_exits_2_with_file_line_column_and_field()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        File.WriteAllText(directory.Combine("scenarios", "typo.yaml"), """
            id: typo
            tags: [pr]
            clip:
              source: synthetic://urban-day?seed=1&frames=1&width=64&height=64
              colour: red
            model:
              source: reference://detector-v1
              layout: yolov8
              input: { width: 64, height: 64 }
              classes: [car]
            """);

        var result = HarnessCli.Run(directory.Path, ci: false, "run", "--scenarios", "scenarios", "--baselines", "baselines", "--cache", "cache", "--report", "report", "--history", "history.sqlite");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{Path.Combine("scenarios", "typo.yaml")}:5:3: clip.colour: unknown key", result.Error, StringComparison.Ordinal);
        Assert.Contains("typo: error", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("cache")), "a scenario that does not load never reaches replay");
    }

    [Fact]
    public void Scenario_file_that_does_not_load_fails_alone_and_the_others_still_run()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        const string Scenario = """
            id: ID
            tags: [pr]
            clip:
              source: synthetic://urban-day?seed=1&frames=1
            model:
              source: reference://detector-v1
              layout: yolov8
              input: { width: 640, height: 384 }
              classes: [car, pedestrian, cyclist]
            """;
        File.WriteAllText(directory.Combine("scenarios", "good.yaml"), Scenario.Replace("ID", "good", StringComparison.Ordinal));
        File.WriteAllText(directory.Combine("scenarios", "typo.yaml"), Scenario.Replace("ID", "typo", StringComparison.Ordinal).Replace("layout:", "layuot:", StringComparison.Ordinal));

        var result = HarnessCli.Run(directory.Path, ci: false, "run", "--scenarios", "scenarios", "--baselines", "baselines", "--cache", "cache", "--report", "report", "--history", "history.sqlite");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{Path.Combine("scenarios", "typo.yaml")}:7:3: model.layuot: unknown key", result.Error, StringComparison.Ordinal);
        Assert.Contains("typo: error", result.Output, StringComparison.Ordinal);
        Assert.True(result.Output.Contains("good: missing baseline", StringComparison.Ordinal), result.ToString());
        Assert.True(File.Exists(directory.Combine("baselines", "good.received.json")), result.ToString());
    }
}
