namespace Harness.Gate;

/// <summary>
/// Whether a run that replays the same clip through the same model with the same settings as its baseline also
/// produced the same detections.
/// </summary>
public enum PipelineAgreement
{
    /// <summary>Clip, model or settings differ from the baseline's (or it has no detection snapshot): detections may differ.</summary>
    NotApplicable,

    /// <summary>Same inputs, bit-identical detections.</summary>
    Identical,

    /// <summary>Same inputs; detections differ only within numerical tolerance (platform noise).</summary>
    Equivalent,

    /// <summary>Same inputs, detections beyond tolerance: code in decoding, preprocessing or postprocessing moved them.</summary>
    Changed,
}
