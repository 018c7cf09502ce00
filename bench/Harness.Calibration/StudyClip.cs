using Harness.Clips.Synthetic;

namespace Harness.Calibration;

/// <summary>
/// One synthetic recording of the study: the long clip of a scene that is cut into segments (sampling within one
/// scene), or one of the short clips of other seeds (scene to scene).
/// </summary>
internal sealed record StudyClip(SyntheticSceneOptions Options, bool IsLong)
{
    public string Source => Options.ToString();

    public string Name => $"{Options.Scene}-seed{Options.Seed}-{Options.Frames}f";
}
