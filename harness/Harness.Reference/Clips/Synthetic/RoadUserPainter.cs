namespace Harness.Clips.Synthetic;

/// <summary>
/// Paints one road user into its projected box with a class-specific pattern (car: body colour with dark window band,
/// tail lights and wheels; pedestrian: head, blue-dominant torso, two legs; cyclist: helmet, green-dominant jersey,
/// dark wheel band) and marks every painted pixel with the object's id.
/// </summary>
internal static class RoadUserPainter
{
    /// <summary>Returns how many in-image pixels were painted.</summary>
    public static int Paint(Span<float> rgb, Span<ushort> ids, int width, int height, SceneObject item, RectangleF box, float haze, float lightBoost, ushort id)
    {
        var u0 = Math.Max(0, (int)MathF.Floor(box.Left));
        var u1 = Math.Min(width, (int)MathF.Ceiling(box.Right));
        var v0 = Math.Max(0, (int)MathF.Floor(box.Top));
        var v1 = Math.Min(height, (int)MathF.Ceiling(box.Bottom));
        var hazeColor = StreetBackground.Haze;
        Span<float> color = stackalloc float[3];
        var painted = 0;
        for (var v = v0; v < v1; v++)
        {
            var fy = (v + 0.5f - box.Top) / box.Height;
            for (var u = u0; u < u1; u++)
            {
                var fx = (u + 0.5f - box.Left) / box.Width;
                if (fx < 0f || fx >= 1f || fy < 0f || fy >= 1f || !Pattern(item, fx, fy, lightBoost, color))
                {
                    continue;
                }

                var offset = ((v * width) + u) * 3;
                for (var c = 0; c < 3; c++)
                {
                    rgb[offset + c] = color[c] + ((hazeColor[c] - color[c]) * haze);
                }

                ids[(v * width) + u] = id;
                painted++;
            }
        }

        return painted;
    }

    private static bool Pattern(SceneObject item, float fx, float fy, float lightBoost, Span<float> color) => item.Class switch
    {
        ObjectClass.Car => Car(item, fx, fy, lightBoost, color),
        ObjectClass.Pedestrian => Pedestrian(item, fx, fy, color),
        _ => Cyclist(item, fx, fy, color),
    };

    private static bool Car(SceneObject car, float fx, float fy, float lightBoost, Span<float> color)
    {
        if (fy < 0.1f)
        {
            return fx is > 0.12f and < 0.88f && Set(color, car.R * 0.85f, car.G * 0.85f, car.B * 0.85f);
        }

        if (fy < 0.32f)
        {
            return fx is > 0.14f and < 0.86f ? Set(color, 0.1f, 0.11f, 0.14f) : Set(color, car.R * 0.9f, car.G * 0.9f, car.B * 0.9f);
        }

        if (fy is > 0.4f and < 0.52f && (fx < 0.14f || fx > 0.86f))
        {
            return Set(color, MathF.Min(1f, 1f * lightBoost), 0.12f * lightBoost, 0.1f * lightBoost);
        }

        if (fy < 0.86f)
        {
            return Set(color, car.R, car.G, car.B);
        }

        return fx is < 0.24f or > 0.76f ? Set(color, 0.05f, 0.05f, 0.05f) : Set(color, 0.2f, 0.2f, 0.2f);
    }

    private static bool Pedestrian(SceneObject pedestrian, float fx, float fy, Span<float> color)
    {
        if (fy < 0.13f)
        {
            return fx is > 0.3f and < 0.7f && Set(color, 0.85f, 0.65f, 0.5f);
        }

        if (fy < 0.56f)
        {
            return fx is > 0.08f and < 0.92f && Set(color, pedestrian.R, pedestrian.G, pedestrian.B);
        }

        return fx is (> 0.18f and < 0.46f) or (> 0.54f and < 0.82f) && Set(color, pedestrian.R * 0.5f, pedestrian.G * 0.6f, pedestrian.B * 0.75f);
    }

    private static bool Cyclist(SceneObject cyclist, float fx, float fy, Span<float> color)
    {
        if (fy < 0.12f)
        {
            return fx is > 0.34f and < 0.66f && Set(color, 0.9f, 0.9f, 0.2f);
        }

        if (fy < 0.55f)
        {
            return fx is > 0.12f and < 0.88f && Set(color, cyclist.R, cyclist.G, cyclist.B);
        }

        if (fy is > 0.8f and < 0.95f)
        {
            return fx is > 0.28f and < 0.72f && Set(color, 0.06f, 0.06f, 0.06f);
        }

        return fx is > 0.22f and < 0.78f && Set(color, cyclist.R * 0.8f, cyclist.G * 0.75f, cyclist.B * 0.8f);
    }

    private static bool Set(Span<float> color, float r, float g, float b)
    {
        color[0] = r;
        color[1] = g;
        color[2] = b;
        return true;
    }
}
