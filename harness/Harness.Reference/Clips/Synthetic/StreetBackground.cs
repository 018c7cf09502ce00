namespace Harness.Clips.Synthetic;

/// <summary>
/// Paints sky, road with lane markings, sidewalks, grass and building facades by casting each pixel's ray onto the
/// ground plane or the facade planes. Facades give the detector realistic clutter (brick red, blue-grey, green).
/// </summary>
internal sealed class StreetBackground
{
    private const float FacadeOffset = 12f;
    private const float SidewalkOuter = 10f;

    private static readonly float[][] FacadePalette =
    [
        [0.55f, 0.3f, 0.24f],
        [0.62f, 0.57f, 0.47f],
        [0.45f, 0.46f, 0.48f],
        [0.38f, 0.44f, 0.56f],
        [0.4f, 0.48f, 0.38f],
        [0.7f, 0.66f, 0.6f],
    ];

    private readonly PinholeCamera _camera;
    private readonly float _roadHalfWidth;
    private readonly bool _night;
    private const float StreetAhead = 400f;

    private readonly bool _hasBuildings;
    private readonly List<Building>[] _buildings = [[], []];
    private readonly Pcg32[] _streetRandom;
    private readonly float[] _streetEnd = [-20f, -20f];

    public StreetBackground(PinholeCamera camera, float roadHalfWidth, bool buildings, bool night, int seed)
    {
        _camera = camera;
        _roadHalfWidth = roadHalfWidth;
        _night = night;
        _hasBuildings = buildings;
        _streetRandom = [new Pcg32((ulong)(uint)seed, 2), new Pcg32((ulong)(uint)seed, 3)];
    }

    public static ReadOnlySpan<float> Haze => [0.72f, 0.75f, 0.8f];

    public void Paint(Span<float> rgb, float egoX)
    {
        if (_hasBuildings)
        {
            ExtendStreet(0, egoX + StreetAhead);
            ExtendStreet(1, egoX + StreetAhead);
        }

        var width = _camera.Width;
        for (var v = 0; v < _camera.Height; v++)
        {
            var row = rgb.Slice(v * width * 3, width * 3);
            var pv = v + 0.5f - _camera.Cy;
            for (var u = 0; u < width; u++)
            {
                var pu = _camera.Cx - (u + 0.5f);
                PaintPixel(row.Slice(u * 3, 3), pu, pv, egoX);
            }
        }
    }

    /// <summary>Adds facades as the ego drives on, so memory follows the view rather than the clip length.</summary>
    private void ExtendStreet(int side, float until)
    {
        ref var random = ref _streetRandom[side];
        var street = _buildings[side];
        while (_streetEnd[side] < until)
        {
            var start = _streetEnd[side] + random.Range(0f, 4f);
            var end = start + random.Range(8f, 25f);
            var color = FacadePalette[random.Below(FacadePalette.Length)];
            var shade = random.Range(0.85f, 1.1f);
            street.Add(new Building(start, end, random.Range(6f, 20f), color[0] * shade, color[1] * shade, color[2] * shade, random.NextUInt()));
            _streetEnd[side] = end;
        }

        var behind = street.FindIndex(b => b.End >= until - StreetAhead - 50f);
        if (behind > 0)
        {
            street.RemoveRange(0, behind);
        }
    }

    private void PaintPixel(Span<float> pixel, float pu, float pv, float egoX)
    {
        var focal = _camera.Focal;
        if (MathF.Abs(pu) > 1e-3f)
        {
            var side = pu > 0f ? 0 : 1;
            var facadeX = focal * FacadeOffset / MathF.Abs(pu);
            var z = PinholeCamera.MountHeight - (pv * facadeX / focal);
            var groundBeyondFacade = pv <= 0f || focal * PinholeCamera.MountHeight / pv > facadeX;
            if (z >= 0f && groundBeyondFacade && TryFacade(pixel, _buildings[side], egoX + facadeX, z, facadeX))
            {
                return;
            }
        }

        if (pv <= 0f)
        {
            var t = Math.Clamp(-pv / (_camera.Height * 0.42f), 0f, 1f);
            Set(pixel, Lerp(0.74f, 0.6f, t), Lerp(0.77f, 0.67f, t), Lerp(0.82f, 0.78f, t));
            return;
        }

        var groundX = focal * PinholeCamera.MountHeight / pv;
        var groundY = pu * groundX / focal;
        var lateral = MathF.Abs(groundY);
        if (lateral < _roadHalfWidth)
        {
            var worldX = egoX + groundX;
            var marking = LaneMarking(groundY, worldX, groundX);
            var gray = marking ? 0.82f : 0.36f + (0.03f * MathF.Sin(worldX * 0.7f));
            Set(pixel, gray, gray, gray * 1.03f);
        }
        else if (lateral < SidewalkOuter && _hasBuildings)
        {
            Set(pixel, 0.55f, 0.53f, 0.5f);
        }
        else
        {
            Set(pixel, 0.28f, 0.38f, 0.22f);
        }

        AddHaze(pixel, groundX);
    }

    private bool LaneMarking(float groundY, float worldX, float distance)
    {
        var halfLine = 0.08f + (distance * 0.0015f);
        if (MathF.Abs(MathF.Abs(groundY) - (_roadHalfWidth - 0.3f)) < halfLine)
        {
            return true;
        }

        var dashed = worldX - (9f * MathF.Floor(worldX / 9f)) < 3f;
        if (!dashed)
        {
            return false;
        }

        for (var line = -_roadHalfWidth + 3.5f; line < _roadHalfWidth - 1f; line += 3.5f)
        {
            if (MathF.Abs(groundY - line) < halfLine)
            {
                return true;
            }
        }

        return false;
    }

    private bool TryFacade(Span<float> pixel, List<Building> street, float worldX, float z, float distance)
    {
        var low = 0;
        var high = street.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var building = street[mid];
            if (worldX < building.Start)
            {
                high = mid - 1;
            }
            else if (worldX > building.End)
            {
                low = mid + 1;
            }
            else
            {
                if (z > building.Height)
                {
                    return false;
                }

                PaintFacade(pixel, building, worldX - building.Start, z);
                AddHaze(pixel, distance);
                return true;
            }
        }

        return false;
    }

    private void PaintFacade(Span<float> pixel, Building building, float along, float z)
    {
        var column = (int)(along / 3f);
        var floor = (int)(z / 3.2f);
        var inWindow = along - (column * 3f) is > 0.8f and < 2.2f && z - (floor * 3.2f) is > 1f and < 2.4f && z > 3f;
        if (!inWindow)
        {
            Set(pixel, building.R, building.G, building.B);
            return;
        }

        var lit = _night && ((building.Pattern >> ((column * 7) + floor & 31)) & 1u) == 1u;
        if (lit)
        {
            Set(pixel, 0.95f * 3.2f, 0.82f * 3.2f, 0.45f * 3.2f);
        }
        else
        {
            Set(pixel, 0.2f, 0.22f, 0.28f);
        }
    }

    private static void AddHaze(Span<float> pixel, float distance)
    {
        var k = MathF.Min(0.5f, distance / 200f);
        var haze = Haze;
        for (var c = 0; c < 3; c++)
        {
            pixel[c] += (haze[c] - pixel[c]) * k;
        }
    }

    private static void Set(Span<float> pixel, float r, float g, float b)
    {
        pixel[0] = r;
        pixel[1] = g;
        pixel[2] = b;
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);

    private sealed record Building(float Start, float End, float Height, float R, float G, float B, uint Pattern);
}
