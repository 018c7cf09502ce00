using Harness.Scenarios;

namespace Harness.Results;

/// <summary>
/// <c>run.json</c> of a results folder: what kind of run wrote it, every scenario the whole run selected in report
/// order (<see cref="Selection"/>; the same on every shard), and which of them this folder holds bundles of
/// (<see cref="Scenarios"/>, in the same order). <see cref="Shard"/> is null for a run that was not sharded.
/// </summary>
internal sealed record RunManifest(RunKind Run, bool IsCi, IReadOnlyList<string> Selection, IReadOnlyList<string> Scenarios, ShardSpec? Shard = null)
{
    public const string FileName = "run.json";
}
