namespace Harness.Tests.Metrics;

/// <summary>
/// Seeded random frames where matches, duplicates, near misses, wrong classes, ignore regions (of one class or of all)
/// and tied scores all happen, for comparing matching-based counts with references.
/// </summary>
internal static class RandomFrames
{
    public static TruthBox[] Truth(Random random, int classes) =>
        [.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => TruthBox(random, classes))];

    /// <summary>Mostly jittered copies of a truth box, some of another class, some anywhere.</summary>
    public static Detection[] Detections(Random random, TruthBox[] truth, int classes) =>
        [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Detection(random, truth, classes))];

    private static TruthBox TruthBox(Random random, int classes)
    {
        var ignore = random.Next(6) == 0;
        var classId = ignore && random.Next(2) == 0 ? -1 : random.Next(classes);
        float? range = random.Next(4) == 0 ? null : random.Next(0, 80);
        return new TruthBox(
            classId, random.Next(0, 80), random.Next(0, 80), random.Next(4, 60), random.Next(4, 60),
            Occlusion: (float)random.NextDouble(), RangeMeters: range, Ignore: ignore);
    }

    private static Detection Detection(Random random, TruthBox[] truth, int classes)
    {
        var score = (float)Math.Round(random.NextDouble(), 1);
        var classId = random.Next(classes);
        if (truth.Length == 0 || random.Next(4) == 0)
        {
            float x = random.Next(0, 100), y = random.Next(0, 100);
            return new Detection(x, y, x + random.Next(4, 30), y + random.Next(4, 30), score, classId);
        }

        var near = truth[random.Next(truth.Length)];
        var dx = random.Next(-4, 5);
        var dy = random.Next(-4, 5);
        var sameClass = near.ClassId >= 0 && random.Next(5) > 0;
        return new Detection(near.X + dx, near.Y + dy, near.X + near.Width + dx, near.Y + near.Height + dy, score, sameClass ? near.ClassId : classId);
    }
}
