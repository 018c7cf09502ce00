namespace Harness.Preprocessing;

/// <summary>One value per colour channel, named by colour so it does not depend on the output plane order.</summary>
internal readonly record struct ChannelValues(float R, float G, float B)
{
    internal float ForColour(int colour) => colour switch
    {
        0 => R,
        1 => G,
        _ => B,
    };
}
