using Harness.Clips;
using Harness.Postprocessing;

namespace Harness.Metrics.Flips;

public enum FlipKind { Lost, Found, ClassChanged, FalsePositiveAppeared, FalsePositiveGone }

public sealed record FlipCounts(int Lost, int Found);

public sealed record ObjectFlip(int FrameOrdinal, long FrameIndex, FlipKind Kind, int ClassId, TruthBox? Truth, Detection? Baseline, Detection? Current, double Severity);

public sealed record FlipSummary(int Lost, int Found, int ClassChanged, int FalsePositivesAppeared, int FalsePositivesGone,
    IReadOnlyDictionary<string, FlipCounts> ByGroup, IReadOnlyList<ObjectFlip> Worst)
{
    public string Describe() => $"{Lost} objects lost, {Found} found, {FalsePositivesAppeared} false positives appeared, {FalsePositivesGone} gone";
}

public static class ObjectFlips
{
    public static FlipSummary Compare(IReadOnlyList<string> classNames, IReadOnlyList<ScoredFrame> current, IReadOnlyList<IReadOnlyList<Detection>> baselineDetections) =>
        new(0, 0, 0, 0, 0, new Dictionary<string, FlipCounts>(), []);
}
