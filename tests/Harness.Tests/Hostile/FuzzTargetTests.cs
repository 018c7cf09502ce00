using Harness.Fuzz;
using Harness.Testing;

namespace Harness.Tests.Hostile;

/// <summary>
/// A short, deterministic run of the fuzz targets: the seed corpus and 2,000 seeded mutations of it each. A target
/// swallows only its reader's documented format exceptions, so any other exception fails the test with the input
/// that caused it; the long coverage-guided run is in docs/fuzzing.md.
/// </summary>
public sealed class FuzzTargetTests
{
    private const int Mutations = 2_000;

    [Fact]
    public Task Mcap_target_survives_its_corpus_and_seeded_mutations() => Bounded.Run(() =>
    {
        var corpus = FuzzCorpus.Mcap().Select(seed => seed.Bytes).ToList();

        Assert.Equal(10, corpus.Count);
        RunAll(FuzzTargets.Mcap, corpus, seed: 1);
    });

    [Fact]
    public Task Scenario_target_survives_its_corpus_and_seeded_mutations() => Bounded.Run(() =>
    {
        var corpus = FuzzCorpus.Scenarios(RepositoryPaths.Root).Select(seed => seed.Bytes).ToList();

        Assert.InRange(corpus.Count, 8, 100);
        RunAll(FuzzTargets.Scenario, corpus, seed: 2);
    });

    private static void RunAll(SharpFuzz.ReadOnlySpanAction target, List<byte[]> corpus, int seed)
    {
        foreach (var input in corpus.Concat(SeededMutations.Of(corpus, Mutations, seed)))
        {
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} on input {Convert.ToBase64String(input)}: {e}");
            }
        }
    }
}
