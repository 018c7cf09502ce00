using Harness.Metrics.Bootstrap;
using Harness.Metrics.Tide;

namespace Harness.Metrics.Families.Tide;

/// <summary>
/// TIDE's dAPs in every lane. The frames are classified once (the classification is per image, so a drawn copy of an
/// image is classified as the image was); each lane then runs the oracles with every detection and truth counted as
/// often as its unit was drawn (<see cref="TideRuns"/>), which is the accumulator fed the drawn frames. Unit weights
/// are read for a block of lanes at a time.
/// </summary>
internal sealed class TideScorer : IResampleScorer
{
    private const int LaneBlock = 64;

    private readonly UnitWeights _weights;
    private readonly int _classes;
    private readonly TideRuns _runs;

    /// <summary>The units any box belongs to; the arrays below index into this list.</summary>
    private readonly int[] _units;

    /// <summary>Per ledger detection, its unit.</summary>
    private readonly int[] _detectionUnits;

    /// <summary>Per unit and class with truth: the unit, the class and its truths, missed and unmatched.</summary>
    private readonly (int Unit, int Class, int Truths, int Missed, int Unmatched)[] _truthCells;

    public TideScorer(ResampleInput input)
    {
        _weights = input.Weights;
        _classes = input.ClassNames.Count;
        var frames = new TideFrames(_classes);
        var units = new Dictionary<int, int>();
        var cells = new SortedDictionary<(int Unit, int Class), (int Truths, int Missed, int Unmatched)>();
        int Compact(int unit) => units.TryGetValue(unit, out var index) ? index : units[unit] = units.Count;
        for (var f = 0; f < input.Truth.Count; f++)
        {
            var outcomes = frames.Add(input.Truth[f], input.Detections[f]);
            for (var t = 0; t < outcomes.Length; t++)
            {
                if (outcomes[t] != TideTruthOutcome.Unscored)
                {
                    var key = (Compact(input.Units.TruthUnit(f, t)), input.Truth[f][t].ClassId);
                    var (truths, missed, unmatched) = cells.GetValueOrDefault(key);
                    cells[key] = (truths + 1, missed + (outcomes[t] == TideTruthOutcome.Missed ? 1 : 0), unmatched + (outcomes[t] == TideTruthOutcome.Matched ? 0 : 1));
                }
            }
        }

        var ledger = frames.Ledger;
        _detectionUnits = new int[ledger.Sources.Count];
        for (var r = 0; r < _detectionUnits.Length; r++)
        {
            var (image, d) = ledger.Sources[r];
            _detectionUnits[r] = Compact(input.Units.DetectionUnit(image, input.Detections[image][d], input.Truth[image]));
        }

        _units = new int[units.Count];
        foreach (var (unit, index) in units)
        {
            _units[index] = unit;
        }

        _truthCells = [.. cells.Select(cell => (cell.Key.Unit, cell.Key.Class, cell.Value.Truths, cell.Value.Missed, cell.Value.Unmatched))];
        _runs = new TideRuns(ledger);
    }

    public void Score(MetricSlots slots)
    {
        var lanes = _weights.Lanes;
        var block = new float[_units.Length * LaneBlock];
        var scratch = new float[LaneBlock];
        var copies = new float[_detectionUnits.Length];
        var truths = new double[_classes];
        var missed = new double[_classes];
        var unmatched = new double[_classes];
        var aps = new double[TideRuns.Count][];
        for (var run = 0; run < aps.Length; run++)
        {
            aps[run] = new double[_classes];
        }

        for (var start = 0; start < lanes; start += LaneBlock)
        {
            var count = Math.Min(LaneBlock, lanes - start);
            for (var u = 0; u < _units.Length; u++)
            {
                _weights.Row(_units[u], start, count, scratch).CopyTo(block.AsSpan(u * LaneBlock, count));
            }

            for (var j = 0; j < count; j++)
            {
                for (var r = 0; r < copies.Length; r++)
                {
                    copies[r] = block[(_detectionUnits[r] * LaneBlock) + j];
                }

                Array.Clear(truths);
                Array.Clear(missed);
                Array.Clear(unmatched);
                foreach (var cell in _truthCells)
                {
                    double weight = block[(cell.Unit * LaneBlock) + j];
                    truths[cell.Class] += weight * cell.Truths;
                    missed[cell.Class] += weight * cell.Missed;
                    unmatched[cell.Class] += weight * cell.Unmatched;
                }

                _runs.Aps(copies, truths, missed, unmatched, aps);
                Write(slots, start + j, aps);
            }

            if (start == 0)
            {
                SetSupports(slots);
            }
        }
    }

    private void Write(MetricSlots slots, int lane, double[][] aps)
    {
        foreach (var error in TideNames.Errors)
        {
            slots.Values(TideFamily.Slot(error, 0, _classes))[lane] = TideRuns.Lost(aps, error, null);
            for (var c = 0; c < _classes; c++)
            {
                slots.Values(TideFamily.Slot(error, 1 + c, _classes))[lane] = TideRuns.Lost(aps, error, c);
            }
        }
    }

    /// <summary>Every metric's support is the truth it is measured on, as <c>coco/AP50</c>'s: of the class, or of all classes.</summary>
    private void SetSupports(MetricSlots slots)
    {
        var perClass = new long[_classes];
        foreach (var cell in _truthCells)
        {
            perClass[cell.Class] += cell.Truths;
        }

        foreach (var error in TideNames.Errors)
        {
            slots.SetSupport(TideFamily.Slot(error, 0, _classes), perClass.Sum());
            for (var c = 0; c < _classes; c++)
            {
                slots.SetSupport(TideFamily.Slot(error, 1 + c, _classes), perClass[c]);
            }
        }
    }
}
