namespace Harness.Models;

/// <summary>What the detector expects at a point of an object's box: its class colour, something else, the colour of a car in front of it, or no opinion.</summary>
internal enum AppearanceRole
{
    Neutral,
    ClassColor,
    NotClassColor,
    OccluderColor,
}
