namespace Harness.Clips.Synthetic;

/// <summary>Population, geometry and lighting of one named scene.</summary>
internal sealed record SceneProfile(
    int Cars,
    int Pedestrians,
    int Cyclists,
    float MinRange,
    float MaxRange,
    float EgoSpeed,
    float CarSpeedMin,
    float CarSpeedMax,
    bool Buildings,
    float CrossingShare,
    Lighting Lighting)
{
    public static SceneProfile For(string scene) => scene switch
    {
        "urban-day" => Urban(Lighting.Day),
        "urban-night" => Urban(Lighting.Night),
        "urban-rain" => Urban(Lighting.Rain),
        "crowd" => new SceneProfile(3, 22, 3, 5f, 45f, 4f, 2f, 8f, Buildings: true, CrossingShare: 0.4f, Lighting.Day),
        "highway" => new SceneProfile(11, 0, 0, 15f, 80f, 25f, 20f, 33f, Buildings: false, CrossingShare: 0f, Lighting.Day),
        _ => throw new ArgumentOutOfRangeException(nameof(scene), scene, "Unknown synthetic scene."),
    };

    private static SceneProfile Urban(Lighting lighting) =>
        new(6, 6, 3, 5f, 80f, 8f, 3f, 13f, Buildings: true, CrossingShare: 0.15f, lighting);
}
