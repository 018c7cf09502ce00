namespace Harness.Running;

/// <summary>The stages a scenario passes through in a gate run, in order.</summary>
internal enum PipelineStage
{
    /// <summary>Reading the scenario file.</summary>
    Load,

    /// <summary>Reading the verified baseline and the suite's defaults.</summary>
    ReadBaseline,

    /// <summary>Resolving, verifying and opening the clip.</summary>
    OpenClip,

    Preprocess,

    Infer,

    Postprocess,

    /// <summary>Computing the metrics from every frame.</summary>
    Score,

    /// <summary>Judging the metrics against the baseline and keeping the received snapshot.</summary>
    Compare,
}
