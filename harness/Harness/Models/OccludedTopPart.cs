namespace Harness.Models;

/// <summary>
/// The template of an object whose lower part a nearer car hides (<see cref="AnchorPart.TopAboveCar"/>): the class's
/// own appearance above <see cref="ReferenceDetectorParameters.TopPartVisible"/> of the box height, car colour below
/// <see cref="ReferenceDetectorParameters.TopPartOccluderFrom"/>, and a surround only beside and above the visible
/// part (below it is the car). Asking for the car keeps these anchors off objects that are fully in view, whose
/// whole-object anchors already find them. The box decoded from such a window extends the visible part to the whole
/// object: the top is the colour centroid minus <see cref="ReferenceDetectorParameters.TopPartSpreadToTop"/> vertical
/// standard deviations (a band of colour that starts at the object's top, whatever its height), the width follows
/// from the horizontal spread, and the height from the width and the class's aspect ratio.
/// </summary>
internal static class OccludedTopPart
{
    public static AppearanceRole RoleAt(int classId, float fx, float fy, ReferenceDetectorParameters parameters)
    {
        if (fy < parameters.TopPartVisible[classId])
        {
            return ClassAppearance.RoleAt(classId, fx, fy);
        }

        return fy >= parameters.TopPartOccluderFrom ? AppearanceRole.OccluderColor : AppearanceRole.Neutral;
    }

    /// <summary>Whether a point of the template outside the box belongs to the surround (not where the car is).</summary>
    public static bool InSurround(int classId, float fy, ReferenceDetectorParameters parameters) =>
        fy < parameters.TopPartVisible[classId];
}
