using Harness.Scenarios;
using Harness.TestKit;

namespace Harness.Tests.Testing;

/// <summary>Harness.Testing finds the repository it gates by walking up from the test assembly to the nearest <c>scenarios/</c>.</summary>
public sealed class ScenarioRepositoryTests
{
    [Fact]
    public void The_nearest_folder_holding_scenarios_is_the_repository()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));
        Directory.CreateDirectory(directory.Combine("inner", "scenarios"));
        Directory.CreateDirectory(directory.Combine("inner", "tests", "bin", "Debug"));

        var repository = Harness.Testing.ScenarioRepository.Locate(directory.Combine("inner", "tests", "bin", "Debug"));

        Assert.Equal(directory.Combine("inner"), repository.Root);
        Assert.Equal(directory.Combine("inner", "scenarios"), repository.Scenarios);
        Assert.Equal(directory.Combine("inner", "baselines"), repository.Baselines);
        Assert.Equal(directory.Combine("inner", "artifacts", "cache"), repository.Cache);
    }

    [Fact]
    public void A_start_folder_holding_scenarios_is_its_own_repository()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenarios"));

        Assert.Equal(directory.Path, Harness.Testing.ScenarioRepository.Locate(directory.Path).Root);
    }

    [Fact]
    public void No_scenarios_folder_above_is_an_error_naming_the_start_and_init()
    {
        using var directory = new TemporaryDirectory();
        Directory.CreateDirectory(directory.Combine("scenario"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => Harness.Testing.ScenarioRepository.Locate(directory.Path));

        Assert.Equal($"no folder above '{directory.Path}' holds a scenarios/ folder (harness init creates one)", error.Message);
    }

    [Fact]
    public void Test_options_cover_every_scenario_of_the_repository_in_the_kind_of_run_asked()
    {
        var options = new Harness.Testing.ScenarioRepository("/repo").Options(RunKind.Nightly);

        Assert.Equal((Path.Combine("/repo", "scenarios"), Path.Combine("/repo", "baselines"), Path.Combine("/repo", "artifacts", "cache")),
            (options.ScenariosDirectory, options.BaselinesDirectory, options.CacheDirectory));
        Assert.Null(options.Tag);
        Assert.Empty(options.Ids);
        Assert.Equal(RunKind.Nightly, options.Run);
    }
}
