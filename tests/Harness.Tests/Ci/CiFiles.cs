using Harness.Testing;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Ci;

/// <summary>The CI and deployment files of the repository, and the commands their scripts run.</summary>
internal static class CiFiles
{
    public const string PullRequest = ".github/workflows/pr.yml";
    public const string Nightly = ".github/workflows/nightly.yml";
    public const string KubernetesShards = "deploy/k8s/gate-shards-job.yaml";
    public const string KubernetesMerge = "deploy/k8s/gate-merge-job.yaml";

    public const string ResultsVolume = "deploy/k8s/results-pvc.yaml";

    /// <summary>The files that run commands; <see cref="ResultsVolume"/> runs none and is checked on its own.</summary>
    public static IReadOnlyList<string> All { get; } = [PullRequest, Nightly, KubernetesShards, KubernetesMerge];

    public static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, file));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    /// <summary>Every <c>harness</c> and <c>dotnet</c> command in any string of the file (workflow <c>run:</c> steps, container args).</summary>
    public static List<CommandLine> Commands(string file) =>
        [.. Scalars(Load(file)).SelectMany(text => CommandLine.Parse(file, text)).Where(c => c.Program is "harness" or "dotnet")];

    public static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is { } value ? [value] : [],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        _ => [],
    };
}
