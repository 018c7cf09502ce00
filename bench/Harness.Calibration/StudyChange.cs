using Harness.Metrics;

namespace Harness.Calibration;

/// <summary>What a change of the ladder is for: the rate it measures.</summary>
internal enum ChangeKind
{
    /// <summary>(a) the same pipeline: every metric must pass or be equivalent.</summary>
    Identical,

    /// <summary>(b) a change that moves nothing real: false fails and false warnings.</summary>
    Harmless,

    /// <summary>(c) a true change equal to one gate's allowance, on the edge: the size of the test.</summary>
    AtAllowance,

    /// <summary>(d) a true change of twice one gate's allowance: power.</summary>
    TwiceAllowance,

    /// <summary>Another multiple of one gate's allowance, for the power curve (<c>--multiples</c>).</summary>
    Multiple,

    /// <summary>(e, f) a canary model: power.</summary>
    Canary,

    /// <summary>(b') weights x (1 +- 1e-3): proposed as harmless, a real change for this detector; reported as what it does.</summary>
    Retrain,
}

/// <summary>
/// One change of the study's ladder, applied to every clip alike: the current run's frames of a whole clip, from which
/// each segment takes its slice. <see cref="Metric"/> names the gate a change at or beyond an allowance was tuned on.
/// </summary>
internal sealed record StudyChange(string Name, ChangeKind Kind, string Description, Func<StudyClip, IReadOnlyList<ScoredFrame>> Current)
{
    public string? Metric { get; init; }

    /// <summary>The tuned change on the long clip, when this change was tuned on a gate.</summary>
    public double? LongChange { get; init; }
}
