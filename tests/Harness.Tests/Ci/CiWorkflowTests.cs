using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Ci;

/// <summary>
/// The CI workflows and Kubernetes Jobs run commands that exist, with options that exist (checked against the tree
/// the <c>harness</c> CLI builds), run what a sharded gate needs, and agree on how many shards there are.
/// </summary>
public partial class CiWorkflowTests
{
    public static TheoryData<string> Files => [.. CiFiles.All];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_harness_and_dotnet_command_exists_with_its_options(string file)
    {
        var problems = CiFiles.Commands(file).SelectMany(HarnessCommandCheck.Problems).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData(CiFiles.PullRequest, "run --shard", "merge --report")]
    [InlineData(CiFiles.Nightly, "run --run --history", "")]
    [InlineData(CiFiles.KubernetesShards, "run --shard", "")]
    [InlineData(CiFiles.KubernetesMerge, "merge --report --history", "")]
    public void File_runs_the_harness_commands_its_job_needs(string file, string first, string second)
    {
        var commands = CiFiles.Commands(file).Where(c => c.Program == "harness").ToList();

        foreach (var expected in new[] { first, second }.Where(e => e.Length > 0).Select(e => e.Split(' ')))
        {
            Assert.True(
                commands.Any(c => c.Words.Count > 1 && c.Words[1] == expected[0] && expected.Skip(1).All(c.Words.Contains)),
                $"{file} runs no 'harness {string.Join(' ', expected)}' (it runs: {string.Join("; ", commands)})");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_that_is_checked_for_commands_runs_some(string file)
    {
        Assert.NotEmpty(CiFiles.Commands(file));
    }

    [Fact]
    public void The_results_volume_is_the_many_writer_claim_both_jobs_mount()
    {
        var claim = CiFiles.Load(CiFiles.ResultsVolume);
        var name = CiFiles.At(claim, "metadata", "name").ToString();

        Assert.Equal("PersistentVolumeClaim", CiFiles.At(claim, "kind").ToString());
        Assert.Equal("ReadWriteMany", ((YamlSequenceNode)CiFiles.At(claim, "spec", "accessModes")).Children.Single().ToString());
        foreach (var job in new[] { CiFiles.KubernetesShards, CiFiles.KubernetesMerge })
        {
            Assert.Contains("claimName: " + name, File.ReadAllText(Path.Combine(Harness.Testing.RepositoryPaths.Root, job)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pull_request_matrix_holds_shards_1_to_N_of_the_N_each_runs()
    {
        var workflow = CiFiles.Load(CiFiles.PullRequest);
        var matrix = (YamlSequenceNode)CiFiles.At(workflow, "jobs", "gate", "strategy", "matrix", "shard");
        var run = Assert.Single(CiFiles.Commands(CiFiles.PullRequest), c => c.Words.Contains("--shard"));

        var shards = ShardCount(run);

        Assert.Equal(Enumerable.Range(1, shards).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            matrix.Children.Select(n => ((YamlScalarNode)n).Value));
    }

    [Fact]
    public void Kubernetes_shards_are_an_indexed_job_whose_completions_parallelism_and_shard_count_agree()
    {
        var job = CiFiles.Load(CiFiles.KubernetesShards);
        var spec = CiFiles.At(job, "spec");
        var container = (YamlMappingNode)((YamlSequenceNode)CiFiles.At(spec, "template", "spec", "containers")).Children[0];
        var shardsVariable = ((YamlSequenceNode)CiFiles.At(container, "env")).Cast<YamlMappingNode>()
            .Single(e => CiFiles.At(e, "name").ToString() == "SHARDS");
        var run = Assert.Single(CiFiles.Commands(CiFiles.KubernetesShards), c => c.Words.Contains("--shard"));

        Assert.Equal("Indexed", CiFiles.At(spec, "completionMode").ToString());
        Assert.Equal(CiFiles.At(spec, "completions").ToString(), CiFiles.At(spec, "parallelism").ToString());
        Assert.Equal(CiFiles.At(spec, "completions").ToString(), CiFiles.At(shardsVariable, "value").ToString());
        // JOB_COMPLETION_INDEX counts from 0, harness shards from 1.
        Assert.Contains("shard=$((JOB_COMPLETION_INDEX + 1))", string.Join('\n', ((YamlSequenceNode)CiFiles.At(container, "args")).Select(a => a.ToString())), StringComparison.Ordinal);
        Assert.Equal("$shard/$SHARDS", run.Words[run.Words.ToList().IndexOf("--shard") + 1]);
    }

    [Theory]
    [InlineData("harness rn --tag pr", "no subcommand 'rn'")]
    [InlineData("harness run --tag pr --shards 1/4", "no option '--shards'")]
    [InlineData("env -u GITHUB_STEP_SUMMARY harness run --paralel=2", "no option '--paralel'")]
    [InlineData("dotnet test tests/Harness.Test -c Release", "'tests/Harness.Test' is not in the repository")]
    [InlineData("dotnet run --project harness/Harness.CLI -- run", "'harness/Harness.CLI' is not in the repository")]
    [InlineData("dotnet format", "unexpected 'dotnet format'")]
    public void Check_finds_a_misspelt_command_option_or_project(string script, string problem)
    {
        var command = Assert.Single(CommandLine.Parse("ci.yml", script));

        Assert.Contains(HarnessCommandCheck.Problems(command), p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Scripts_split_like_the_shell_splits_them()
    {
        var commands = CommandLine.Parse("ci.yml", """
            cd out && harness run --shard ${{ matrix.shard }}/4 \
              --report "a b" || [ $? -le 2 ]
            X=1 dotnet build 'tests/Harness.Tests'; echo done
            dotnet harness merge a && dotnet tool run harness report --results b
            """).ToList();

        Assert.Equal(
            [["cd", "out"], ["harness", "run", "--shard", "${{ matrix.shard }}/4", "--report", "a b"], ["[", "$?", "-le", "2", "]"], ["dotnet", "build", "tests/Harness.Tests"], ["echo", "done"],
                ["harness", "merge", "a"], ["harness", "report", "--results", "b"]],
            commands.Select(c => c.Words));
    }

    private static int ShardCount(CommandLine run)
    {
        var value = run.Words[run.Words.ToList().IndexOf("--shard") + 1];
        return int.Parse(ShardOfPattern().Match(value).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/(\d+)$")]
    private static partial Regex ShardOfPattern();
}
