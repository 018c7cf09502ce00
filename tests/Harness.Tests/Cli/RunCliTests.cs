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
        Assert.False(Directory.Exists(directory.Combine("cache")), "nothing may run before the scenarios validate");
    }
}
