namespace Harness.Inference;

/// <summary>
/// The sizes a layout's outputs were found to have: the class count (-1 when no output's shape carries it) and the
/// anchor or slot count N.
/// </summary>
internal readonly record struct LayoutShape(int Classes, int Anchors);
