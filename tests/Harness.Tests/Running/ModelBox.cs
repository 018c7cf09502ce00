namespace Harness.Tests.Running;

/// <summary>A detection a constant model emits, as corners in model-input pixels.</summary>
internal sealed record ModelBox(float X1, float Y1, float X2, float Y2, float Score, int ClassId)
{
    public float CentreX => (X1 + X2) / 2;

    public float CentreY => (Y1 + Y2) / 2;

    public float Width => X2 - X1;

    public float Height => Y2 - Y1;
}
