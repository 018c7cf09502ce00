using System.Collections.Concurrent;
using Harness.Gate;
using Harness.Metrics;
using Harness.Scenarios;
using Harness.Suite;

namespace Harness.Calibration;

/// <summary>
/// One scenario's study: every change of the ladder judged by the gate on every segment of the long clip and on every
/// seed clip, each against its own baseline (the scenario's model at its own threshold on that clip), and the change
/// each segment's interval claims to estimate: the long clip's own.
/// </summary>
internal sealed record StudyRun(
    StudyPlan Plan,
    IReadOnlyList<StudyChange> Changes,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> LongChanges,
    IReadOnlyDictionary<string, IReadOnlyList<Judged>> Segments,
    IReadOnlyDictionary<string, IReadOnlyList<Judged>> Seeds)
{
    public static StudyRun Execute(StudyPlan plan, IReadOnlyList<StudyChange> changes, GateDefaults defaults, int jobs, TextWriter log)
    {
        var scenario = plan.Scenario;
        var classes = scenario.Model.Classes.EvaluationClasses;
        var baselineChange = changes.Single(c => c.Kind == ChangeKind.Identical);
        var longBaseline = baselineChange.Current(plan.Long);
        var longBefore = PairedComparison.Score(scenario.Id, classes, longBaseline).Metrics;
        var longChanges = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var change in changes)
        {
            var after = PairedComparison.Score(scenario.Id, classes, change.Current(plan.Long)).Metrics;
            longChanges[change.Name] = after.Where(m => longBefore.ContainsKey(m.Key) && !MetricNames.IsTiming(m.Key))
                .ToDictionary(m => m.Key, m => m.Value - longBefore[m.Key], StringComparer.Ordinal);
        }

        var policy = new GatePolicy(RunKind.PullRequest, IsCi: true);
        var segments = new ConcurrentDictionary<(string, int), Judged>();
        var seeds = new ConcurrentDictionary<(string, int), Judged>();
        var work = changes.SelectMany(c => Enumerable.Range(0, plan.Segments).Select(k => (Change: c, Seed: -1, Segment: k))
            .Concat(Enumerable.Range(0, plan.Seeds.Count).Select(s => (Change: c, Seed: s, Segment: -1)))).ToList();
        var done = 0;
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = jobs }, item =>
        {
            var clip = item.Seed >= 0 ? plan.Seeds[item.Seed] : plan.Long;
            var (baseline, current) = (baselineChange.Current(clip), item.Change.Current(clip));
            if (item.Segment >= 0)
            {
                (baseline, current) = (Slice(baseline, plan, item.Segment), Slice(current, plan, item.Segment));
            }

            var same = item.Change.Kind == ChangeKind.Identical;
            var (judgement, evidence) = PairedComparison.Judge(scenario, defaults, policy, baseline, current, samePipeline: same);
            var verdict = new Judged(judgement, evidence.Intervals.Where(i => i.Value.HasSpread).ToDictionary(
                i => i.Key, i => ChangeBounds.Of(i.Value, defaults.Statistics.Confidence, defaults.Statistics, unseen: !same), StringComparer.Ordinal));
            if (item.Seed >= 0)
            {
                seeds[(item.Change.Name, item.Seed)] = verdict;
            }
            else
            {
                segments[(item.Change.Name, item.Segment)] = verdict;
            }

            if (Interlocked.Increment(ref done) % 100 == 0)
            {
                log.WriteLine($"{scenario.Id}: {done}/{work.Count} comparisons judged");
            }
        });

        return new StudyRun(plan, changes, longChanges,
            changes.ToDictionary(c => c.Name, c => (IReadOnlyList<Judged>)[.. Enumerable.Range(0, plan.Segments).Select(k => segments[(c.Name, k)])]),
            changes.ToDictionary(c => c.Name, c => (IReadOnlyList<Judged>)[.. Enumerable.Range(0, plan.Seeds.Count).Select(s => seeds[(c.Name, s)])]));
    }

    private static IReadOnlyList<ScoredFrame> Slice(IReadOnlyList<ScoredFrame> frames, StudyPlan plan, int segment) =>
        [.. frames.Skip(segment * plan.SegmentFrames).Take(plan.SegmentFrames)];
}
