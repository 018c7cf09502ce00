namespace Harness.Clips.Synthetic;

/// <summary>
/// A 32-beam spinning lidar over the camera's field of view, mounted at 1.8 m: each ray returns its nearest hit on
/// the ground plane or on a road user's 3D box (axis-aligned, as every object moves along or across the road).
/// Returns are (x, y, z, intensity) in the ego frame; rain drops a share of them.
/// </summary>
internal sealed class LidarSimulator
{
    private const int Beams = 32;
    private const int Azimuths = 201;
    private const float MountHeight = 1.8f;
    private const float MaxRange = 100f;

    private readonly float _dropout;
    private readonly float[] _directions;

    public LidarSimulator(float dropout)
    {
        _dropout = dropout;
        _directions = new float[Beams * Azimuths * 3];
        var d = 0;
        for (var beam = 0; beam < Beams; beam++)
        {
            var elevation = (-16f + (20f * beam / (Beams - 1))) * MathF.PI / 180f;
            for (var a = 0; a < Azimuths; a++)
            {
                var azimuth = (-40f + (80f * a / (Azimuths - 1))) * MathF.PI / 180f;
                _directions[d++] = MathF.Cos(elevation) * MathF.Cos(azimuth);
                _directions[d++] = MathF.Cos(elevation) * MathF.Sin(azimuth);
                _directions[d++] = MathF.Sin(elevation);
            }
        }
    }

    public LidarScan Scan(SceneSimulation simulation, ref Pcg32 random)
    {
        var objects = simulation.Objects;
        var points = new List<float>(Beams * Azimuths * 4);
        for (var d = 0; d < _directions.Length; d += 3)
        {
            var dx = _directions[d];
            var dy = _directions[d + 1];
            var dz = _directions[d + 2];
            var nearest = MaxRange;
            var intensity = 0f;
            if (dz < 0f && MountHeight / -dz < MaxRange)
            {
                nearest = MountHeight / -dz;
                intensity = 0.1f;
            }

            foreach (var item in objects)
            {
                var t = Intersect(item, item.X - simulation.EgoX, dx, dy, dz);
                if (t < nearest)
                {
                    nearest = t;
                    intensity = item.Class switch
                    {
                        ObjectClass.Car => 0.6f,
                        ObjectClass.Pedestrian => 0.35f,
                        _ => 0.45f,
                    };
                }
            }

            if (intensity == 0f || (_dropout > 0f && random.Chance(_dropout)))
            {
                continue;
            }

            points.Add(dx * nearest);
            points.Add(dy * nearest);
            points.Add(MountHeight + (dz * nearest));
            points.Add(intensity);
        }

        return new LidarScan(points.ToArray());
    }

    /// <summary>Slab test of a ray from the sensor against the object's box; returns the entry distance or infinity.</summary>
    private static float Intersect(SceneObject item, float relativeX, float dx, float dy, float dz)
    {
        var near = 0f;
        var far = float.PositiveInfinity;
        return Slab(relativeX, item.ExtentX, dx, ref near, ref far)
            && Slab(item.Y, item.ExtentY, dy, ref near, ref far)
            && Slab((item.Height * 0.5f) - MountHeight, item.Height, dz, ref near, ref far)
            ? near
            : float.PositiveInfinity;
    }

    private static bool Slab(float center, float extent, float direction, ref float near, ref float far)
    {
        var low = center - (extent * 0.5f);
        var high = center + (extent * 0.5f);
        if (MathF.Abs(direction) < 1e-9f)
        {
            return low <= 0f && high >= 0f;
        }

        var t0 = low / direction;
        var t1 = high / direction;
        if (t0 > t1)
        {
            (t0, t1) = (t1, t0);
        }

        near = MathF.Max(near, t0);
        far = MathF.Min(far, t1);
        return near <= far;
    }
}
