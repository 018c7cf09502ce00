namespace Harness.Clips.Synthetic;

/// <summary>
/// Renders one frame of a simulation: background, road users in painter's order (far to near), the occlusion
/// fraction of each from the id mask, the image-wide condition (night, rain, noise), ground truth and lidar.
/// Scratch buffers are reused; only the frame's own pixel, truth and lidar arrays are allocated.
/// </summary>
internal sealed class FrameRenderer
{
    /// <summary>
    /// An object with less than a fifth of its painted pixels visible is an ignore region rather than an object to find:
    /// the lower visibility bound of every Caltech Pedestrian / CityPersons evaluation setting (their "heavy occlusion"
    /// subset is 20-65% visible; anything less is ignored), as an annotator would not label what cannot be seen.
    /// </summary>
    private const float IgnoreAboveOcclusion = 0.8f;

    private readonly PinholeCamera _camera;
    private readonly Lighting _lighting;
    private readonly StreetBackground _background;
    private readonly LidarSimulator _lidar;
    private readonly int _seed;
    private readonly float[] _rgb;
    private readonly ushort[] _ids;

    public FrameRenderer(SyntheticSceneOptions options, SceneProfile profile, SceneSimulation simulation)
    {
        _camera = PinholeCamera.For(options.Width, options.Height);
        _lighting = profile.Lighting;
        _seed = options.Seed;
        _background = new StreetBackground(_camera, simulation.RoadHalfWidth, profile.Buildings, profile.Lighting == Lighting.Night, options.Seed);
        _lidar = new LidarSimulator(profile.Lighting.LidarDropout);
        _rgb = new float[options.Width * options.Height * 3];
        _ids = new ushort[options.Width * options.Height];
    }

    public Frame Render(long index, long timestampNs, SceneSimulation simulation)
    {
        _background.Paint(_rgb, simulation.EgoX);
        Array.Clear(_ids);
        var objects = simulation.Objects;
        var order = new int[objects.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byRange = objects[b].X.CompareTo(objects[a].X);
            return byRange != 0 ? byRange : objects[a].TrackId.CompareTo(objects[b].TrackId);
        });

        var boxes = new RectangleF?[objects.Count];
        var painted = new int[objects.Count];
        var lightBoost = 1f / _lighting.Gain;
        foreach (var i in order)
        {
            var item = objects[i];
            var box = Project(item, item.X - simulation.EgoX);
            if (box is not { } visibleBox)
            {
                continue;
            }

            boxes[i] = visibleBox;
            var haze = MathF.Min(0.5f, (item.X - simulation.EgoX) / 200f);
            painted[i] = RoadUserPainter.Paint(_rgb, _ids, _camera.Width, _camera.Height, item, visibleBox, haze, lightBoost, (ushort)(i + 1));
        }

        var visible = new int[objects.Count + 1];
        foreach (var id in _ids)
        {
            visible[id]++;
        }

        var random = new Pcg32((ulong)(uint)_seed, 1000UL + (ulong)index);
        AddRainStreaks(ref random);
        var pixels = ApplyLighting(ref random);
        var truth = BuildTruth(simulation, boxes, painted, visible);
        var lidar = _lidar.Scan(simulation, ref random);
        return new Frame(index, timestampNs, CameraImage.Packed(_camera.Width, _camera.Height, PixelFormat.Rgb8, pixels), truth, lidar);
    }

    private RectangleF? Project(SceneObject item, float relativeX)
    {
        var nearX = relativeX - (item.ExtentX * 0.5f);
        if (nearX < 1f)
        {
            return null;
        }

        var farX = relativeX + (item.ExtentX * 0.5f);
        var left = item.Y + (item.ExtentY * 0.5f);
        var right = item.Y - (item.ExtentY * 0.5f);
        var u0 = MathF.Min(_camera.U(nearX, left), _camera.U(farX, left));
        var u1 = MathF.Max(_camera.U(nearX, right), _camera.U(farX, right));
        var v0 = MathF.Min(_camera.V(nearX, item.Height), _camera.V(farX, item.Height));
        var v1 = MathF.Max(_camera.V(nearX, 0f), _camera.V(farX, 0f));
        if (u1 <= 0f || u0 >= _camera.Width || v1 <= 0f || v0 >= _camera.Height || v1 - v0 < 2f)
        {
            return null;
        }

        return new RectangleF(u0, v0, u1, v1);
    }

    private void AddRainStreaks(ref Pcg32 random)
    {
        var width = _camera.Width;
        var height = _camera.Height;
        for (var s = 0; s < _lighting.RainStreaks; s++)
        {
            var u = random.Range(0f, width);
            var v = random.Range(-20f, height);
            var length = random.Range(10f, 35f);
            for (var step = 0f; step < length; step += 1f)
            {
                var x = (int)(u + (step * 0.25f));
                var y = (int)(v + step);
                if (x < 0 || x >= width || y < 0 || y >= height)
                {
                    continue;
                }

                var offset = ((y * width) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    _rgb[offset + c] = (_rgb[offset + c] * 0.6f) + (0.4f * 0.85f);
                }
            }
        }
    }

    private byte[] ApplyLighting(ref Pcg32 random)
    {
        var pixels = new byte[_rgb.Length];
        var gain = _lighting.Gain * 255f;
        var contrast = _lighting.Contrast;
        var offset = (_lighting.Offset * 255f) + 0.5f;
        var noise = _lighting.NoiseSigma * 255f;
        for (var i = 0; i < _rgb.Length; i++)
        {
            var value = ((((_rgb[i] - 0.5f) * contrast) + 0.5f) * gain) + offset + (random.NextNoise() * noise);
            pixels[i] = (byte)Math.Clamp(value, 0f, 255f);
        }

        return pixels;
    }

    private TruthBox[] BuildTruth(SceneSimulation simulation, RectangleF?[] boxes, int[] painted, int[] visible)
    {
        var truth = new List<TruthBox>();
        var objects = simulation.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            if (boxes[i] is not { } box || painted[i] == 0)
            {
                continue;
            }

            var item = objects[i];
            var occlusion = 1f - (visible[i + 1] / (float)painted[i]);
            var x = Math.Max(0f, box.Left);
            var y = Math.Max(0f, box.Top);
            var relativeX = item.X - simulation.EgoX;
            var range = MathF.Sqrt((relativeX * relativeX) + (item.Y * item.Y));
            var box3D = new Box3D(relativeX, item.Y, item.Height * 0.5f, item.Length, item.Width, item.Height, item.Yaw);
            truth.Add(new TruthBox(
                (int)item.Class,
                x,
                y,
                Math.Min(box.Right, (float)_camera.Width) - x,
                Math.Min(box.Bottom, (float)_camera.Height) - y,
                item.TrackId,
                occlusion,
                range,
                occlusion > IgnoreAboveOcclusion,
                box3D));
        }

        return [.. truth];
    }
}
