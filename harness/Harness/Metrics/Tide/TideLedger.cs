using Harness.Metrics.Coco;

namespace Harness.Metrics.Tide;

/// <summary>
/// A clip's or dataset's images run through <see cref="TideImageClassifier"/> one at a time, keeping only what the
/// oracles need: every detection that counts or has an error (class, score, verdict and where it came from, in image
/// order and then the order given, which breaks score ties) and, per class, how many truths were scored, missed and
/// left unmatched.
/// </summary>
internal sealed class TideLedger(int classCount)
{
    private readonly TideImageClassifier _classifier = new(classCount);
    private readonly List<int> _classes = [];
    private readonly List<double> _scores = [];
    private readonly List<TideDetectionVerdict> _verdicts = [];
    private readonly List<(int Image, int Detection)> _sources = [];
    private readonly int[] _truths = new int[classCount];
    private readonly int[] _missed = new int[classCount];
    private readonly int[] _unmatched = new int[classCount];
    private TideDetectionVerdict[] _imageVerdicts = new TideDetectionVerdict[16];
    private TideTruthOutcome[] _imageOutcomes = new TideTruthOutcome[16];

    public int ClassCount => classCount;

    public IReadOnlyList<int> DetectionClasses => _classes;

    public IReadOnlyList<double> Scores => _scores;

    public IReadOnlyList<TideDetectionVerdict> Verdicts => _verdicts;

    /// <summary>Per ledger detection, its image (counted from 0 in the order added) and its position in that image's list.</summary>
    public IReadOnlyList<(int Image, int Detection)> Sources => _sources;

    public int Images { get; private set; }

    public ReadOnlySpan<int> Truths => _truths;

    public ReadOnlySpan<int> Missed => _missed;

    /// <summary>Per class, the truths no detection matched: TIDE's false negatives, missed or not.</summary>
    public ReadOnlySpan<int> Unmatched => _unmatched;

    /// <summary>Adds one image; returns what became of each of its truths, valid until the next image.</summary>
    public ReadOnlySpan<TideTruthOutcome> AddImage(ReadOnlySpan<TideTruth> truth, ReadOnlySpan<TideDetection> detections)
    {
        if (_imageVerdicts.Length < detections.Length)
        {
            _imageVerdicts = new TideDetectionVerdict[Math.Max(detections.Length, _imageVerdicts.Length * 2)];
        }

        if (_imageOutcomes.Length < truth.Length)
        {
            _imageOutcomes = new TideTruthOutcome[Math.Max(truth.Length, _imageOutcomes.Length * 2)];
        }

        _classifier.Classify(truth, detections, _imageVerdicts, _imageOutcomes);
        for (var d = 0; d < detections.Length; d++)
        {
            var verdict = _imageVerdicts[d];
            if (verdict.Outcome != DetectionOutcome.Ignored || verdict.Error is not null)
            {
                _classes.Add(detections[d].ClassId);
                _scores.Add(detections[d].Score);
                _verdicts.Add(verdict);
                _sources.Add((Images, d));
            }
        }

        for (var t = 0; t < truth.Length; t++)
        {
            var outcome = _imageOutcomes[t];
            if (outcome == TideTruthOutcome.Unscored)
            {
                continue;
            }

            var classId = truth[t].ClassId;
            _truths[classId]++;
            _missed[classId] += outcome == TideTruthOutcome.Missed ? 1 : 0;
            _unmatched[classId] += outcome == TideTruthOutcome.Matched ? 0 : 1;
        }

        Images++;
        return _imageOutcomes.AsSpan(0, truth.Length);
    }

    public TideEvaluation Evaluate() => TideOracles.Evaluate(this);
}
