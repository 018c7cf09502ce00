namespace Harness.Models;

/// <summary>
/// What the detector expects at a point of an object's box: its class colour, something else, no opinion, or (for a
/// part template) the part that something nearer hides, where the class's own colour counts against the part.
/// </summary>
internal enum AppearanceRole
{
    Neutral,
    ClassColor,
    NotClassColor,
    Hidden,
}
