namespace Harness;

/// <summary>A detected box in source-image pixels, corners (x1, y1) top-left and (x2, y2) bottom-right.</summary>
public readonly record struct Detection(float X1, float Y1, float X2, float Y2, float Score, int ClassId)
{
    public float Width => X2 - X1;

    public float Height => Y2 - Y1;
}
