using Harness.Clips.Synthetic;
using Harness.Scenarios;

namespace Harness.Calibration;

/// <summary>
/// What the study replays for one scenario: a long clip of its scene (seed <see cref="LongSeed"/>) cut into
/// <see cref="StudyOptions.Segments"/> segments as long as the scenario's own clip, short clips of
/// <see cref="StudyOptions.Seeds"/> other seeds, and the models: the scenario's, its perturbed copy and every canary
/// that borrows its baseline.
/// </summary>
internal sealed record StudyPlan(Scenario Scenario, int SegmentFrames, StudyClip Long, IReadOnlyList<StudyClip> Seeds, IReadOnlyList<ModelVariant> Canaries)
{
    public const int LongSeed = 21;

    public const int FirstSeed = 101;

    public IEnumerable<StudyClip> Clips => [Long, .. Seeds];

    public int Segments => Long.Options.Frames / SegmentFrames;

    /// <summary>The retrain-sized noise is replayed where the canaries are: the scenario the mixed and degraded models are judged on.</summary>
    public IEnumerable<ModelVariant> Variants => Canaries.Count > 0
        ? [ModelVariant.Base, ModelVariant.Noise, ModelVariant.Retrain, .. Canaries]
        : [ModelVariant.Base, ModelVariant.Noise];

    public static StudyPlan For(Scenario scenario, IReadOnlyList<Scenario> all, StudyOptions options)
    {
        var scene = SyntheticSceneOptions.Parse(scenario.Clip.Source);
        scene = scene with { Frames = options.SegmentFrames ?? scene.Frames };
        var canaries = options.Canaries
            ? all.Where(s => s.BaselineId == scenario.Id && s.HasTag(ScenarioTags.Canary)).Select(ModelVariant.Canary).ToList()
            : [];
        return new StudyPlan(
            scenario,
            scene.Frames,
            new StudyClip(scene with { Seed = LongSeed, Frames = scene.Frames * options.Segments }, IsLong: true),
            [.. Enumerable.Range(FirstSeed, options.Seeds).Select(seed => new StudyClip(scene with { Seed = seed }, IsLong: false))],
            canaries);
    }
}
