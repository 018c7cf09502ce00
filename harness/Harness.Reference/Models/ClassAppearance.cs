namespace Harness.Models;

/// <summary>
/// The coarse appearance the reference detector's templates encode, over a box in unit coordinates (fx right,
/// fy down): cars have a dark window band over a coloured body and dark wheels, pedestrians a coloured torso over two
/// legs with a gap, cyclists a coloured jersey over a narrow bike with a dark wheel band.
/// </summary>
internal static class ClassAppearance
{
    public static AppearanceRole RoleAt(int classId, float fx, float fy) => classId switch
    {
        0 => Car(fx, fy),
        1 => Pedestrian(fx, fy),
        _ => Cyclist(fx, fy),
    };

    private static AppearanceRole Car(float fx, float fy)
    {
        if (fy < 0.1f)
        {
            return fx is > 0.15f and < 0.85f ? AppearanceRole.ClassColor : AppearanceRole.Neutral;
        }

        if (fy < 0.32f)
        {
            return fx is > 0.2f and < 0.8f ? AppearanceRole.NotClassColor : AppearanceRole.Neutral;
        }

        return fy < 0.85f ? AppearanceRole.ClassColor : AppearanceRole.NotClassColor;
    }

    private static AppearanceRole Pedestrian(float fx, float fy)
    {
        if (fy < 0.14f)
        {
            return fx is < 0.25f or > 0.75f ? AppearanceRole.NotClassColor : AppearanceRole.Neutral;
        }

        if (fy < 0.55f)
        {
            return fx is > 0.12f and < 0.88f ? AppearanceRole.ClassColor : AppearanceRole.Neutral;
        }

        return fx is (> 0.2f and < 0.44f) or (> 0.56f and < 0.8f) ? AppearanceRole.ClassColor : AppearanceRole.Neutral;
    }

    private static AppearanceRole Cyclist(float fx, float fy)
    {
        if (fy < 0.13f)
        {
            return fx is < 0.25f or > 0.75f ? AppearanceRole.NotClassColor : AppearanceRole.Neutral;
        }

        if (fy < 0.54f)
        {
            return fx is > 0.15f and < 0.85f ? AppearanceRole.ClassColor : AppearanceRole.Neutral;
        }

        if (fy is > 0.8f and < 0.95f)
        {
            return fx is > 0.32f and < 0.68f ? AppearanceRole.NotClassColor : AppearanceRole.Neutral;
        }

        return fx is > 0.25f and < 0.75f ? AppearanceRole.ClassColor : AppearanceRole.Neutral;
    }
}
