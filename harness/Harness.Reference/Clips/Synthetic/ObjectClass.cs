namespace Harness.Clips.Synthetic;

/// <summary>Ground-truth class ids of the synthetic scenes, in <see cref="SyntheticScene.ClassNames"/> order.</summary>
internal enum ObjectClass
{
    Car = 0,
    Pedestrian = 1,
    Cyclist = 2,
}
