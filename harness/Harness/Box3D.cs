namespace Harness;

/// <summary>A 3D box in the ego frame (x forward, y left, z up), metres and radians.</summary>
public sealed record Box3D(float CenterX, float CenterY, float CenterZ, float Length, float Width, float Height, float Yaw);
