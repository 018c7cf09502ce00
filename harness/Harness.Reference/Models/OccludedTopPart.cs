namespace Harness.Models;

/// <summary>
/// The template of an object whose lower part something nearer hides (<see cref="AnchorPart.VisibleTop"/>): the
/// class's own appearance above <see cref="ReferenceDetectorParameters.TopPartVisible"/> of the box height, the class
/// colour counted against it below <see cref="ReferenceDetectorParameters.TopPartHiddenFrom"/> (an object in full view
/// shows its legs or bike there, and its whole-object anchors already find it), and a surround only beside and above
/// the visible part. The box decoded from such a window extends the visible part to the whole object: the top is the
/// colour centroid minus <see cref="ReferenceDetectorParameters.TopPartSpreadToTop"/> vertical standard deviations (a
/// band of colour that starts at the object's top, whatever its height), the width follows from the horizontal
/// spread, and the height from the width and the class's aspect ratio.
/// </summary>
internal static class OccludedTopPart
{
    public static AppearanceRole RoleAt(int classId, float fx, float fy, ReferenceDetectorParameters parameters)
    {
        if (fy < parameters.TopPartVisible[classId])
        {
            return ClassAppearance.RoleAt(classId, fx, fy);
        }

        return fy >= parameters.TopPartHiddenFrom ? AppearanceRole.Hidden : AppearanceRole.Neutral;
    }

    /// <summary>Whether a point of the template outside the box belongs to the surround (not beside the hidden part).</summary>
    public static bool InSurround(int classId, float fy, ReferenceDetectorParameters parameters) =>
        fy < parameters.TopPartVisible[classId];
}
