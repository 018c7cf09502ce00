namespace Harness;

/// <summary>Which classes a scenario's metrics count (<c>model.evaluate</c>).</summary>
public enum ClassEvaluation
{
    /// <summary>Every class the model's classes reach: the <c>class_map</c> keys and each model class neither mapped nor ignored.</summary>
    All,

    /// <summary>
    /// The <c>class_map</c> keys alone: detections of a model class that reaches no key are dropped, and truth that
    /// reaches no key is left out of the metrics (an 80-class model on a clip that labels three).
    /// </summary>
    Mapped,
}
