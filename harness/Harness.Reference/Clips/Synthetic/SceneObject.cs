namespace Harness.Clips.Synthetic;

/// <summary>Mutable simulation state of one road user; positions are in the world frame, colours in 0..1.</summary>
internal sealed class SceneObject
{
    public required ObjectClass Class { get; init; }

    public int TrackId { get; set; }

    public float X { get; set; }

    public float Y { get; set; }

    public float SpeedX { get; set; }

    public float SpeedY { get; set; }

    public float Length { get; set; }

    public float Width { get; set; }

    public float Height { get; set; }

    public float R { get; set; }

    public float G { get; set; }

    public float B { get; set; }

    public float Yaw => SpeedY != 0f ? (SpeedY > 0f ? MathF.PI / 2f : -MathF.PI / 2f) : (SpeedX >= 0f ? 0f : MathF.PI);

    /// <summary>Footprint along x and y: a crossing pedestrian faces sideways.</summary>
    public float ExtentX => SpeedY != 0f ? Width : Length;

    public float ExtentY => SpeedY != 0f ? Length : Width;
}
