namespace Harness;

/// <summary>Lidar returns as packed (x, y, z, intensity) float quadruples in the ego frame.</summary>
public sealed record LidarScan(ReadOnlyMemory<float> Points)
{
    public int Count => Points.Length / 4;
}
