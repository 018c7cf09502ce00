using System.Globalization;
using Harness.Gate;
using Harness.Scenarios;

namespace Harness.Benchmarks.Equivalence;

/// <summary>
/// How far one run's detections drifted from another's of the same clip, model and settings
/// (bench/equivalence-drift.sh): the measurement the gate's <c>equivalence</c> tolerances are set from. Detections
/// pair by class and nearest box within a loose gate, far looser than any tolerance, so the drift is measured rather
/// than assumed; a detection left unpaired appeared or vanished, and is printed with what could have flipped it. The
/// last line is what the gate says of the two runs at the built-in tolerances.
/// </summary>
internal static class DetectionDrift
{
    /// <summary>Pairing gate: a pair further apart than this is not last-digit noise of one detection.</summary>
    private const double PairBoxPixels = 1.0;

    private const double PairScore = 0.01;

    /// <summary>
    /// <c>detection-drift SCORE_THRESHOLD IOU_THRESHOLD REFERENCE.bin VARIANT.bin [LABEL]</c>; prints a summary row and one
    /// line per detection that appeared or vanished.
    /// </summary>
    public static int Run(string[] args)
    {
        if (args.Length is < 4 or > 5 ||
            !double.TryParse(args[0], CultureInfo.InvariantCulture, out var scoreThreshold) ||
            !double.TryParse(args[1], CultureInfo.InvariantCulture, out var iouThreshold))
        {
            Console.Error.WriteLine("usage: detection-drift SCORE_THRESHOLD IOU_THRESHOLD REFERENCE.bin VARIANT.bin [LABEL]");
            return 2;
        }

        var reference = DetectionSnapshotFormat.Read(args[2]).Frames;
        var variant = DetectionSnapshotFormat.Read(args[3]).Frames;
        var label = args.Length == 5 ? args[4] : args[3];
        if (reference.Count != variant.Count)
        {
            Console.Error.WriteLine($"{label}: {reference.Count} frames in the reference, {variant.Count} in the variant");
            return 1;
        }

        double worstBox = 0, worstScore = 0;
        int detections = 0, paired = 0, changedFrames = 0;
        var flips = new List<DriftFlip>();
        for (var f = 0; f < reference.Count; f++)
        {
            var before = reference[f].Detections;
            var now = variant[f].Detections;
            detections += before.Count;
            var partnerOf = Pair(before, now);
            var usedBefore = new bool[before.Count];
            var frameChanged = !before.SequenceEqual(now);
            for (var i = 0; i < now.Count; i++)
            {
                if (partnerOf[i] is var p and >= 0)
                {
                    usedBefore[p] = true;
                    paired++;
                    worstBox = Math.Max(worstBox, BoxDistance(now[i], before[p]));
                    worstScore = Math.Max(worstScore, Math.Abs(now[i].Score - before[p].Score));
                }
                else
                {
                    flips.Add(DriftFlip.Of(f, "appeared", now[i], now, before, scoreThreshold, iouThreshold));
                }
            }

            for (var p = 0; p < before.Count; p++)
            {
                if (!usedBefore[p])
                {
                    flips.Add(DriftFlip.Of(f, "vanished", before[p], before, now, scoreThreshold, iouThreshold));
                }
            }

            changedFrames += frameChanged ? 1 : 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: frames {reference.Count}, differing {changedFrames}, detections {detections}, paired {paired}, box_px {worstBox:G4}, score {worstScore:G4}, " +
            $"appeared {flips.Count(x => x.Kind == "appeared")}, vanished {flips.Count(x => x.Kind == "vanished")}"));
        foreach (var flip in flips)
        {
            Console.WriteLine("  " + flip.Describe());
        }

        var (agreement, detail) = DetectionAgreement.Compare(
            [.. reference.Select(f => f.Detections)], [.. variant.Select(f => f.Detections)], GateDefaults.BuiltIn.Equivalence,
            new PostprocessSpec((float)scoreThreshold, (float)iouThreshold, int.MaxValue, ClassAgnostic: false));
        Console.WriteLine($"  gate: {agreement}{(detail.Length > 0 ? ": " + detail : "")}");

        return 0;
    }

    /// <summary>For each current detection, the closest unpaired reference detection of its class inside the gate, or -1.</summary>
    private static int[] Pair(IReadOnlyList<Detection> before, IReadOnlyList<Detection> now)
    {
        var used = new bool[before.Count];
        var partner = new int[now.Count];
        for (var i = 0; i < now.Count; i++)
        {
            partner[i] = -1;
            var best = double.MaxValue;
            for (var p = 0; p < before.Count; p++)
            {
                var distance = BoxDistance(now[i], before[p]);
                if (!used[p] && before[p].ClassId == now[i].ClassId && Math.Abs(before[p].Score - now[i].Score) <= PairScore &&
                    distance <= PairBoxPixels && distance < best)
                {
                    partner[i] = p;
                    best = distance;
                }
            }

            if (partner[i] >= 0)
            {
                used[partner[i]] = true;
            }
        }

        return partner;
    }

    private static double BoxDistance(in Detection a, in Detection b) =>
        Math.Max(Math.Max(Math.Abs(a.X1 - b.X1), Math.Abs(a.Y1 - b.Y1)), Math.Max(Math.Abs(a.X2 - b.X2), Math.Abs(a.Y2 - b.Y2)));
}
