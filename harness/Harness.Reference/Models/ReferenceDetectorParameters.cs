namespace Harness.Models;

/// <summary>
/// The hand-set weights of the reference detector. Pixels are first divided by their brightness (mean of R, G, B plus
/// <see cref="BrightnessFloor"/>) so colour survives at night while noise in dark pixels grows.
/// <see cref="ColorFilters"/> is a 3x3 matrix (class x RGB) of 1x1 colour matched filters with <see cref="ColorBias"/>.
/// The templates read each response capped at <see cref="ResponseCap"/>: haze and night wash a far object's colour out
/// to a fraction of a near one's, so uncapped its score fell with its distance; capped, a template scores where the
/// colour lies rather than how saturated it is (box masks read the response uncapped).
/// Each class template is the mean capped response over the box parts that should show the class colour, minus
/// <see cref="InsideNegativeWeight"/> times the mean over parts that should not, minus <see cref="SurroundWeight"/>
/// times the mean over a surround <see cref="SurroundScale"/> times the box, minus <see cref="AboveWeights"/> (per
/// class) times the mean over the part of the surround directly above the box (a pedestrian's or cyclist's head has
/// background above it, a leg or the lower body its own torso), minus <see cref="OtherClassWeight"/> times
/// the other classes' responses; the score is sigmoid(Gain * template + Offset - SizeDisagreementWeight * size
/// disagreement - OverfillWeight * max(0, window mask mean - OverfillLimit) - UnderfillWeight * max(0,
/// <see cref="MinimumFill"/> - window mask mass / decoded box area)), the last for whole-object anchors only. Anchor
/// heights grow by AnchorScaleStep from 14 pixels; a box spans CellsPerBoxHeight x CellsPerBoxWidth grid cells (rounded
/// to power-of-two strides).
/// Boxes are regressed from the class mask (response times <see cref="MaskGains"/> above <see cref="MaskThresholds"/>,
/// saturated at 1) over the template window: width and height are the mask's standard deviation times
/// <see cref="SpreadToWidth"/> / <see cref="SpreadToHeight"/>, the centre its centroid moved down by
/// <see cref="CentroidToCentreY"/> box heights. These three follow from the painted class patterns (a uniform
/// rectangle would give sqrt(12) and 0). BoxShiftX/BoxShiftY (fractions of the box) and BoxScale then move the box.
/// Classes with a <see cref="TopPartVisible"/> above 0 also get anchors for their top part above something nearer that
/// hides the rest (<see cref="OccludedTopPart"/>): the class's own colour below <see cref="TopPartHiddenFrom"/> counts
/// against them with <see cref="HiddenOwnColorWeight"/>, the logit offset is <see cref="TopPartOffsets"/>, the width
/// is the horizontal spread times <see cref="TopPartSpreadToWidth"/> and the top lies <see cref="TopPartSpreadToTop"/> vertical spreads above
/// the centroid. Part anchors start at <see cref="TopPartMinHeight"/> pixels (the visible part of a smaller object is a
/// few pixels, too few to place a box from) and are <see cref="TopPartStrideFactor"/> times sparser than the whole-object
/// anchors of their shape, which keeps their cost to a fraction (the box follows the colour centroid, not the grid).
/// </summary>
internal sealed record ReferenceDetectorParameters(
    float BrightnessFloor,
    float[] ColorFilters,
    float[] ColorBias,
    float ResponseCap,
    float[][] Aspects,
    float AnchorScaleStep,
    float CellsPerBoxHeight,
    float CellsPerBoxWidth,
    float[] Gains,
    float[] Offsets,
    float SurroundScale,
    float SurroundWeight,
    float[] AboveWeights,
    float InsideNegativeWeight,
    float OtherClassWeight,
    float[] MaskGains,
    float[] MaskThresholds,
    float SizeDisagreementWeight,
    float OverfillLimit,
    float OverfillWeight,
    float[] MinimumFill,
    float UnderfillWeight,
    float[] SpreadToWidth,
    float[] SpreadToHeight,
    float[] CentroidToCentreY,
    float BoxShiftX,
    float BoxShiftY,
    float BoxScale,
    float[] TopPartVisible,
    float TopPartHiddenFrom,
    float HiddenOwnColorWeight,
    float[] TopPartOffsets,
    float[] TopPartSpreadToWidth,
    float[] TopPartSpreadToTop,
    int TopPartMinHeight,
    int TopPartStrideFactor)
{
    public static ReferenceDetectorParameters Tuned { get; } = new(
        BrightnessFloor: 0.05f,
        ColorFilters:
        [
            1f, -0.5f, -0.5f,
            -0.5f, -0.5f, 1f,
            -0.5f, 1f, -0.5f,
        ],
        ColorBias: [-0.2f, -0.2f, -0.2f],
        ResponseCap: 0.4f,
        Aspects: [[1.3f, 1.8f], [0.4f], [0.6f]],
        AnchorScaleStep: 1.41f,
        CellsPerBoxHeight: 2.5f,
        CellsPerBoxWidth: 2f,
        Gains: [36f, 48f, 42f],
        Offsets: [0.9f, 1f, 2f],
        SurroundScale: 1.5f,
        SurroundWeight: 1.5f,
        AboveWeights: [0f, 1f, 1f],
        InsideNegativeWeight: 0.4f,
        OtherClassWeight: 0.5f,
        MaskGains: [4f, 4f, 4f],
        MaskThresholds: [0.1f, 0.1f, 0.1f],
        SizeDisagreementWeight: 10f,
        OverfillLimit: 0.25f,
        OverfillWeight: 20f,
        MinimumFill: [0.6f, 0.3f, 0.2f],
        UnderfillWeight: 20f,
        SpreadToWidth: [3.36f, 4.44f, 4.96f],
        SpreadToHeight: [4.2f, 4.04f, 4.47f],
        CentroidToCentreY: [0.005f, -0.021f, 0.033f],
        BoxShiftX: 0f,
        BoxShiftY: 0f,
        BoxScale: 1f,
        TopPartVisible: [0f, 0.45f, 0.5f],
        TopPartHiddenFrom: 0.65f,
        HiddenOwnColorWeight: 1f,
        TopPartOffsets: [0f, -2.5f, -1f],
        TopPartSpreadToWidth: [0f, 4.3f, 4.8f],
        TopPartSpreadToTop: [0f, 2.15f, 2.1f],
        TopPartMinHeight: 20,
        TopPartStrideFactor: 2);

    /// <summary>The same detector with washed-out colour filters and boxes that sit off the objects.</summary>
    public static ReferenceDetectorParameters Degraded { get; } = Tuned with
    {
        ColorFilters =
        [
            0.7f, -0.2f, -0.5f,
            -0.2f, -0.5f, 0.7f,
            -0.5f, 0.7f, -0.2f,
        ],
        BoxShiftX = 0.2f,
        BoxShiftY = 0.12f,
        BoxScale = 1.15f,
    };

    /// <summary>
    /// A trade-off, as a retrain that re-weights classes gives: a looser car colour filter and a higher car prior find
    /// more cars, a stricter pedestrian filter and a lower pedestrian prior (whole and top-part anchors alike) lose
    /// pedestrians.
    /// </summary>
    public static ReferenceDetectorParameters Mixed { get; } = Tuned with
    {
        ColorBias = [-0.1f, -0.35f, -0.2f],
        Offsets = [Tuned.Offsets[0] + 2f, Tuned.Offsets[1] - 1.5f, Tuned.Offsets[2]],
        TopPartOffsets = [Tuned.TopPartOffsets[0], Tuned.TopPartOffsets[1] - 1.5f, Tuned.TopPartOffsets[2]],
    };
}
